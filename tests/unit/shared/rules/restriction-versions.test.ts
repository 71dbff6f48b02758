import { describe, expect, it } from 'vitest';
import { checkAtTheDoor } from '../../../../shared/rules/door-check';
import { bookingRestrictionIssues } from '../../../../shared/rules/visit-restrictions';
import {
  changeRefusal,
  isDueForReview,
  nextVersion,
  restrictionOnDay,
  restrictionVersions,
  reviewRefusal,
  termsInForce,
} from '../../../../shared/rules/restriction-versions';
import {
  restrictionReviewFormSchema,
  type Restriction,
  type RestrictionChangeForm,
  type RestrictionReviewForm,
  type RestrictionTerms,
} from '../../../../shared/schemas/registers';
import { buildRestriction, buildRestrictionChange } from '../../../factories';

const amy = crypto.randomUUID();
const dadId = crypto.randomUUID();
const manager = crypto.randomUUID();
const tutor = crypto.randomUUID();

/** Dean may not see Amy from 1 January; a court varies it to supervised contact. */
const barred = buildRestriction({
  youngPersonId: amy,
  personId: dadId,
  name: 'Dean Hughes',
  aliases: [],
  kind: 'noContact',
  conditions: '',
  authority: 'courtOrder',
  authorityReference: 'LS26C01234',
  effectiveFrom: '2026-01-01',
  effectiveTo: undefined,
  reviewOn: '2026-12-01',
  recordedById: manager,
  approvedById: manager,
});

const toSupervised = buildRestrictionChange();

const changed = (from: Restriction, change: RestrictionChangeForm, by = manager, canApprove = true) =>
  nextVersion(from, change, { staffId: by, canApprove, at: '2026-12-04T10:00:00.000Z' });

const supervised = changed(barred, toSupervised);

describe('the version of a restriction in force on a day', () => {
  it.each<[string, Restriction, string, RestrictionTerms['kind'] | undefined]>([
    ['a restriction never changed, on its first day', barred, '2026-01-01', 'noContact'],
    ['a restriction never changed, the day before it starts', barred, '2025-12-31', undefined],
    ['the old version up to the day before the change takes over', supervised, '2026-12-09', 'noContact'],
    ['the new version from the day it takes over', supervised, '2026-12-10', 'supervisedOnly'],
    ['the new version long after', supervised, '2027-03-01', 'supervisedOnly'],
    ['nothing before the first version began', supervised, '2025-12-31', undefined],
    [
      'nothing once it has been ended',
      { ...supervised, endedAt: '2026-12-20T09:00:00.000Z' },
      '2026-12-01',
      undefined,
    ],
    [
      'nothing after the version’s own end date, though no later version came',
      changed(barred, { ...toSupervised, effectiveTo: '2027-01-31' }),
      '2027-02-01',
      undefined,
    ],
  ])('%s', (_case, restriction, day, kind) => {
    expect(termsInForce(restriction, day)?.kind).toBe(kind);
  });

  it('a later change that takes over first means the one it replaced never applies', () => {
    const again = changed(supervised, { ...toSupervised, kind: 'indirectOnly', effectiveFrom: '2026-12-05' });
    expect(termsInForce(again, '2026-12-04')?.kind).toBe('noContact');
    expect(termsInForce(again, '2026-12-05')?.kind).toBe('indirectOnly');
    expect(termsInForce(again, '2026-12-12')?.kind).toBe('indirectOnly');
    const versions = restrictionVersions(again, [
      { at: '2026-12-01T00:00:00.000Z', version: barred },
      { at: '2026-12-04T00:00:00.000Z', version: supervised },
    ]);
    expect(versions.map((version) => [version.version, version.kind, version.neverApplied])).toEqual([
      [3, 'indirectOnly', false],
      [2, 'supervisedOnly', true],
      [1, 'noContact', false],
    ]);
  });

  it('shows a restriction as it stands today, with the change still to come', () => {
    const today = restrictionOnDay(supervised, '2026-12-04');
    expect(today.restriction.kind).toBe('noContact');
    expect(today.restriction.effectiveFrom).toBe('2026-01-01');
    expect(today.upcoming).toMatchObject({ kind: 'supervisedOnly', effectiveFrom: '2026-12-10' });
    const later = restrictionOnDay(supervised, '2026-12-10');
    expect(later.restriction.kind).toBe('supervisedOnly');
    expect(later.upcoming).toBeUndefined();
    expect(later.firstFrom).toBe('2026-01-01');
  });
});

