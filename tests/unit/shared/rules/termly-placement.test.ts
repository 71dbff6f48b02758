import { describe, expect, it } from 'vitest';
import type { Visit } from '@shared/schemas/visits';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { yearReview, type TermReview } from '@shared/rules/termly-review';
import { buildContactForm, buildVisit } from '../../../factories';
import {
  afterSpring,
  afterSummer,
  figure,
  reviewMum as mum,
  reviewYear as year,
} from './review-test-support';

// Only the weeks a young person was placed count (seed 004, 5.2.1), and "each term" is the rule
// for home visits: a term without one is red whatever the year's total.
// 2026/27: autumn 3 Sept - 18 Dec 2026 (half term 26-30 Oct), spring 5 Jan - 26 Mar 2027 (half term
// 15-19 Feb: 11 weeks of term), summer 12 Apr - 21 Jul 2027.
const pt = 'staff-pt';
const cc = 'staff-cc';

const homeVisit = (date: string): Visit =>
  buildVisit({
    youngPersonIds: ['yp-1'],
    kind: 'homeVisit',
    startsAt: `${date}T10:00:00.000Z`,
    endsAt: `${date}T11:00:00.000Z`,
    staffIds: [pt, cc],
    personIds: [mum.personId],
    status: 'completed',
  });
const parentUpdate = (date: string): ContactForm =>
  buildContactForm({
    youngPersonId: 'yp-1',
    kind: 'phoneCall',
    authorId: pt,
    staffIds: [pt],
    personIds: [mum.personId],
    contactStartedAt: `${date}T16:00:00.000Z`,
    contactEndedAt: `${date}T16:20:00.000Z`,
    filedAt: `${date}T17:00:00.000Z`,
  });

function terms(options: {
  placementStartsOn: string;
  placementEndsOn?: string;
  visits?: Visit[];
  forms?: ContactForm[];
  now: string;
}): readonly TermReview[] {
  return yearReview({
    youngPerson: {
      id: 'yp-1',
      personalTutorId: pt,
      caseCoordinatorId: cc,
      learningMentorId: 'staff-lm',
      placementStartsOn: options.placementStartsOn,
      ...(options.placementEndsOn ? { placementEndsOn: options.placementEndsOn } : {}),
    },
    year,
    visits: options.visits ?? [],
    forms: options.forms ?? [],
    family: [mum],
    restrictions: [],
    now: new Date(options.now),
  }).terms;
}

const spring = 1;

describe('a term before the placement', () => {
  it('is never red: every figure and every family member is not due, "Not placed"', () => {
    const [autumn] = terms({ placementStartsOn: '2027-01-25', now: afterSpring });
    expect(autumn?.overall).toBe('notDue');
    for (const each of autumn?.figures ?? []) {
      expect(each.status, each.key).toBe('notDue');
      expect(each.reason, each.key).not.toMatch(/^$/);
    }
    expect(figure(autumn, 'homeVisit')).toMatchObject({
      value: 'Not placed',
      reason: 'Not placed at the home during the autumn term.',
    });
    expect(autumn?.family.map((member) => member.status)).toEqual(['notDue']);
  });

  it('a term after the placement ended is not due either', () => {
    const review = terms({
      placementStartsOn: '2020-09-01',
      placementEndsOn: '2026-12-18',
      now: afterSummer,
    });
    expect(review[1]?.overall).toBe('notDue');
    expect(review[2]?.overall).toBe('notDue');
  });
});

