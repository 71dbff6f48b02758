import type { ReviewFamilyMember, FigureKey, TermReview } from '@shared/rules/termly-review';
import { termlyReportContent, type TermlyReportRow } from '@shared/rules/termly-report';
import { buildAcademicYear, reviewStaff } from '../../../factories';

/**
 * The academic year the review tests run in. 2026/27: autumn Thu 3 Sept - Fri 18 Dec 2026 (half
 * term Mon 26 - Fri 30 Oct), spring 5 Jan - 26 Mar 2027 (half term 15-19 Feb), summer 12 Apr -
 * 21 Jul 2027.
 */
export const reviewYear = buildAcademicYear({ startYear: 2026 });

/** The staff `buildReviewYoungPerson` allocates: personal tutor, case coordinator, learning mentor. */
export const { pt, cc, lm } = reviewStaff;

/** Moments just after each term of `reviewYear`, for reviews read once a term is over. */
export const afterAutumn = '2027-01-01T12:00:00.000Z';
export const afterSpring = '2027-04-01T12:00:00.000Z';
export const afterSummer = '2027-08-01T12:00:00.000Z';

/** The young person's mum, with parental responsibility: the parent the reviews count contact with. */
export const reviewMum: ReviewFamilyMember = {
  personId: 'mum',
  name: 'Karen Hughes',
  relationship: 'Mum',
  category: 'parent',
  hasParentalResponsibility: true,
};

/** One figure of a term's review, failing the test when the review does not have it. */
export function figure(term: TermReview | undefined, key: FigureKey) {
  const found = term?.figures.find((each) => each.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
}

/** The signed autumn 2026 report of the home Ashgrove for `rows`, as the manager signs it. */
export function autumnReportContent(rows: readonly TermlyReportRow[]) {
  return termlyReportContent(rows, {
    homeName: 'Ashgrove',
    yearLabel: '2026/27',
    termName: 'autumn',
    termStartsOn: '2026-09-03',
    termEndsOn: '2026-12-18',
    coverage: 'all young people',
    signedBy: { name: 'Pat Manager', role: 'Registered Manager' },
    signedAt: afterAutumn,
    timeZone: 'Europe/London',
  });
}
