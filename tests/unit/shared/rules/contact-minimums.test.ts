import { describe, expect, it } from 'vitest';
import {
  contactMinimums,
  contactsFrom,
  familyCircle,
  type MinimumsContactForm,
  type MinimumsVisit,
} from '@shared/rules/contact-minimums';
import { buildContactForm, buildRelationship, buildReviewYoungPerson, buildVisit } from '../../../factories';
import { afterSummer, cc, lm, pt, reviewYear as year } from './review-test-support';

const careWorker = 'staff-care';
const youngPerson = buildReviewYoungPerson();
const mum = 'person-mum';
const nan = 'person-nan';
const socialWorker = 'person-sw';
const circle = familyCircle([
  buildRelationship({ personId: mum, category: 'parent', hasParentalResponsibility: true }),
  buildRelationship({ personId: nan, category: 'grandparent', hasParentalResponsibility: false }),
  buildRelationship({ personId: socialWorker, category: 'professional', hasParentalResponsibility: false }),
]);

function minimums(options: { visits?: MinimumsVisit[]; forms?: MinimumsContactForm[]; now: string }) {
  return contactMinimums({
    youngPerson,
    year,
    contacts: contactsFrom(options.visits ?? [], options.forms ?? []),
    parentIds: circle.parentIds,
    familyIds: circle.familyIds,
    now: new Date(options.now),
  });
}

const homeVisit = (startsAt: string, staffIds: string[], status: MinimumsVisit['status'] = 'completed') =>
  buildVisit({ kind: 'homeVisit', startsAt, endsAt: startsAt, staffIds, personIds: [mum], status });
const call = (
  startsAt: string,
  authorId: string,
  personIds: string[],
  kind: MinimumsContactForm['kind'] = 'phoneCall',
) =>
  buildContactForm({
    kind,
    contactStartedAt: startsAt,
    contactEndedAt: startsAt,
    authorId,
    personIds,
    staffIds: [],
  });

describe('who counts as a parent and as family', () => {
  it('a parent or anyone with parental responsibility is a parent; a professional is not family', () => {
    expect([...circle.parentIds]).toEqual([mum]);
    expect([...circle.familyIds].sort()).toEqual([mum, nan].sort());
  });
});

describe('a visit and its form are one contact', () => {
  it('a form that names its visit joins it, with both records behind the contact', () => {
    const visit = homeVisit('2026-10-07T10:00:00.000Z', [pt]);
    const form = buildContactForm({
      kind: 'homeVisit',
      visitId: visit.id,
      authorId: cc,
      contactStartedAt: visit.startsAt,
    });
    const contacts = contactsFrom([visit], [form]);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]?.records).toEqual([
      { type: 'visit', id: visit.id },
      { type: 'contactForm', id: form.id },
    ]);
    expect(contacts[0]?.staffIds).toEqual(expect.arrayContaining([pt, cc]));
  });
  it('a form for a booking still marked planned means the contact took place', () => {
    const visit = homeVisit('2026-10-07T10:00:00.000Z', [pt], 'planned');
    const form = buildContactForm({
      kind: 'homeVisit',
      visitId: visit.id,
      authorId: pt,
      contactStartedAt: visit.startsAt,
    });
    expect(contactsFrom([visit], [form])[0]?.state).toBe('held');
  });
});

