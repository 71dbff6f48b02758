import type { MinimumsYoungPerson } from '@shared/rules/contact-minimums';
import type { TermReview } from '@shared/rules/termly-review';

/** The staff a review's young person is allocated: their Personal Tutor, Case Co-ordinator and Learning Mentor. */
export const reviewStaff = { pt: 'staff-pt', cc: 'staff-cc', lm: 'staff-lm' } as const;

/**
 * A young person as the termly review reads them: allocated `reviewStaff`, placed long before
 * the year under review (so every term counts whole) unless `placementStartsOn` says otherwise.
 */
export function buildReviewYoungPerson(overrides: Partial<MinimumsYoungPerson> = {}): MinimumsYoungPerson {
  return {
    id: 'yp-1',
    personalTutorId: reviewStaff.pt,
    caseCoordinatorId: reviewStaff.cc,
    learningMentorId: reviewStaff.lm,
    placementStartsOn: '2020-09-01',
    ...overrides,
  };
}

/** One term's review out of a year's (what a stored summary holds); fails the test if the year has no such term. */
export function termOf(review: { readonly terms: readonly TermReview[] }, termIndex: number): TermReview {
  const term = review.terms[termIndex];
  if (!term) throw new Error(`The review has no term ${termIndex}`);
  return term;
}