describe('the door and booking checks read the version in force', () => {
  const atTheDoor = (day: string) =>
    checkAtTheDoor(
      { visitor: { kind: 'typed', name: 'Dean Hughes' }, youngPersonIds: [amy] },
      [supervised],
      day,
    ).kind;

  it.each([
    ['turns Dean away while no contact applies', '2026-12-09', 'block'],
    ['warns, supervised only, from the day the change takes over', '2026-12-10', 'warn'],
  ])('the door %s', (_case, day, kind) => {
    expect(atTheDoor(day)).toBe(kind);
  });

  it('a weekly series of visits is barred before the change and needs a supervisor after it', () => {
    const issues = bookingRestrictionIssues(
      {
        kind: 'familyVisit',
        youngPersonIds: [amy],
        people: [{ personId: dadId, displayName: 'Dean Hughes', names: ['Dean Hughes'] }],
        isSupervised: false,
        dates: ['2026-12-03', '2026-12-17'],
        youngPersonName: () => 'AH',
      },
      [supervised],
    );
    expect(issues.map((issue) => [issue.kind, issue.date])).toEqual([
      ['barred', '2026-12-03'],
      ['needsSupervisor', '2026-12-17'],
    ]);
  });
});

describe('changing a restriction', () => {
  it('keeps the version before, counts on, and waits for the manager when a tutor changes it', () => {
    const byTutor = changed(barred, toSupervised, tutor, false);
    expect(byTutor).toMatchObject({
      version: 2,
      changedById: tutor,
      recordedById: manager,
      kind: 'supervisedOnly',
    });
    expect(byTutor.approvedById).toBeUndefined();
    expect(byTutor.earlierTerms).toEqual([
      { kind: 'noContact', conditions: '', effectiveFrom: '2026-01-01' },
    ]);
    expect(supervised.approvedById).toBe(manager);
  });

  it.each<[string, RestrictionChangeForm, string | undefined]>([
    ['from today', { ...toSupervised, effectiveFrom: '2026-12-04' }, undefined],
    ['from a later day', toSupervised, undefined],
    ['backdated', { ...toSupervised, effectiveFrom: '2026-12-03' }, 'effectiveFrom'],
    [
      'saying nothing new',
      {
        kind: 'noContact',
        conditions: '',
        authority: 'courtOrder',
        authorityReference: 'LS26C01234',
        effectiveFrom: '2026-12-04',
        reviewOn: '2026-12-01',
      },
      'kind',
    ],
    [
      'only a new end date',
      {
        kind: 'noContact',
        conditions: '',
        authority: 'courtOrder',
        authorityReference: 'LS26C01234',
        effectiveFrom: '2026-12-04',
        effectiveTo: '2027-01-01',
        reviewOn: '2026-12-01',
      },
      undefined,
    ],
  ])('a change %s', (_case, change, field) => {
    expect(changeRefusal(barred, change, '2026-12-04')?.field).toBe(field);
  });
});

describe('reviewing a restriction', () => {
  const basics = { reviewedOn: '2026-12-01', reviewedById: manager, checkedWith: 'Jo Bell, social worker' };
  it.each<[string, RestrictionReviewForm, string | undefined]>([
    [
      'continuing to a later review',
      { outcome: 'continues', ...basics, nextReviewOn: '2027-06-01' },
      undefined,
    ],
    [
      'continuing with the review date today',
      { outcome: 'continues', ...basics, nextReviewOn: '2026-12-04' },
      'nextReviewOn',
    ],
    [
      'recorded before it happened',
      { outcome: 'continues', ...basics, reviewedOn: '2026-12-05', nextReviewOn: '2027-06-01' },
      'reviewedOn',
    ],
    ['changed to new terms', { outcome: 'changed', ...basics, change: toSupervised }, undefined],
    [
      'changed, keeping a review date already passed',
      { outcome: 'changed', ...basics, change: { ...toSupervised, reviewOn: '2026-12-01' } },
      'change.reviewOn',
    ],
    [
      'changed, backdated',
      { outcome: 'changed', ...basics, change: { ...toSupervised, effectiveFrom: '2026-11-01' } },
      'change.effectiveFrom',
    ],
    ['ended', { outcome: 'ended', ...basics, endedReason: 'Order discharged' }, undefined],
  ])('%s', (_case, review, field) => {
    expect(reviewRefusal(barred, review, '2026-12-04')?.field).toBe(field);
  });

  it('needs who it was checked with, and an outcome the register knows', () => {
    const missing = restrictionReviewFormSchema.safeParse({
      outcome: 'continues',
      ...basics,
      checkedWith: ' ',
      nextReviewOn: '2027-06-01',
    });
    expect(missing.success).toBe(false);
    const unknown = restrictionReviewFormSchema.safeParse({ outcome: 'ignored', ...basics });
    expect(unknown.success).toBe(false);
  });

  it.each<[string, Partial<Restriction>, boolean]>([
    ['its review date is within the window', {}, true],
    ['a review moved it on past the window', { reviewOn: '2027-06-01' }, false],
    ['its review was missed', { reviewOn: '2026-11-01' }, true],
    ['it has ended', { endedAt: '2026-11-30T10:00:00.000Z' }, false],
    ['it has lapsed (listed as lapsed instead)', { effectiveTo: '2026-11-30' }, false],
    ['it has no review date', { reviewOn: undefined }, false],
  ])('is due for review when %s: %s', (_case, overrides, expected) => {
    expect(isDueForReview({ ...barred, ...overrides }, '2026-12-04', '2026-12-18')).toBe(expected);
  });
});
