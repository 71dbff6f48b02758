import { describe, expect, it } from 'vitest';
import {
  attentionCounts,
  homeOverview,
  setUpChecklist,
  setUpGaps,
  type OverviewFacts,
  type SetUpFacts,
} from '../../../../shared/rules/home-overview';
import type { AcademicYearDates } from '../../../../shared/rules/academic-calendar';

const zone = 'Europe/London';
// Thursday 3 December 2026, 21:00 in London (GMT in winter).
const now = new Date('2026-12-03T21:00:00Z');

const nothing: OverviewFacts = {
  unfiledForms: [],
  registerThisWeek: [],
  onSite: [],
  restrictions: [],
  declarationsNeedingAttention: 0,
  changedOnTwoComputers: 0,
  syncProblems: 0,
  outbox: [],
};

const year: AcademicYearDates = {
  label: '2026/27',
  terms: [
    {
      name: 'autumn',
      startsOn: '2026-09-03',
      endsOn: '2026-12-18',
      halfTermStartsOn: '2026-10-26',
      halfTermEndsOn: '2026-10-30',
    },
    {
      name: 'spring',
      startsOn: '2027-01-05',
      endsOn: '2027-03-26',
      halfTermStartsOn: '2027-02-15',
      halfTermEndsOn: '2027-02-19',
    },
    {
      name: 'summer',
      startsOn: '2027-04-12',
      endsOn: '2027-07-21',
      halfTermStartsOn: '2027-05-31',
      halfTermEndsOn: '2027-06-04',
    },
  ],
};

const setUp: SetUpFacts = {
  caseFileFolder: 'reachable',
  isMailSetUp: true,
  lastBackupAt: '2026-12-01T09:00:00Z',
  academicYears: [year],
  activeStaff: [{ certificateUntil: '2027-12-01T00:00:00Z' }, { certificateUntil: '2027-12-01T00:00:00Z' }],
  youngPeople: 4,
  rooms: 2,
  homeAuthority: 'matches',
};

const visit = (arrivedAt: string, restrictionCheck: 'clear' | 'warn' | 'block' | 'overridden' = 'clear') =>
  ({ kind: 'visit', arrivedAt, restrictionCheck }) as const;
const turnedAway = (arrivedAt: string) =>
  ({ kind: 'turnedAway', arrivedAt, restrictionCheck: 'block' }) as const;

