import { describe, expect, it } from 'vitest';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { yearReview } from '@shared/rules/termly-review';
import {
  actedOnWords,
  familyFeelingWords,
  homeVoiceCounts,
  termVoices,
  voiceCountsOf,
  type VoiceCounts,
} from '@shared/rules/voices';
import { daySpan } from '@shared/rules/termly-calendar';
import { packReviewSummary, reviewSummarySchema } from '@shared/schemas/review-summary';
import { buildContactForm, buildReviewYoungPerson, termOf } from '../../../factories';
import { autumnReportContent, reviewYear as year } from './review-test-support';

const placedAllYear = {
  youngPerson: buildReviewYoungPerson({ id: 'yp' }),
  year,
  visits: [],
};
const autumn = daySpan('2026-09-03', '2026-12-18', 'Europe/London');

/** A form filed after the form asked the voices questions (the factory's own form predates them). */
function askedForm(overrides: Partial<ContactForm> = {}): ContactForm {
  return buildContactForm({
    youngPersonId: 'yp',
    familyFeelingWords: '',
    viewsUsed: '',
    ...overrides,
  });
}

const countsOf = (forms: readonly ContactForm[], span = autumn): VoiceCounts =>
  voiceCountsOf(termVoices(forms, span));

describe('how the family felt about our work, counted for a term (seed 004 §4)', () => {
  it('counts each filed form at the point of the scale it chose', () => {
    const counts = countsOf([
      askedForm({ familyFeeling: 'veryHappy' }),
      askedForm({ familyFeeling: 'veryHappy' }),
      askedForm({ familyFeeling: 'mixed' }),
      askedForm({ familyFeeling: 'veryUnhappy' }),
    ]);
    expect(counts.familyFeelings).toEqual({ veryUnhappy: 1, unhappy: 0, mixed: 1, happy: 0, veryHappy: 2 });
    expect(counts.familyNoAnswer).toBe(0);
    expect(counts.notAsked).toBe(0);
  });

  it.each([
    ['asked, no point chosen: no answer, never a low score', askedForm(), 'familyNoAnswer'],
    ['filed before the form asked: not asked', buildContactForm({ youngPersonId: 'yp' }), 'notAsked'],
  ] as const)('%s', (_, form, bucket) => {
    const counts = countsOf([form]);
    expect(counts[bucket]).toBe(1);
    expect(Object.values(counts.familyFeelings).every((count) => count === 0)).toBe(true);
  });

  it.each([
    [
      'a draft (it may still change)',
      askedForm({ familyFeeling: 'happy', status: 'draft', filedAt: undefined }),
    ],
    [
      'a correction (a record about a form, not a contact)',
      askedForm({ familyFeeling: 'happy', amendsFormId: 'x' }),
    ],
    [
      'a contact the day before term',
      askedForm({ familyFeeling: 'happy', contactStartedAt: '2026-09-02T12:00:00.000Z' }),
    ],
    [
      'a contact the day after term',
      askedForm({ familyFeeling: 'happy', contactStartedAt: '2026-12-19T12:00:00.000Z' }),
    ],
  ])('leaves out %s', (_, form) => {
    const counts = countsOf([form]);
    expect(counts.familyFeelings.happy + counts.familyNoAnswer + counts.notAsked).toBe(0);
  });

  it('counts a contact on the term’s last evening (23:30 in London, GMT)', () => {
    const counts = countsOf([
      askedForm({ familyFeeling: 'happy', contactStartedAt: '2026-12-18T23:30:00.000Z' }),
    ]);
    expect(counts.familyFeelings.happy).toBe(1);
  });

  it('counts nothing in a term the young person was not placed', () => {
    expect(
      voiceCountsOf(termVoices([askedForm({ familyFeeling: 'happy' })], null)).familyFeelings.happy,
    ).toBe(0);
  });

  it('lists the forms behind each count, so the review opens them', () => {
    const form = askedForm({ familyFeeling: 'happy' });
    const voices = termVoices([form], autumn);
    expect(voices.familyFeelings.find((each) => each.feeling === 'happy')?.forms.records).toEqual([
      { type: 'contactForm', id: form.id },
    ]);
  });
});

