// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { reportContentSchema } from '../../../../../shared/ipc/channels/documents';
import type { Declaration } from '../../../../../shared/schemas/declarations';
import {
  declarationsFileName,
  declarationsReport,
} from '../../../../../renderer/src/features/declarations/declarations-report';

const tom = { name: 'Tom Hughes', roles: ['careStaff' as const] };
const priya = { name: 'Priya Raman', roles: ['registeredManager' as const] };
const managerId = '00000000-0000-4000-8000-000000000001';
const staffName = (id: string) => (id === managerId ? 'Priya Raman' : 'Unknown');

function declaration(overrides: Partial<Declaration>): Declaration {
  return {
    id: crypto.randomUUID(),
    staffId: '00000000-0000-4000-8000-000000000002',
    kind: 'giftDeclined',
    happenedOn: '2026-11-01',
    whatHappened: 'A parent offered a voucher; declined.',
    whoWasInvolved: '',
    lineManagerId: managerId,
    recordedAt: '2026-11-02T09:00:00.000Z',
    status: 'open',
    outcome: '',
    action: '',
    ...overrides,
  };
}

/** Tom's declarations as a report for his staff file, signed by `signedBy` at 10:00 on `today`. */
const tomsReport = (
  declarations: Declaration[],
  signedBy: Parameters<typeof declarationsReport>[0]['signedBy'],
  today: string,
) =>
  declarationsReport({
    homeName: 'Oakfield House',
    member: tom,
    declarations,
    staffName,
    signedBy,
    signedAt: `${today}T10:00:00.000Z`,
    today,
    timeZone: 'Europe/London',
  });

describe('the declarations report for a staff file', () => {
  it('lists every declaration oldest first, with the review, and flags the ones still open', () => {
    const report = tomsReport(
      [
        declaration({
          happenedOn: '2026-11-20',
          kind: 'socialMediaContact',
          whatHappened: 'Friend request from a former care leaver.',
        }),
        declaration({
          happenedOn: '2026-10-03',
          status: 'closed',
          reviewedAt: '2026-10-04T09:00:00.000Z',
          reviewedById: managerId,
          supervisionOn: '2026-10-10',
          outcome: 'Declined correctly.',
        }),
      ],
      priya,
      '2026-11-23',
    );
    expect(reportContentSchema.safeParse(report).success).toBe(true);
    expect(report.title).toBe('Staff declarations: Tom Hughes');
    const table = report.sections[1]?.blocks[0];
    expect(table?.kind === 'table' ? table.rows.map((row) => row[1]) : []).toEqual([
      'I declined a gift',
      'Contact on social media',
    ]);
    expect(report.sections[0]?.blocks[0]).toMatchObject({
      kind: 'fields',
      rows: expect.arrayContaining([
        { label: 'Still open', value: '1 (not yet discussed with an outcome)', isWarning: true },
      ]) as unknown,
    });
    const first = JSON.stringify(report.sections[2]);
    expect(first).toContain('Declined correctly.');
    expect(first).toContain('Priya Raman');
    expect(report.signedBy).toEqual({ name: 'Priya Raman', role: 'Registered Manager' });
  });

  it('says so when there are none, and names the file safely', () => {
    const report = tomsReport([], tom, '2026-11-23');
    expect(report.sections[1]?.blocks[0]).toMatchObject({
      kind: 'table',
      rows: [],
      emptyText: 'Tom Hughes has made no declarations.',
    });
    expect(declarationsFileName('Siobhán O’Neill', '2026-11-23')).toBe(
      'declarations-siobhan-o-neill-2026-11-23.pdf',
    );
    expect(declarationsFileName('../..', '2026-11-23')).toBe('declarations-staff-2026-11-23.pdf');
  });

  it('dates each declaration’s recording and review on the home’s clock', () => {
    // Half past midnight on 1 July in summer time: still 30 June in UTC.
    const report = tomsReport(
      [
        declaration({
          happenedOn: '2026-06-30',
          recordedAt: '2026-06-30T23:30:00.000Z',
          status: 'closed',
          reviewedAt: '2026-07-01T23:15:00.000Z',
          reviewedById: managerId,
          supervisionOn: '2026-07-03',
          outcome: 'Discussed.',
        }),
      ],
      priya,
      '2026-07-04',
    );
    const inFull = JSON.stringify(report.sections[2]);
    expect(inFull).toContain('"Recorded","value":"1 Jul 2026"');
    expect(inFull).toContain('Priya Raman on 2 Jul 2026');
  });
});
