import { describe, expect, it } from 'vitest';
import { disclosureLogCsv, type DisclosureLogCsvLine } from '../../../../shared/export/disclosure-log-csv';

const line: DisclosureLogCsvLine = {
  at: '2026-07-01T13:05:00.000Z',
  what: 'Visitor register CSV, 1 to 23 November 2026',
  kind: 'csv',
  recipient: 'Ofsted inspector, Ms Okafor',
  reason: 'other',
  reasonDetail: '=HYPERLINK("x")',
  youngPerson: 'Zoë Brown',
  by: 'Sam Carer',
};

describe('the disclosure log as CSV', () => {
  it('writes a header and one row per copy, in UK words and the home’s time', () => {
    const csv = disclosureLogCsv([line], 'Europe/London');
    expect(
      csv.startsWith('\uFEFFWhen,What,How,To whom or where,Why,Reason in words,Young person,By\r\n'),
    ).toBe(true);
    const row = csv.split('\r\n')[1];
    // 13:05 UTC is 14:05 in London in summer; commas quoted; a formula made harmless.
    expect(row).toBe(
      '01/07/2026 14:05,"Visitor register CSV, 1 to 23 November 2026",CSV file,"Ofsted inspector, Ms Okafor",Another reason,"\'=HYPERLINK(""x"")",Zoë Brown,Sam Carer',
    );
  });

  it('is just the header when nothing has left the app', () => {
    expect(disclosureLogCsv([], 'Europe/London').split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