describe('what the manager’s home counts', () => {
  it.each([
    [
      'a form due an hour ago is overdue, not due today',
      { unfiledForms: [{ dueAt: '2026-12-03T20:00:00Z' }] },
      { formsOverdue: 1, formsDueToday: 0 },
    ],
    [
      'a form due before midnight tonight is due today',
      { unfiledForms: [{ dueAt: '2026-12-03T23:59:00Z' }] },
      { formsOverdue: 0, formsDueToday: 1 },
    ],
    [
      'a form due tomorrow morning is neither',
      { unfiledForms: [{ dueAt: '2026-12-04T08:00:00Z' }] },
      { formsOverdue: 0, formsDueToday: 0 },
    ],
    [
      'nine overdue forms are nine, whoever owes them',
      { unfiledForms: Array.from({ length: 9 }, () => ({ dueAt: '2026-11-30T09:00:00Z' })) },
      { formsOverdue: 9 },
    ],
    [
      'a visitor turned away at 9pm counts today and this week',
      { registerThisWeek: [turnedAway('2026-12-03T21:00:00Z')] },
      { turnedAwayToday: 1, turnedAwayThisWeek: 1 },
    ],
    [
      'one turned away six days ago counts this week only; seven days ago not at all',
      { registerThisWeek: [turnedAway('2026-11-27T10:00:00Z'), turnedAway('2026-11-26T23:59:00Z')] },
      { turnedAwayToday: 0, turnedAwayThisWeek: 1 },
    ],
    [
      'an override yesterday is this week, not today',
      { registerThisWeek: [visit('2026-12-02T15:00:00Z', 'overridden'), visit('2026-12-02T16:00:00Z')] },
      { overridesToday: 0, overridesThisWeek: 1 },
    ],
    [
      'a visitor with conditions or an override on site is restricted; a clear one is not',
      {
        onSite: [
          { restrictionCheck: 'warn' },
          { restrictionCheck: 'overridden' },
          { restrictionCheck: 'clear' },
        ] as const,
      },
      { restrictedOnSite: 2 },
    ],
    [
      'an ended restriction is never awaiting approval, due for review or lapsed',
      {
        restrictions: [
          { endedAt: '2026-11-01T00:00:00Z', reviewOn: '2026-11-02', effectiveTo: '2026-11-03' },
        ],
      },
      { restrictionsAwaitingApproval: 0, restrictionsDueForReview: 0, restrictionsLapsed: 0 },
    ],
    [
      'a tutor’s restriction not yet approved awaits approval',
      { restrictions: [{}, { approvedById: 'manager' }] },
      { restrictionsAwaitingApproval: 1 },
    ],
    [
      'a review within a fortnight (or missed) is due; one in three weeks is not',
      {
        restrictions: [
          { approvedById: 'm', reviewOn: '2026-12-17' },
          { approvedById: 'm', reviewOn: '2026-11-01' },
          { approvedById: 'm', reviewOn: '2026-12-18' },
        ],
      },
      { restrictionsDueForReview: 2 },
    ],
    [
      'a lapsed restriction counts as lapsed only, even with a review date passed',
      { restrictions: [{ approvedById: 'm', reviewOn: '2026-11-01', effectiveTo: '2026-12-02' }] },
      { restrictionsDueForReview: 0, restrictionsLapsed: 1 },
    ],
    [
      'a restriction ending today has not lapsed',
      { restrictions: [{ approvedById: 'm', effectiveTo: '2026-12-03' }] },
      { restrictionsLapsed: 0 },
    ],
    [
      'failed messages are problems; a message queued an hour ago has not gone by itself',
      {
        outbox: [
          { state: 'failed', createdAt: '2026-12-03T10:00:00Z' },
          { state: 'queued', createdAt: '2026-12-03T20:00:00Z' },
          { state: 'queued', createdAt: '2026-12-03T20:30:00Z' },
          { state: 'sending', createdAt: '2026-12-03T10:00:00Z' },
        ],
      },
      { outboxFailed: 1, outboxStuck: 1 },
    ],
  ] satisfies [string, Partial<OverviewFacts>, Record<string, number>][])(
    '%s',
    (_policy, facts, expected) => {
      const counts = attentionCounts({ ...nothing, ...facts }, now, zone);
      expect(counts).toMatchObject(expected);
    },
  );

  it('"today" is the home’s day: at 00:30 in summer time, 23:30 UTC the night before is today', () => {
    const summerNow = new Date('2026-07-01T00:00:00Z'); // 01:00 on 1 July in London
    const counts = attentionCounts(
      { ...nothing, registerThisWeek: [turnedAway('2026-06-30T23:30:00Z')] },
      summerNow,
      zone,
    );
    expect(counts.turnedAwayToday).toBe(1);
  });
});

describe('gaps in the set-up', () => {
  it.each([
    ['a home set up in full has none', {}, []],
    ['no case-file folder', { caseFileFolder: 'not-set' }, ['noCaseFileFolder']],
    [
      'a case-file folder that cannot be reached',
      { caseFileFolder: 'unreachable' },
      ['caseFileFolderUnreachable'],
    ],
    ['no mail settings', { isMailSetUp: false }, ['noMailSettings']],
    ['a computer made to trust another CA', { homeAuthority: 'different' }, ['foreignAuthority']],
    ['a record of the CA changed on disk', { homeAuthority: 'unverifiable' }, ['authorityUnverifiable']],
    ['a computer that knows no CA yet', { homeAuthority: 'unknown' }, ['authorityNotKnown']],
    ['a manager with no certificate to compare', { homeAuthority: 'unchecked' }, []],
    ['never backed up', { lastBackupAt: undefined }, ['noRecentBackup']],
    ['the last backup eight days ago', { lastBackupAt: '2026-11-25T20:59:00Z' }, ['noRecentBackup']],
    ['the last backup exactly seven days ago is still recent', { lastBackupAt: '2026-11-26T21:00:00Z' }, []],
    ['no term dates at all', { academicYears: [] }, ['noTermDatesToday']],
    [
      'term dates that stop before today',
      {
        academicYears: [
          {
            ...year,
            terms: year.terms.map((term) => ({
              ...term,
              startsOn: '2025-09-01',
              endsOn: '2025-09-02',
              halfTermStartsOn: '2025-09-01',
              halfTermEndsOn: '2025-09-01',
            })),
          },
        ],
      },
      ['noTermDatesToday'],
    ],
    [
      'two staff without a signing certificate, one with an expired one',
      {
        activeStaff: [
          { certificateUntil: undefined },
          { certificateUntil: '2026-12-03T20:59:59Z' },
          { certificateUntil: '2027-01-01T00:00:00Z' },
        ],
      },
      ['staffWithoutCertificate'],
    ],
  ] satisfies [string, Partial<SetUpFacts>, string[]][])('%s', (_case, facts, expected) => {
    expect(setUpGaps({ ...setUp, ...facts }, now, zone).map((gap) => gap.kind)).toEqual(expected);
  });

  it('counts the staff without a usable certificate', () => {
    const gaps = setUpGaps(
      {
        ...setUp,
        activeStaff: [{ certificateUntil: undefined }, { certificateUntil: '2020-01-01T00:00:00Z' }],
      },
      now,
      zone,
    );
    expect(gaps).toContainEqual({ kind: 'staffWithoutCertificate', count: 2 });
  });
});