describe('the young person’s views acted on and told (seed 003 §3.1)', () => {
  it.each([
    [
      'views recorded, used, and told: heard and acted on',
      { viewsUsed: 'We moved the call to Sunday as she asked.', toldNextOn: '2026-10-15' },
      1,
      1,
    ],
    [
      'views used but not yet told: heard, not yet acted on and told',
      { viewsUsed: 'We moved the call to Sunday.' },
      1,
      0,
    ],
    ['told, but nothing says how the views were used', { toldNextOn: '2026-10-15' }, 1, 0],
    ['no views recorded at all: not counted either way', { youngPersonViews: '', viewsUsed: '  ' }, 0, 0],
    [
      'only how they were used recorded: heard',
      { youngPersonViews: '', viewsUsed: 'Chose the outing.', toldNextOn: '2026-10-16' },
      1,
      1,
    ],
  ] as const)('%s', (_, overrides, heard, told) => {
    const counts = countsOf([askedForm(overrides)]);
    expect([counts.youngPersonHeard, counts.actedOnAndTold]).toEqual([heard, told]);
  });

  it('never counts a form from before the question as views ignored', () => {
    const counts = countsOf([buildContactForm({ youngPersonId: 'yp' })]);
    expect([counts.youngPersonHeard, counts.actedOnAndTold, counts.notAsked]).toEqual([0, 0, 1]);
  });
});

describe('a part term counts only the weeks the young person was placed', () => {
  const voicesFor = (placementStartsOn: string, forms: ContactForm[], placementEndsOn?: string) =>
    yearReview({
      youngPerson: buildReviewYoungPerson({
        id: 'yp',
        placementStartsOn,
        ...(placementEndsOn ? { placementEndsOn } : {}),
      }),
      year,
      visits: [],
      forms,
      family: [],
      restrictions: [],
      now: new Date('2027-01-05T12:00:00.000Z'),
    }).terms[0]?.voices;

  const beforePlacement = askedForm({
    familyFeeling: 'unhappy',
    contactStartedAt: '2026-10-14T18:00:00.000Z',
  });
  const afterPlacement = askedForm({ familyFeeling: 'happy', contactStartedAt: '2026-11-04T18:00:00.000Z' });

  it('placed from 2 November: the October form (before the placement) is not counted', () => {
    const voices = voicesFor('2026-11-02', [beforePlacement, afterPlacement]);
    expect(voices && voiceCountsOf(voices).familyFeelings).toMatchObject({ unhappy: 0, happy: 1 });
  });
  it('placed until 31 October: the November form (after it ended) is not counted', () => {
    const voices = voicesFor('2020-09-01', [beforePlacement, afterPlacement], '2026-10-31');
    expect(voices && voiceCountsOf(voices).familyFeelings).toMatchObject({ unhappy: 1, happy: 0 });
  });
  it('placed the whole term: both count', () => {
    const voices = voicesFor('2020-09-01', [beforePlacement, afterPlacement]);
    expect(voices && voiceCountsOf(voices).familyFeelings).toMatchObject({ unhappy: 1, happy: 1 });
  });
  it('not placed that term: none count, and none read as not asked', () => {
    const voices = voicesFor('2027-01-20', [beforePlacement, buildContactForm({ youngPersonId: 'yp' })]);
    expect(voices && voiceCountsOf(voices)).toMatchObject({ notAsked: 0, familyNoAnswer: 0 });
  });
  it('the review keeps the voices through a stored summary', () => {
    const review = yearReview({
      ...placedAllYear,
      forms: [afterPlacement],
      family: [],
      restrictions: [],
      now: new Date('2027-01-05T12:00:00.000Z'),
    });
    const packed = packReviewSummary({
      id: 'x',
      youngPersonId: 'yp',
      yearId: year.id,
      termName: 'autumn',
      computedAt: '2027-01-05T12:00:00.000Z',
      stableUntil: '2027-01-06T00:00:00.000Z',
      rulesVersion: 5,
      review: termOf(review, 0),
    });
    const parsed = reviewSummarySchema.parse(JSON.parse(JSON.stringify(packed)) as unknown);
    expect(parsed.review.voices).toEqual(review.terms[0]?.voices);
  });
});