describe('a part term', () => {
  it.each([
    // placed from, the term's home visit figure: status, value, and words in its reason
    [
      '25 Jan: 8 of 11 weeks, a home visit due and missed',
      '2027-01-25',
      'red',
      'None held',
      'Placed from 25 Jan, 8 of the 11 weeks of the spring term.',
    ],
    [
      '15 Mar: 2 of 11 weeks, a home visit not due',
      '2027-03-15',
      'notDue',
      'Not due',
      'Placed from 15 Mar, 2 of the 11 weeks of the spring term. A home visit was not due: the policy’s termly minimums apply from 4 weeks placed.',
    ],
    [
      '1 Mar: 4 of 11 weeks, a home visit due',
      '2027-03-01',
      'red',
      'None held',
      'Placed from 1 Mar, 4 of the 11 weeks of the spring term.',
    ],
  ] as const)('placed from %s', (_case, placementStartsOn, status, value, words) => {
    const review = terms({ placementStartsOn, now: afterSpring })[spring];
    const homeVisitFigure = figure(review, 'homeVisit');
    expect(homeVisitFigure).toMatchObject({ status, value });
    expect(homeVisitFigure.reason).toContain(words);
  });

  it('counts weekly parent updates only in the weeks placed (pro rata)', () => {
    const placedWeeks = ['2027-03-16', '2027-03-23'];
    const review = terms({
      placementStartsOn: '2027-03-15',
      forms: placedWeeks.map(parentUpdate),
      now: afterSpring,
    })[spring];
    expect(figure(review, 'parentUpdates')).toMatchObject({ status: 'green', value: '2 of 2 weeks' });
    expect(figure(review, 'parentUpdates').reason).toContain('Placed from 15 Mar, 2 of the 11 weeks');
  });

  it('a placement that ends part-way through a term counts the weeks up to its end', () => {
    const [autumn] = terms({
      placementStartsOn: '2020-09-01',
      placementEndsOn: '2026-09-18',
      forms: [parentUpdate('2026-09-08')],
      now: afterSpring,
    });
    // 3 Sept (a Thursday) to 18 Sept: the weeks of 31 Aug, 7 and 14 Sept.
    expect(figure(autumn, 'parentUpdates')).toMatchObject({ status: 'amber', value: '1 of 3 weeks' });
    expect(figure(autumn, 'homeVisit')).toMatchObject({ status: 'notDue', value: 'Not due' });
    expect(figure(autumn, 'pepInvitation').status).toBe('notDue');
  });

  it('a term under way says how long the young person has been placed when nothing is booked', () => {
    const review = terms({ placementStartsOn: '2027-01-25', now: '2027-03-15T12:00:00.000Z' })[spring];
    expect(figure(review, 'homeVisit')).toMatchObject({ status: 'red', value: 'None yet' });
    expect(figure(review, 'homeVisit').reason).toContain('Placed from 25 Jan');
  });
});

describe('the year’s home visits: every term, and three', () => {
  it.each([
    // visits, now, placed from, term shown, status, value
    [
      'one each term is green: 3 of 3',
      ['2026-10-07', '2027-02-01', '2027-05-10'],
      afterSummer,
      '2020-09-01',
      2,
      'green',
      '3 of 3',
    ],
    [
      'three but none in spring is amber: the total is reached, a term was missed',
      ['2026-10-07', '2026-11-10', '2027-05-10'],
      afterSummer,
      '2020-09-01',
      2,
      'amber',
      '3 of 3',
    ],
    [
      'three in autumn alone is green at the end of autumn',
      ['2026-09-10', '2026-10-07', '2026-12-01'],
      '2027-01-01T12:00:00.000Z',
      '2020-09-01',
      0,
      'green',
      '3 of 3',
    ],
    [
      'two and spring missed is red at the end of the year',
      ['2026-10-07', '2027-05-10'],
      afterSummer,
      '2020-09-01',
      2,
      'red',
      '2 of 3',
    ],
    [
      'placed from spring: two terms, one each, is green: 2 of 2',
      ['2027-02-01', '2027-05-10'],
      afterSummer,
      '2027-01-05',
      2,
      'green',
      '2 of 2',
    ],
    [
      'placed from spring: none in spring is red when summer alone cannot make two',
      ['2027-05-10'],
      afterSummer,
      '2027-01-05',
      2,
      'red',
      '1 of 2',
    ],
    [
      'placed from spring: the autumn before is not due',
      [],
      afterSummer,
      '2027-01-05',
      0,
      'notDue',
      'Not placed',
    ],
    [
      'placed for the last fortnight of spring: summer alone asks for 1',
      ['2027-05-10'],
      afterSummer,
      '2027-03-15',
      2,
      'green',
      '1 of 1',
    ],
  ] as const)('%s', (_case, dates, now, placementStartsOn, termIndex, status, value) => {
    const review = terms({ placementStartsOn, visits: dates.map(homeVisit), now })[termIndex];
    expect(figure(review, 'homeVisitsYear')).toMatchObject({ status, value });
  });

  it('a missed term is red for that term even when the year’s total is reached', () => {
    const review = terms({
      placementStartsOn: '2020-09-01',
      visits: ['2026-10-07', '2026-11-10', '2027-05-10'].map(homeVisit),
      now: afterSummer,
    });
    expect(figure(review[spring], 'homeVisit')).toMatchObject({
      status: 'red',
      reason: 'No home visit in the spring term: the policy asks for a home visit each term.',
    });
    expect(figure(review[2], 'homeVisitsYear').reason).toBe(
      'The total of 3 is reached, but none in the spring term: the policy asks for a home visit each term.',
    );
  });
});

