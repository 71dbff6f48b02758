import { describe, expect, it } from 'vitest';
import { reviewStableUntil } from '@shared/rules/review-stable-until';
import { yearReview, type YearReviewInput } from '@shared/rules/termly-review';
import { packReviewSummary, reviewSummarySchema, type ReviewSummary } from '@shared/schemas/review-summary';
import { buildAcademicYear, buildContactArrangement, buildContactForm, termOf } from '../../../factories';

// 2026/27: autumn 3 Sept - 18 Dec 2026.
const year = buildAcademicYear({ startYear: 2026 });
const youngPerson = {
  id: crypto.randomUUID(),
  personalTutorId: crypto.randomUUID(),
  caseCoordinatorId: crypto.randomUUID(),
  learningMentorId: crypto.randomUUID(),
  placementStartsOn: '2020-09-01',
};
const mum = crypto.randomUUID();
const weeklyCall = buildContactArrangement({
  youngPersonId: youngPerson.id,
  personId: mum,
  startsOn: '2026-09-01',
});
const monthlyLetter = buildContactArrangement({
  youngPersonId: youngPerson.id,
  personId: mum,
  kind: 'letters',
  frequency: 'monthly',
  startsOn: '2026-09-01',
});
const endedLastYear = buildContactArrangement({
  youngPersonId: youngPerson.id,
  personId: mum,
  startsOn: '2025-09-01',
  endsOn: '2026-07-20',
});
const call = (at: string) =>
  buildContactForm({
    youngPersonId: youngPerson.id,
    kind: 'phoneCall',
    contactStartedAt: at,
    contactEndedAt: at,
    filedAt: at,
    personIds: [mum],
  });

const input = (now: string, overrides: Partial<YearReviewInput> = {}): YearReviewInput => ({
  youngPerson,
  year,
  visits: [],
  forms: [call('2026-09-09T17:00:00.000Z'), call('2026-09-16T17:00:00.000Z')],
  family: [],
  restrictions: [],
  plan: [weeklyCall, monthlyLetter, endedLastYear],
  now: new Date(now),
  timeZone: 'Europe/London',
  ...overrides,
});

describe('the termly review against the contact plan', () => {
  it('shows each arrangement in force in the term against the contact held, and leaves out one that had ended', () => {
    const [autumn] = yearReview(input('2026-10-01T12:00:00.000Z')).terms;
    expect(autumn?.contactPlan.map((figure) => [figure.arrangementId, figure.value, figure.status])).toEqual([
      [weeklyCall.id, 'weekly call planned: 2 of 4 weeks', 'red'],
      [monthlyLetter.id, 'monthly letter or card planned: 0 of 1 month', 'amber'],
    ]);
    expect(autumn?.contactPlan[0]?.held.records).toHaveLength(2);
  });

  it('keeps the figures through a stored summary', () => {
    const review = yearReview(input('2026-10-01T12:00:00.000Z'));
    const summary: ReviewSummary = {
      id: 'x',
      youngPersonId: youngPerson.id,
      yearId: year.id,
      termName: 'autumn',
      computedAt: '2026-10-01T12:00:00.000Z',
      stableUntil: '2026-10-04T23:00:00.000Z',
      rulesVersion: 5,
      review: termOf(review, 0),
    };
    const stored = JSON.parse(JSON.stringify(packReviewSummary(summary))) as unknown;
    expect(reviewSummarySchema.parse(stored).review.contactPlan).toEqual(review.terms[0]?.contactPlan);
  });

  it('is worked out again when a month of the plan ends, off a Monday', () => {
    // Wednesday 30 September: September ends at 00:00 BST on Thursday 1 October (23:00 UTC).
    expect(reviewStableUntil(input('2026-09-30T12:00:00.000Z')).toISOString()).toBe(
      '2026-09-30T23:00:00.000Z',
    );
    expect(reviewStableUntil(input('2026-09-30T12:00:00.000Z', { plan: [] })).toISOString()).not.toBe(
      '2026-09-30T23:00:00.000Z',
    );
  });
});