describe('the counts in words, and the home’s totals', () => {
  const counts = (overrides: Partial<VoiceCounts>): VoiceCounts => ({
    familyFeelings: { veryUnhappy: 0, unhappy: 0, mixed: 0, happy: 0, veryHappy: 0 },
    familyNoAnswer: 0,
    youngPersonHeard: 0,
    actedOnAndTold: 0,
    notAsked: 0,
    ...overrides,
  });

  it.each([
    [counts({}), 'No answers yet'],
    [counts({ notAsked: 1 }), 'No answers yet; 1 earlier form not asked'],
    [
      counts({
        familyFeelings: { veryUnhappy: 0, unhappy: 1, mixed: 0, happy: 2, veryHappy: 3 },
        familyNoAnswer: 1,
        notAsked: 2,
      }),
      '3 very happy, 2 happy, 1 unhappy; 1 gave no answer; 2 earlier forms not asked',
    ],
  ])('the family: %#', (given, words) => {
    expect(familyFeelingWords(given)).toBe(words);
  });

  it.each([
    [counts({ youngPersonHeard: 9, actedOnAndTold: 7 }), 'Views acted on and told: 7 of 9'],
    [counts({}), 'No views recorded yet'],
    [
      counts({ youngPersonHeard: 1, notAsked: 3 }),
      'Views acted on and told: 0 of 1; 3 earlier forms not asked',
    ],
  ])('the young person: %#', (given, words) => {
    expect(actedOnWords(given)).toBe(words);
  });

  it('adds each young person’s counts up for the home', () => {
    const home = homeVoiceCounts([
      counts({
        familyFeelings: { veryUnhappy: 0, unhappy: 0, mixed: 1, happy: 2, veryHappy: 0 },
        youngPersonHeard: 4,
        actedOnAndTold: 3,
      }),
      counts({
        familyFeelings: { veryUnhappy: 1, unhappy: 0, mixed: 0, happy: 1, veryHappy: 0 },
        youngPersonHeard: 5,
        actedOnAndTold: 4,
        notAsked: 2,
      }),
    ]);
    expect(home).toEqual(
      counts({
        familyFeelings: { veryUnhappy: 1, unhappy: 0, mixed: 1, happy: 3, veryHappy: 0 },
        youngPersonHeard: 9,
        actedOnAndTold: 7,
        notAsked: 2,
      }),
    );
    expect(actedOnWords(home)).toBe('Views acted on and told: 7 of 9; 2 earlier forms not asked');
  });

  it('the signed termly report carries each young person’s counts and the home’s', () => {
    const review = yearReview({
      ...placedAllYear,
      forms: [
        askedForm({ familyFeeling: 'veryHappy', viewsUsed: 'Moved the call.', toldNextOn: '2026-10-15' }),
        askedForm({ familyFeeling: 'happy' }),
      ],
      family: [],
      restrictions: [],
      now: new Date('2027-01-05T12:00:00.000Z'),
    }).terms[0];
    if (!review) throw new Error('no autumn review');
    const content = autumnReportContent([{ youngPersonName: 'Zoë Hughes', caseNumber: 'FL-1', review }]);
    const section = content.sections.find((each) => each.heading.startsWith('Families’ views'));
    const table = section?.blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' ? table.rows : []).toEqual([
      ['Zoë Hughes', '1 very happy, 1 happy', '0', '1 of 2'],
      ['The home', '1 very happy, 1 happy', '0', '1 of 2'],
    ]);
    const fields = section?.blocks.find((block) => block.kind === 'fields');
    expect(fields?.kind === 'fields' ? fields.rows.map((row) => row.value) : []).toEqual([
      '1 very happy, 1 happy',
      'Views acted on and told: 1 of 2',
    ]);
  });
});