// Seed 004 §5.2.2: the Learning Mentor's family-home visit and learning consultations are owed
// within the placement. A young person who leaves part-way through the year has no later term in
// which to make them up, so once their last placed term has ended a gap is missed, not "due by
// the end of July".
describe('a placement that ends before the year does', () => {
  const leaver = (visits: Visit[] = []) =>
    terms({ placementStartsOn: '2020-09-01', placementEndsOn: '2027-03-26', visits, now: afterSpring });
  const consultation = (date: string): Visit =>
    buildVisit({
      youngPersonIds: ['yp-1'],
      kind: 'learningConsultation',
      startsAt: `${date}T16:00:00.000Z`,
      status: 'completed',
    });

  it('no Learning Mentor family-home visit by the end of the last placed term is red', () => {
    expect(figure(leaver()[spring], 'learningMentorHomeVisit')).toMatchObject({
      status: 'red',
      value: 'None held',
      reason:
        'The Learning Mentor did not visit the family home while the young person was placed this year: the policy asks for one each year.',
    });
  });

  it('in the last placed term with none booked, the Learning Mentor’s visit is already red', () => {
    const review = terms({
      placementStartsOn: '2020-09-01',
      placementEndsOn: '2027-03-26',
      now: '2027-02-01T12:00:00.000Z',
    });
    expect(figure(review[spring], 'learningMentorHomeVisit').status).toBe('red');
    expect(figure(review[0], 'learningMentorHomeVisit').status).toBe('amber');
  });

  it('one learning consultation of the two due by the placement’s end is red, not one behind', () => {
    expect(figure(leaver([consultation('2026-10-01')])[spring], 'learningConsultations')).toMatchObject({
      status: 'red',
      value: '1 of 2',
      reason:
        'Only 1 learning consultation offered this year: the policy asks for 2 (one for each term placed).',
    });
  });

  it('a placement with no end date is still read to the year’s end', () => {
    const review = terms({ placementStartsOn: '2020-09-01', now: afterSpring });
    expect(figure(review[spring], 'learningMentorHomeVisit').status).toBe('amber');
  });
});

// Only the weeks placed count (seed 004 §5.2; DESIGN rule 4), and a term without a home visit is
// red. Once a young person has left part-way through a term, what was owed in their weeks is
// missed: the rest of the term gives no more time for it.
describe('a placement that ended part-way through a term still under way', () => {
  // Placed in the spring term from 5 January to 12 February: 6 weeks, so its minimums are due.
  const left = (now: string, visits: Visit[] = []) =>
    terms({ placementStartsOn: '2020-09-01', placementEndsOn: '2027-02-12', visits, now })[spring];

  it('no home visit while placed is red, not "none yet" with weeks of term left', () => {
    expect(figure(left('2027-03-01T12:00:00.000Z'), 'homeVisit')).toMatchObject({
      status: 'red',
      value: 'None held',
    });
    expect(figure(left('2027-03-01T12:00:00.000Z'), 'pepInvitation').status).toBe('red');
    expect(figure(left('2027-03-01T12:00:00.000Z'), 'learningProgrammeUpdate').status).toBe('red');
  });

  it('weeks left count to the last day placed: three weeks before it, none held or booked is red', () => {
    // 23 January, midday: under three weeks to the end of 12 February, nine to the end of term.
    expect(figure(left('2027-01-23T12:00:00.000Z'), 'homeVisit').status).toBe('red');
    expect(figure(left('2027-01-08T12:00:00.000Z'), 'homeVisit').status).toBe('amber');
  });

  it('a home visit held while placed is green as before', () => {
    expect(figure(left('2027-03-01T12:00:00.000Z', [homeVisit('2027-02-01')]), 'homeVisit').status).toBe(
      'green',
    );
  });
});
