import { describe, expect, it } from 'vitest';
import {
  contactMinimumsSchema,
  packReviewSummary,
  reviewSummarySchema,
  termOverviewSchema,
  termReviewSchema,
  type ReviewSummary,
} from '@shared/schemas/review-summary';
import { reviewSummaryId, reviewSummaryRangeOf } from '@shared/rules/review-summary-keys';
import { figureKeys, yearReview } from '@shared/rules/termly-review';
import { recordCountOf, recordsPicked, termOverviewOf } from '@shared/rules/term-overview';
import {
  buildAcademicYear,
  buildContactForm,
  buildRelationship,
  buildReviewYoungPerson,
  buildVisit,
  termOf,
} from '../../../factories';

const year = buildAcademicYear({ startYear: 2026 });
const youngPerson = buildReviewYoungPerson();
const mum = buildRelationship({ youngPersonId: youngPerson.id, category: 'parent' });
const review = yearReview({
  youngPerson,
  year,
  visits: [
    buildVisit({
      kind: 'homeVisit',
      status: 'completed',
      startsAt: '2026-10-07T10:00:00.000Z',
      staffIds: ['staff-pt', 'staff-cc'],
      personIds: [mum.personId],
    }),
  ],
  forms: [
    buildContactForm({
      contactStartedAt: '2026-10-08T18:00:00.000Z',
      contactEndedAt: '2026-10-08T18:20:00.000Z',
      authorId: 'staff-pt',
      personIds: [mum.personId],
    }),
  ],
  family: [
    {
      personId: mum.personId,
      name: 'Mum',
      relationship: 'Mum',
      category: 'parent',
      hasParentalResponsibility: true,
    },
  ],
  restrictions: [],
  now: new Date('2027-01-20T12:00:00.000Z'),
});

/** The review's autumn summary (its visit and form are behind several figures) as the repository stores it, under `id`. */
const autumnSummary = (id: string): ReviewSummary => ({
  id,
  youngPersonId: 'yp-1',
  yearId: 'year-1',
  termName: 'autumn',
  computedAt: '2027-01-20T12:00:00.000Z',
  stableUntil: '2027-01-24T00:00:00.000Z',
  rulesVersion: 1,
  review: termOf(review, 0),
});

describe('the stored review summary', () => {
  it('a review read back from storage (as JSON) parses to exactly what the rules worked out', () => {
    const stored: unknown = JSON.parse(JSON.stringify(review));
    expect(contactMinimumsSchema.parse((stored as typeof review).minimums)).toEqual(review.minimums);
    expect((stored as typeof review).terms.map((term) => termReviewSchema.parse(term))).toEqual(review.terms);
  });

  it('packed as stored (each record once, lists as positions), a summary reads back as exactly the review, in fewer bytes', () => {
    const summary = autumnSummary('yp-1|year-1|autumn');
    const stored = JSON.stringify(packReviewSummary(summary));
    expect(reviewSummarySchema.parse(JSON.parse(stored))).toEqual(summary);
    expect(stored.length).toBeLessThan(JSON.stringify(summary).length);
  });

  it('a packed summary pointing at a record it does not hold does not parse', () => {
    const summary = autumnSummary('a');
    const packed = packReviewSummary(summary);
    expect(
      reviewSummarySchema.safeParse({
        ...packed,
        packed: { ...packed.packed, refs: packed.packed.refs.slice(1) },
      }).success,
    ).toBe(false);
  });

  it('the overview’s shape counts every list of records and keeps everything else; it reads back as it was stored', () => {
    const term = termOf(review, 0);
    const overview = termOverviewOf(term);
    const text = JSON.stringify(overview);
    expect(text).not.toContain('"records"');
    expect(termOverviewSchema.parse(JSON.parse(text))).toEqual(overview);
    expect(overview.figures.map(recordCountOf)).toEqual(term.figures.map((figure) => figure.records.length));
    expect(overview.forms.onTime).toEqual({
      count: term.forms.onTime.count,
      recordCount: term.forms.onTime.records.length,
    });
    expect(overview.figures.some((figure) => figure.recordCount > 0)).toBe(true);
    expect(overview.figures.map(({ recordCount: _count, ...rest }) => rest)).toEqual(
      term.figures.map(({ records: _records, ...rest }) => rest),
    );
    expect(overview.overall).toBe(term.overall);
    expect(termOverviewSchema.safeParse(term).success).toBe(false);
    expect(termOverviewSchema.safeParse({ ...overview, overall: 'purple' }).success).toBe(false);
  });

  it('opening a figure from the overview gives the records behind that figure, or the young person’s views', () => {
    const term = termOf(review, 0);
    for (const key of figureKeys)
      expect(recordsPicked(term, { figure: key })).toEqual(
        term.figures.find((figure) => figure.key === key)?.records ?? [],
      );
    expect(recordsPicked(term, { views: 'youngPersonHeard' })).toBe(term.voices.youngPersonHeard.records);
  });

  it('a damaged review does not parse (so it is worked out again, not shown)', () => {
    const [first] = review.terms;
    expect(termReviewSchema.safeParse({ ...first, overall: 'purple' }).success).toBe(false);
    expect(contactMinimumsSchema.safeParse({ ...review.minimums, terms: 'none' }).success).toBe(false);
  });

  it('a young person’s summaries fall inside one key range, and no one else’s do', () => {
    const range = reviewSummaryRangeOf('yp-1');
    const inside = reviewSummaryId('yp-1', 'year-1', 'summer');
    const outside = reviewSummaryId('yp-10', 'year-1', 'autumn');
    expect(inside > range.lower && inside < range.upper).toBe(true);
    expect(outside > range.lower && outside < range.upper).toBe(false);
  });
});