describe('termly home visits: one a term, three a year, usually with the PT and CC (5.2.1)', () => {
  const now = '2027-02-01T12:00:00.000Z';
  it.each([
    [
      'a completed home visit with the PT and CC counts, and counts as both attending',
      [homeVisit('2026-10-07T10:00:00.000Z', [pt, cc])],
      1,
      1,
    ],
    [
      'a home visit with the PT alone is held, but not with both',
      [homeVisit('2026-10-07T10:00:00.000Z', [pt])],
      1,
      0,
    ],
    [
      'a cancelled home visit is not held',
      [homeVisit('2026-10-07T10:00:00.000Z', [pt, cc], 'cancelled')],
      0,
      0,
    ],
    [
      'a home visit the family missed is not held',
      [homeVisit('2026-10-07T10:00:00.000Z', [pt, cc], 'didNotAttend')],
      0,
      0,
    ],
    [
      'a home visit in the summer holiday before term belongs to no term',
      [homeVisit('2026-08-20T10:00:00.000Z', [pt, cc])],
      0,
      0,
    ],
  ] as const)('%s', (_case, visits, held, withBoth) => {
    const autumn = minimums({ visits: [...visits], now }).terms[0];
    expect(autumn?.homeVisitsHeld.count).toBe(held);
    expect(autumn?.homeVisitsWithPtAndCc.count).toBe(withBoth);
  });

  it('a home visit at 00:30 BST on the first day of term is in the term (local dates, not UTC)', () => {
    const result = minimums({ visits: [homeVisit('2026-09-02T23:30:00.000Z', [pt, cc])], now });
    expect(result.terms[0]?.homeVisitsHeld.count).toBe(1);
  });

  // Terms are the home's dates, inclusive: the last day runs to local midnight, and a contact after
  // it belongs to the holiday even while its UTC date is still the term's last day.
  it.each([
    ['23:30 BST on the last day of the summer term is in the term', '2027-07-21T22:30:00.000Z', 1],
    [
      '00:30 BST the day after, though still 21 July in UTC, is in the holiday',
      '2027-07-21T23:30:00.000Z',
      0,
    ],
    ['a home visit in the Easter holiday belongs to neither term', '2027-04-01T10:00:00.000Z', 0],
  ] as const)('%s', (_case, startsAt, held) => {
    const result = minimums({ visits: [homeVisit(startsAt, [pt, cc])], now: afterSummer });
    expect(result.terms[2]?.homeVisitsHeld.count).toBe(held);
    expect(result.terms[1]?.homeVisitsHeld.count).toBe(0);
  });

  it('the year counts the home visits of all three terms, listing each record', () => {
    const visits = [
      homeVisit('2026-10-07T10:00:00.000Z', [pt, cc]),
      homeVisit('2026-11-07T10:00:00.000Z', [pt, cc]),
      homeVisit('2027-01-20T10:00:00.000Z', [pt, cc]),
    ];
    const result = minimums({ visits, now });
    expect(result.year.homeVisitsHeld.count).toBe(3);
    expect(result.year.homeVisitsHeld.records.map((record) => record.id)).toEqual(
      visits.map((visit) => visit.id),
    );
  });
});

describe('weekly parent updates from the PT (5.2.1)', () => {
  const now = '2026-09-23T12:00:00.000Z'; // Wednesday of the fourth week of the autumn term
  it('a phone call from the PT to mum covers its week; an email does too', () => {
    const weeks = minimums({
      forms: [
        call('2026-09-04T10:00:00.000Z', pt, [mum]),
        call('2026-09-08T10:00:00.000Z', pt, [mum], 'email'),
      ],
      now,
    }).terms[0]?.parentUpdateWeeks;
    expect(weeks?.slice(0, 4).map((week) => [week.weekStartsOn, week.state])).toEqual([
      ['2026-08-31', 'covered'],
      ['2026-09-07', 'covered'],
      ['2026-09-14', 'missed'],
      ['2026-09-21', 'inProgress'],
    ]);
  });
  it.each([
    [
      'a care worker’s evening call to mum is not the PT’s update',
      call('2026-09-15T18:00:00.000Z', careWorker, [mum]),
    ],
    ['the PT’s call to nan is not an update to a parent', call('2026-09-15T10:00:00.000Z', pt, [nan])],
    [
      'a letter from the PT is not a phone or email update',
      call('2026-09-15T10:00:00.000Z', pt, [mum], 'letter'),
    ],
  ] as const)('%s', (_case, form) => {
    expect(minimums({ forms: [form], now }).terms[0]?.parentUpdateWeeks[2]?.state).toBe('missed');
  });
  it('the PT taking part in a call a care worker wrote up counts', () => {
    const form = buildContactForm({
      kind: 'phoneCall',
      contactStartedAt: '2026-09-15T10:00:00.000Z',
      authorId: careWorker,
      staffIds: [pt],
      personIds: [mum],
    });
    expect(minimums({ forms: [form], now }).terms[0]?.parentUpdateWeeks[2]?.state).toBe('covered');
  });
  it('the half-term holiday week does not count as a week of term', () => {
    const weeks = minimums({ now: '2027-01-01T12:00:00.000Z' }).terms[0]?.parentUpdateWeeks.map(
      (week) => week.weekStartsOn,
    );
    expect(weeks).not.toContain('2026-10-26');
    expect(weeks).toContain('2026-10-19');
    expect(weeks).toContain('2026-11-02');
    expect(weeks).toHaveLength(15);
  });
});

