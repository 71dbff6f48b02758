import { describe, expect, it } from 'vitest';
import { auditLogCsv } from '../../../../shared/export/audit-log-csv';

describe('the audit log as CSV', () => {
  it('writes the entries in words, in the home’s time, with the detail as written', () => {
    const csv = auditLogCsv(
      [
        {
          seq: 1042,
          at: '2026-07-01T13:05:00.000Z',
          who: 'Sam Carer',
          what: 'Ended a contact restriction',
          record: 'Contact restriction',
          detail: 'sha256 ab12, roles: registeredManager',
        },
        {
          seq: 7,
          at: '2026-01-01T09:00:00.000Z',
          who: 'Not signed in',
          what: 'Failed sign-in',
          record: '',
          detail: '=cmd',
        },
      ],
      'Europe/London',
    );
    const [header, first, second, end] = csv.split('\r\n');
    expect(header).toBe('\uFEFFNo.,When,Who,What,Record,Detail');
    // 13:05 UTC is 14:05 in London in summer; a comma quoted; a formula made harmless.
    expect(first).toBe(
      '1042,01/07/2026 14:05,Sam Carer,Ended a contact restriction,Contact restriction,"sha256 ab12, roles: registeredManager"',
    );
    expect(second).toBe("7,01/01/2026 09:00,Not signed in,Failed sign-in,,'=cmd");
    expect(end).toBe('');
  });
});