describe('"Nothing to look at" only when that is true', () => {
  it('a quiet day in a home set up in full is all clear', () => {
    expect(homeOverview({ ...nothing, ...setUp }, now, zone)).toEqual({
      attention: [],
      gaps: [],
      isAllClear: true,
    });
  });

  it('the evening of the story: a barred visitor turned away, nine overdue forms, a restricted visitor on site', () => {
    const overview = homeOverview(
      {
        ...nothing,
        ...setUp,
        unfiledForms: Array.from({ length: 9 }, () => ({ dueAt: '2026-12-01T12:00:00Z' })),
        registerThisWeek: [turnedAway('2026-12-03T20:50:00Z')],
        onSite: [{ restrictionCheck: 'warn' }],
      },
      now,
      zone,
    );
    expect(overview.isAllClear).toBe(false);
    expect(overview.attention).toEqual([
      { kind: 'formsOverdue', count: 9 },
      { kind: 'turnedAwayToday', count: 1 },
      { kind: 'turnedAwayThisWeek', count: 1 },
      { kind: 'restrictedOnSite', count: 1 },
    ]);
  });

  it.each([
    ['a record changed on two computers at once', { changedOnTwoComputers: 2 }, 'changedOnTwoComputers', 2],
    ['a sync problem the manager has not seen', { syncProblems: 1 }, 'syncProblems', 1],
  ] as const)('%s is something to look at', (_case, facts, kind, count) => {
    expect(homeOverview({ ...nothing, ...setUp, ...facts }, now, zone)).toEqual({
      attention: [{ kind, count }],
      gaps: [],
      isAllClear: false,
    });
  });

  it('a set-up gap alone is enough to say there is something to look at', () => {
    expect(homeOverview({ ...nothing, ...setUp, isMailSetUp: false }, now, zone).isAllClear).toBe(false);
  });
});

describe('the set-up checklist ticks itself off', () => {
  it('a new home has every step to do', () => {
    const fresh: SetUpFacts = {
      caseFileFolder: 'not-set',
      isMailSetUp: false,
      lastBackupAt: undefined,
      academicYears: [],
      activeStaff: [{ certificateUntil: '2027-12-01T00:00:00Z' }],
      youngPeople: 0,
      rooms: 0,
      homeAuthority: 'matches',
    };
    expect(setUpChecklist(fresh).filter((item) => item.isDone)).toEqual([]);
  });

  it.each([
    ['termDates', { academicYears: [year] }],
    ['staff', { activeStaff: [{ certificateUntil: undefined }, { certificateUntil: undefined }] }],
    ['youngPeople', { youngPeople: 1 }],
    ['rooms', { rooms: 1 }],
    ['caseFileFolder', { caseFileFolder: 'unreachable' }],
    ['mail', { isMailSetUp: true }],
    ['backups', { lastBackupAt: '2026-01-01T00:00:00Z' }],
  ] satisfies [string, Partial<SetUpFacts>][])('%s is ticked once the home has it', (step, facts) => {
    const fresh: SetUpFacts = {
      caseFileFolder: 'not-set',
      isMailSetUp: false,
      lastBackupAt: undefined,
      academicYears: [],
      activeStaff: [{ certificateUntil: undefined }],
      youngPeople: 0,
      rooms: 0,
      homeAuthority: 'matches',
    };
    const ticked = setUpChecklist({ ...fresh, ...facts }).filter((item) => item.isDone);
    expect(ticked.map((item) => item.step)).toEqual([step]);
  });
});