describe('the Learning Mentor’s minimums (5.2.2)', () => {
  const now = '2027-01-20T12:00:00.000Z';
  it('a PEP meeting booked in the term is the term’s invitation; a cancelled one is not', () => {
    const visits = [
      buildVisit({ kind: 'pepMeeting', startsAt: '2026-10-01T10:00:00.000Z', status: 'completed' }),
      buildVisit({ kind: 'pepMeeting', startsAt: '2027-01-12T10:00:00.000Z', status: 'cancelled' }),
    ];
    const result = minimums({ visits, now });
    expect(result.terms[0]?.pepInvitations.count).toBe(1);
    expect(result.terms[1]?.pepInvitations.count).toBe(0);
  });
  it('learning consultations held, booked ahead or not attended all count as offered; cancelled ones do not', () => {
    const visits = (['completed', 'didNotAttend', 'confirmed', 'cancelled'] as const).map((status, index) =>
      buildVisit({ kind: 'learningConsultation', startsAt: `2026-1${index}-05T16:00:00.000Z`, status }),
    );
    expect(minimums({ visits, now }).year.learningConsultationsOffered.count).toBe(2 + 1);
  });
  it('a home visit the Learning Mentor went on is the year’s family-home visit', () => {
    const result = minimums({ visits: [homeVisit('2026-11-10T10:00:00.000Z', [lm])], now });
    expect(result.year.learningMentorHomeVisits.count).toBe(1);
  });
  it('an offer of weekly updates counts in the first 14 days of each half of the term, not later', () => {
    const forms = [
      call('2026-09-10T10:00:00.000Z', lm, [mum]),
      call('2026-11-20T10:00:00.000Z', lm, [nan], 'email'),
    ];
    const offers = minimums({ forms, now }).terms[0]?.halfTermOffers;
    expect(offers?.map((offer) => [offer.startsOn, offer.windowEndsOn, offer.state])).toEqual([
      ['2026-09-03', '2026-09-16', 'offered'],
      ['2026-10-31', '2026-11-13', 'missed'],
    ]);
  });
  it('a letter or email from the Learning Mentor to the family is the term’s learning-programme update', () => {
    const forms = [
      call('2026-12-01T10:00:00.000Z', lm, [mum], 'letter'),
      call('2027-01-10T10:00:00.000Z', pt, [mum], 'letter'),
    ];
    const result = minimums({ forms, now });
    expect(result.terms[0]?.learningProgrammeUpdates.count).toBe(1);
    expect(result.terms[1]?.learningProgrammeUpdates.count).toBe(0);
  });
});

describe('what is still owed (planning help)', () => {
  it('a term under way with no home visit owes one by its last day, showing the booking made for it', () => {
    const booked = homeVisit('2027-03-10T10:00:00.000Z', [pt, cc], 'confirmed');
    const result = minimums({
      visits: [homeVisit('2026-10-07T10:00:00.000Z', [pt, cc]), booked],
      now: '2027-01-20T12:00:00.000Z',
    });
    const spring = result.stillOwed.find((item) => item.key === 'home-visit-spring');
    expect(spring).toMatchObject({
      byDate: '2027-03-26',
      booked: { count: 1, records: [{ type: 'visit', id: booked.id }] },
    });
    expect(result.stillOwed.find((item) => item.key === 'home-visit-autumn')).toBeUndefined();
  });
  it('with no home visit in autumn or spring, the summer term alone cannot reach three: the year’s shortfall is owed', () => {
    const result = minimums({ now: '2027-04-20T12:00:00.000Z' });
    expect(result.stillOwed.find((item) => item.key === 'home-visits-year')?.what).toBe(
      '3 more home visits this year to reach the minimum of 3',
    );
  });
  // Seed 004 §5.2: the minimums are of a placement. Planning help for a young person who is
  // leaving must say what is owed by the day they leave, not by the end of the term or year.
  it('for a placement ending mid-term, everything owed is due by the last day placed', () => {
    const result = contactMinimums({
      youngPerson: buildReviewYoungPerson({ placementEndsOn: '2027-03-10' }),
      year,
      contacts: [],
      parentIds: circle.parentIds,
      familyIds: circle.familyIds,
      now: new Date('2027-02-01T12:00:00.000Z'),
    });
    const byKey = new Map(result.stillOwed.map((item) => [item.key, item.byDate]));
    expect(byKey.get('home-visit-spring')).toBe('2027-03-10');
    expect(byKey.get('pep-spring')).toBe('2027-03-10');
    expect(byKey.get('learning-programme-spring')).toBe('2027-03-10');
    expect(byKey.get('learning-mentor-home-visit')).toBe('2027-03-10');
    expect(byKey.get('learning-consultations')).toBe('2027-03-10');
    expect(result.stillOwed.every((item) => item.byDate <= '2027-03-10')).toBe(true);
  });
  it('nothing is owed once the year is over', () => {
    expect(minimums({ now: '2027-08-01T12:00:00.000Z' }).stillOwed).toEqual([]);
  });
  it('owed items come soonest first', () => {
    const dates = minimums({ now: '2026-09-04T12:00:00.000Z' }).stillOwed.map((item) => item.byDate);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2026-09-06');
  });
});

describe('a correction is not another contact', () => {
  it('a form that amends a filed form is left out of the count', () => {
    const original = buildContactForm({ contactStartedAt: '2026-09-15T10:00:00.000Z' });
    const correction = buildContactForm({
      contactStartedAt: '2026-09-15T10:00:00.000Z',
      amendsFormId: original.id,
    });
    expect(contactsFrom([], [original, correction]).map((contact) => contact.records)).toEqual([
      [{ type: 'contactForm', id: original.id }],
    ]);
  });
});
