import { describe, expect, it } from 'vitest';
import { addYears, pastRetentionIfFromBefore, retentionStatus } from '../../../../shared/rules/retention';
import { defaultRetentionSettings, retentionSettingsSchema } from '../../../../shared/schemas/retention';

const settings = defaultRetentionSettings;

describe('retention periods: nothing is past retention before its time', () => {
  it.each([
    [
      'a case record is kept 75 years from the young person’s date of birth',
      'caseRecord',
      '2010-05-14',
      '2085-05-13',
      'keep',
    ],
    [
      'a case record is past retention on the 75th anniversary of the birth',
      'caseRecord',
      '2010-05-14',
      '2085-05-14',
      'pastRetention',
    ],
    [
      'a case record is not past retention 75 years after the placement, if the birth is later',
      'caseRecord',
      '2012-01-01',
      '2086-12-31',
      'keep',
    ],
    [
      'a visitor register entry is kept 15 years from the visit',
      'visitorRegister',
      '2011-03-01',
      '2026-02-28',
      'keep',
    ],
    [
      'a visitor register entry is past retention 15 years after the visit',
      'visitorRegister',
      '2011-03-01',
      '2026-03-01',
      'pastRetention',
    ],
    [
      'a staff declaration is kept 15 years from when it was recorded',
      'declaration',
      '2020-07-01',
      '2035-06-30',
      'keep',
    ],
    [
      'a disclosure is past retention 15 years after the copy left',
      'disclosure',
      '2010-01-31',
      '2025-01-31',
      'pastRetention',
    ],
  ] as const)('%s', (_policy, kind, from, today, expected) => {
    expect(retentionStatus({ kind, from, settings, today }).kind).toBe(expected);
  });

  it('a birthday on 29 February counts to 28 February in a year without one, never later', () => {
    expect(addYears('2008-02-29', 75)).toBe('2083-02-28');
    expect(
      retentionStatus({ kind: 'caseRecord', from: '2008-02-29', settings, today: '2083-02-28' }),
    ).toEqual({ kind: 'pastRetention', since: '2083-02-28' });
  });

  it('a longer period set by the manager is followed', () => {
    const longer = { ...settings, visitorRegisterYears: 25 };
    expect(
      retentionStatus({ kind: 'visitorRegister', from: '2011-03-01', settings: longer, today: '2026-03-01' }),
    ).toEqual({ kind: 'keep', until: '2036-03-01' });
  });

  it('timestamps count by their calendar date', () => {
    expect(
      retentionStatus({
        kind: 'visitorRegister',
        from: '2011-03-01T23:30:00.000Z',
        settings,
        today: '2026-03-01',
      }).kind,
    ).toBe('pastRetention');
  });

  it('gives the cut-off date for finding past-retention records by index', () => {
    expect(pastRetentionIfFromBefore('visitorRegister', settings, '2026-11-29')).toBe('2011-11-29');
  });

  it('case records cannot be set to less than 25 years from birth (a slip of the keyboard must not make a child’s record disposable)', () => {
    expect(retentionSettingsSchema.safeParse({ ...settings, caseRecordsYearsFromBirth: 7 }).success).toBe(
      false,
    );
    expect(retentionSettingsSchema.safeParse(settings).success).toBe(true);
  });
});
