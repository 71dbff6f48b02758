import { describe, expect, it } from 'vitest';
import type { Visit } from '@shared/schemas/visits';
import type { ContactForm } from '@shared/schemas/contact-forms';
import {
  yearReview,
  type ReviewFamilyMember,
  type ReviewRestriction,
  type TermReview,
} from '@shared/rules/termly-review';
import { nextVersion } from '@shared/rules/restriction-versions';
import {
  buildContactForm,
  buildRestriction,
  buildRestrictionChange,
  buildReviewYoungPerson,
  buildVisit,
} from '../../../factories';
import {
  afterAutumn,
  afterSpring,
  cc,
  figure,
  lm,
  pt,
  reviewMum as mum,
  reviewYear as year,
} from './review-test-support';

const youngPerson = buildReviewYoungPerson();
const dad: ReviewFamilyMember = {
  personId: 'dad',
  name: 'Dean Hughes',
  relationship: 'Dad',
  category: 'parent',
  hasParentalResponsibility: true,
};
const brother: ReviewFamilyMember = {
  personId: 'bro',
  name: 'Jay Hughes',
  relationship: 'Older brother',
  category: 'sibling',
  hasParentalResponsibility: false,
};
const nan: ReviewFamilyMember = {
  personId: 'nan',
  name: 'Sheila Hughes',
  relationship: 'Nan',
  category: 'grandparent',
  hasParentalResponsibility: false,
};
const teacher: ReviewFamilyMember = {
  personId: 'sw',
  name: 'Priya Shah',
  relationship: 'Social worker',
  category: 'professional',
  hasParentalResponsibility: false,
};

/** A visit of `kind` for the young person, starting at `startsAt`. */
const visitOf = (
  kind: Visit['kind'],
  startsAt: string,
  status: Visit['status'],
  overrides: Partial<Visit> = {},
) => buildVisit({ youngPersonIds: [youngPerson.id], kind, startsAt, status, ...overrides });
const homeVisit = (startsAt: string, staffIds: string[] = [pt, cc], status: Visit['status'] = 'completed') =>
  visitOf('homeVisit', startsAt, status, { endsAt: startsAt, staffIds, personIds: [mum.personId] });
const form = (overrides: Partial<ContactForm>) =>
  buildContactForm({ youngPersonId: youngPerson.id, staffIds: [], ...overrides });
/** A form for `minutes` of contact of `kind` with one family member, from `startedAt`, written by `authorId`. */
const contactWith = (
  personId: string,
  kind: ContactForm['kind'],
  authorId: string,
  startedAt: string,
  minutes: number,
) =>
  form({
    kind,
    contactStartedAt: startedAt,
    contactEndedAt: new Date(Date.parse(startedAt) + minutes * 60_000).toISOString(),
    authorId,
    personIds: [personId],
  });

function review(options: {
  visits?: Visit[];
  forms?: ContactForm[];
  family?: ReviewFamilyMember[];
  restrictions?: ReviewRestriction[];
  now: string;
}): readonly TermReview[] {
  return yearReview({
    youngPerson,
    year,
    visits: options.visits ?? [],
    forms: options.forms ?? [],
    family: options.family ?? [mum],
    restrictions: options.restrictions ?? [],
    now: new Date(options.now),
  }).terms;
}

describe('home visit each term (one a term, usually with the PT and CC)', () => {
  it('a term with no home visit is red, with its reason', () => {
    const [autumn] = review({ now: afterAutumn });
    expect(figure(autumn, 'homeVisit')).toMatchObject({
      status: 'red',
      value: 'None held',
      reason: 'No home visit in the autumn term: the policy asks for a home visit each term.',
    });
    expect(autumn?.overall).toBe('red');
  });
  it('a home visit with the PT and CC is green and lists the visit', () => {
    const visit = homeVisit('2026-10-07T10:00:00.000Z');
    const [autumn] = review({ visits: [visit], now: afterAutumn });
    expect(figure(autumn, 'homeVisit')).toMatchObject({
      status: 'green',
      records: [{ type: 'visit', id: visit.id }],
    });
  });
  it('a home visit without the CC is amber: held, but not with both', () => {
    const [autumn] = review({ visits: [homeVisit('2026-10-07T10:00:00.000Z', [pt])], now: afterAutumn });
    expect(figure(autumn, 'homeVisit').status).toBe('amber');
    expect(figure(autumn, 'homeVisit').reason).toContain(
      'none with both the Personal Tutor and the Case Co-ordinator',
    );
  });
  it('two in the autumn term and none in spring is red for spring, and amber for the year', () => {
    const terms = review({
      visits: [homeVisit('2026-10-07T10:00:00.000Z'), homeVisit('2026-12-01T10:00:00.000Z')],
      now: afterSpring,
    });
    expect(figure(terms[0], 'homeVisit').status).toBe('green');
    expect(figure(terms[1], 'homeVisit')).toMatchObject({
      status: 'red',
      value: 'None held',
      reason: 'No home visit in the spring term: the policy asks for a home visit each term.',
    });
    expect(figure(terms[1], 'homeVisitsYear')).toMatchObject({
      status: 'amber',
      value: '2 of 3',
      reason:
        '2 home visits so far, on track for 3, but none in the spring term: the policy asks for a home visit each term.',
    });
  });
  it('one in autumn and none in spring is red for spring: the year falls behind one a term', () => {
    const terms = review({ visits: [homeVisit('2026-10-07T10:00:00.000Z')], now: afterSpring });
    expect(figure(terms[1], 'homeVisit').status).toBe('red');
  });
  it.each([
    [
      'a term under way with a home visit booked is amber',
      [homeVisit('2027-03-10T10:00:00.000Z', [pt, cc], 'confirmed')],
      '2027-01-20T12:00:00.000Z',
      'amber',
    ],
    [
      'a term under way with none booked and more than three weeks left is amber',
      [],
      '2027-01-20T12:00:00.000Z',
      'amber',
    ],
    [
      'a term under way with none booked and three weeks or less left is red',
      [],
      '2027-03-08T12:00:00.000Z',
      'red',
    ],
    ['a term not yet started is not due', [], '2026-12-01T12:00:00.000Z', 'notDue'],
  ] as const)('%s', (_case, visits, now, status) => {
    expect(figure(review({ visits: [...visits], now })[1], 'homeVisit').status).toBe(status);
  });
});

describe('home visits this year: a minimum of three', () => {
  it.each([
    ['one a term so far is green (on track)', ['2026-10-07', '2027-02-01'], afterSpring, 1, 'green'],
    ['none by the end of autumn cannot reach three at one a term: red', [], afterAutumn, 0, 'red'],
    [
      'one held while spring is under way is amber: two more are needed in the two terms left',
      ['2026-10-07'],
      '2027-02-01T12:00:00.000Z',
      1,
      'amber',
    ],
    [
      'one by the end of spring is red: summer alone cannot make up two at one a term',
      ['2026-10-07'],
      afterSpring,
      1,
      'red',
    ],
    ['two at the end of the year is red', ['2026-10-07', '2027-02-01'], '2027-08-01T12:00:00.000Z', 2, 'red'],
    [
      'three in the autumn term alone meets the year’s minimum',
      ['2026-09-10', '2026-10-07', '2026-12-01'],
      afterAutumn,
      0,
      'green',
    ],
  ] as const)('%s', (_case, dates, now, termIndex, status) => {
    const visits = dates.map((date) => homeVisit(`${date}T10:00:00.000Z`));
    expect(figure(review({ visits, now })[termIndex], 'homeVisitsYear').status).toBe(status);
  });
});

describe('weekly parent updates', () => {
  const update = (date: string) => contactWith(mum.personId, 'phoneCall', pt, `${date}T10:00:00.000Z`, 20);
  const weeksOfAutumn = [
    '2026-09-03',
    '2026-09-07',
    '2026-09-14',
    '2026-09-21',
    '2026-09-28',
    '2026-10-05',
    '2026-10-12',
    '2026-10-19',
    '2026-11-02',
    '2026-11-09',
    '2026-11-16',
    '2026-11-23',
    '2026-11-30',
    '2026-12-07',
    '2026-12-14',
  ];
  it.each([
    ['an update every week of term is green', 0, 'green'],
    ['one or two weeks without an update is amber', 2, 'amber'],
    ['three weeks without an update is red', 3, 'red'],
  ] as const)('%s', (_case, skipped, status) => {
    const forms = weeksOfAutumn.slice(skipped).map(update);
    const result = figure(review({ forms, now: afterAutumn })[0], 'parentUpdates');
    expect(result.status).toBe(status);
    expect(result.value).toBe(`${15 - skipped} of 15 weeks`);
    expect(result.records).toHaveLength(15 - skipped);
  });
  it('the reason names the weeks that were missed', () => {
    const forms = weeksOfAutumn.slice(2).map(update);
    expect(figure(review({ forms, now: afterAutumn })[0], 'parentUpdates').reason).toBe(
      'No update from the Personal Tutor to a parent in 2 weeks of 15: weeks beginning 31 Aug, 7 Sept.',
    );
  });
  it('in the first week of term nothing is due yet', () => {
    expect(figure(review({ now: '2026-09-04T12:00:00.000Z' })[0], 'parentUpdates').status).toBe('notDue');
  });
});

describe('the Learning Mentor’s minimums', () => {
  it('a term that ended with no PEP invitation is red; one under way is amber', () => {
    const terms = review({ now: '2027-01-20T12:00:00.000Z' });
    expect(figure(terms[0], 'pepInvitation').status).toBe('red');
    expect(figure(terms[1], 'pepInvitation').status).toBe('amber');
  });
  it('a PEP meeting booked in the term is green for its invitation', () => {
    const pep = visitOf('pepMeeting', '2026-11-03T10:00:00.000Z', 'didNotAttend');
    expect(figure(review({ visits: [pep], now: afterAutumn })[0], 'pepInvitation')).toMatchObject({
      status: 'green',
      records: [{ type: 'visit', id: pep.id }],
    });
  });
  it('no family-home visit by the Learning Mentor all year is red at the year’s end', () => {
    expect(figure(review({ now: '2027-08-01T12:00:00.000Z' })[2], 'learningMentorHomeVisit').status).toBe(
      'red',
    );
  });
  it('no family-home visit yet in autumn is amber: the year is not over', () => {
    expect(figure(review({ now: afterAutumn })[0], 'learningMentorHomeVisit').status).toBe('amber');
  });
  it.each([
    ['one consultation offered by the end of autumn is green', 1, afterAutumn, 0, 'green'],
    ['one offered by the end of spring is amber: one behind', 1, afterSpring, 1, 'amber'],
    ['none offered by the end of spring is red', 0, afterSpring, 1, 'red'],
    ['two offered by the end of the year is red', 2, '2027-08-01T12:00:00.000Z', 2, 'red'],
  ] as const)('%s', (_case, count, now, termIndex, status) => {
    const visits = Array.from({ length: count }, () =>
      visitOf('learningConsultation', '2026-10-01T16:00:00.000Z', 'completed'),
    );
    expect(figure(review({ visits, now })[termIndex], 'learningConsultations').status).toBe(status);
  });
  it('a half term that began without the Learning Mentor’s offer of weekly updates is red', () => {
    expect(figure(review({ now: afterAutumn })[0], 'halfTermOffers').status).toBe('red');
  });
  it('an offer in the first fortnight of each half is green', () => {
    const offer = (date: string) => contactWith(mum.personId, 'email', lm, `${date}T10:00:00.000Z`, 10);
    expect(
      figure(
        review({ forms: [offer('2026-09-04'), offer('2026-11-02')], now: afterAutumn })[0],
        'halfTermOffers',
      ).status,
    ).toBe('green');
  });
});

describe('contact per family member: nobody quietly overlooked', () => {
  const call = (personId: string, startedAt = '2026-10-07T18:00:00.000Z') =>
    contactWith(personId, 'phoneCall', 'staff-care', startedAt, 20);
  it('a parent with no contact all term is red; wider family is amber; a professional is not listed', () => {
    const [autumn] = review({
      forms: [call(mum.personId)],
      family: [mum, dad, brother, nan, teacher],
      now: afterAutumn,
    });
    expect(autumn?.family.map((member) => [member.name, member.status])).toEqual([
      ['Karen Hughes', 'green'],
      ['Dean Hughes', 'red'],
      ['Jay Hughes', 'red'],
      ['Sheila Hughes', 'amber'],
    ]);
    expect(autumn?.family[1]?.reason).toBe('No contact with Dean Hughes (Dad) in the whole autumn term.');
  });
  it('a parent restricted during the term shows as restricted, not as a gap', () => {
    const restriction = buildRestriction({
      personId: dad.personId,
      kind: 'noContact',
      effectiveFrom: '2026-01-01',
    });
    const [autumn] = review({
      family: [mum, dad],
      restrictions: [restriction],
      forms: [call(mum.personId)],
      now: afterAutumn,
    });
    expect(autumn?.family[1]).toMatchObject({ status: 'restricted', restrictionIds: [restriction.id] });
  });
  it('a restriction that ended before the term began does not excuse a gap', () => {
    const restriction = buildRestriction({
      personId: dad.personId,
      kind: 'supervisedOnly',
      effectiveFrom: '2025-01-01',
      effectiveTo: '2026-06-30',
    });
    expect(
      review({ family: [dad], restrictions: [restriction], now: afterAutumn })[0]?.family[0]?.status,
    ).toBe('red');
  });
  // The register keeps a changed restriction's earlier versions (`earlierTerms`): each governed
  // its own days, so a term before the change is read with the version then in force.
  /** Dad barred from `barredFrom`; at `changedAt` the manager changes it to supervised only from `supervisedFrom`. */
  const barredThenSupervised = (barredFrom: string, supervisedFrom: string, changedAt: string) =>
    nextVersion(
      buildRestriction({ personId: dad.personId, kind: 'noContact', effectiveFrom: barredFrom }),
      buildRestrictionChange({ kind: 'supervisedOnly', effectiveFrom: supervisedFrom }),
      { staffId: 'manager', canApprove: true, at: changedAt },
    );
  it('a no-contact order later eased still shows the terms it governed as restricted', () => {
    const eased = barredThenSupervised('2026-01-01', '2027-01-10', '2027-01-10T09:00:00.000Z');
    const [autumn, spring] = review({ family: [dad], restrictions: [eased], now: afterSpring });
    expect(autumn?.family[0]).toMatchObject({
      status: 'restricted',
      reason: 'Restricted during the autumn term (no contact): not counted as a gap.',
      restrictionIds: [eased.id],
    });
    // Barred from 5 to 9 January, supervised only after: a gap in the spring term is not a lapse either.
    expect(spring?.family[0]).toMatchObject({
      status: 'restricted',
      reason: 'Restricted during the spring term (no contact): not counted as a gap.',
    });
  });
  it('a version that a later change replaced before it began governs no term', () => {
    const withdrawn = barredThenSupervised('2027-01-20', '2027-01-15', '2027-01-14T09:00:00.000Z');
    const [, spring] = review({
      family: [dad],
      restrictions: [withdrawn],
      forms: [call(dad.personId, '2027-02-03T18:00:00.000Z')],
      now: afterSpring,
    });
    expect(spring?.family[0]).toMatchObject({ status: 'green', restrictionIds: [withdrawn.id] });
  });
  it('a parent with no contact yet in a term under way is amber', () => {
    expect(review({ family: [dad], now: '2026-10-01T12:00:00.000Z' })[0]?.family[0]?.status).toBe('amber');
  });
});

describe('forms on time, late and overdue (48 hours)', () => {
  const contactAt = (date: string, filedAfterHours: number | undefined) => {
    const ended = Date.parse(`${date}T10:00:00.000Z`);
    const { filedAt: _defaultFiledAt, ...built } = form({
      contactStartedAt: new Date(ended - 1_800_000).toISOString(),
      contactEndedAt: new Date(ended).toISOString(),
      status: filedAfterHours === undefined ? 'draft' : 'filed',
      authorId: 'staff-care',
    });
    return filedAfterHours === undefined
      ? built
      : { ...built, filedAt: new Date(ended + filedAfterHours * 3_600_000).toISOString() };
  };
  it.each([
    ['all filed within 48 hours is green', [10, 47], 'green'],
    ['one filed at 49 hours is amber', [10, 49], 'amber'],
    ['one never filed, past its 48 hours, is red', [10, undefined], 'red'],
  ] as const)('%s', (_case, filedAfter, status) => {
    const forms = filedAfter.map((hours) => contactAt('2026-10-07', hours));
    const [autumn] = review({ forms, now: afterAutumn });
    expect(figure(autumn, 'forms').status).toBe(status);
    expect(figure(autumn, 'forms').records).toHaveLength(2);
  });
  it('sorts each form into on time, late and overdue, by record', () => {
    const onTime = contactAt('2026-10-07', 5);
    const late = contactAt('2026-10-08', 60);
    const overdue = contactAt('2026-10-09', undefined);
    const [autumn] = review({ forms: [onTime, late, overdue], now: afterAutumn });
    expect(autumn?.forms.onTime.records).toEqual([{ type: 'contactForm', id: onTime.id }]);
    expect(autumn?.forms.late.records).toEqual([{ type: 'contactForm', id: late.id }]);
    expect(autumn?.forms.overdue.records).toEqual([{ type: 'contactForm', id: overdue.id }]);
  });
  it.each([
    [
      'filed 30 hours after, given 48 when started, stays on time when the home now allows 24',
      48,
      30,
      24,
      'onTime',
    ],
    [
      'filed 30 hours after, given 24 when started, stays late when the home now allows 48',
      24,
      30,
      48,
      'late',
    ],
    [
      'still unfiled at 30 hours, given 48 when started, is due, not overdue, when the home now allows 24',
      48,
      undefined,
      24,
      'due',
    ],
  ] as const)(
    'a form is judged by its own stored due moment: %s',
    (_case, givenHours, filedAfter, nowAllowed, bucket) => {
      const built = contactAt('2026-10-07', filedAfter);
      const withDue = {
        ...built,
        dueAt: new Date(Date.parse(built.contactEndedAt) + givenHours * 3_600_000).toISOString(),
      };
      const [autumn] = yearReview({
        youngPerson,
        year,
        visits: [],
        forms: [withDue],
        family: [mum],
        restrictions: [],
        now: new Date('2026-10-08T16:00:00.000Z'),
        dueHours: nowAllowed,
      }).terms;
      expect(autumn?.forms[bucket].records).toEqual([{ type: 'contactForm', id: withDue.id }]);
    },
  );
  it('a form with no stored due moment falls back to the home’s hours', () => {
    const { dueAt: _none, ...built } = contactAt('2026-10-07', 30);
    const [autumn] = yearReview({
      youngPerson,
      year,
      visits: [],
      forms: [built],
      family: [mum],
      restrictions: [],
      now: new Date(afterAutumn),
      dueHours: 24,
    }).terms;
    expect(autumn?.forms.late.records).toEqual([{ type: 'contactForm', id: built.id }]);
  });
});

describe('contacts by kind', () => {
  it('counts held contacts in the term by kind, a visit and its form once', () => {
    const visit = visitOf('familyVisit', '2026-10-10T14:00:00.000Z', 'completed');
    const forms = [
      form({ kind: 'visit', visitId: visit.id, contactStartedAt: visit.startsAt, authorId: 'staff-care' }),
      form({ kind: 'phoneCall', contactStartedAt: '2026-10-11T18:00:00.000Z', authorId: 'staff-care' }),
    ];
    const cancelled = visitOf('outing', '2026-10-12T10:00:00.000Z', 'cancelled');
    const [autumn] = review({ visits: [visit, cancelled], forms, now: afterAutumn });
    expect(autumn?.contactsByKind.map((entry) => [entry.kind, entry.contacts.count])).toEqual([
      ['visit', 1],
      ['phoneCall', 1],
    ]);
  });
});

describe('the order records are read in', () => {
  it('gives the same review however the records are ordered, a visit’s forms at one moment included', () => {
    const visit = homeVisit('2026-10-10T14:00:00.000Z');
    const other = homeVisit('2026-10-10T14:00:00.000Z', [pt]);
    const ended = '2026-10-10T15:00:00.000Z';
    // Two forms for one visit ending at the same moment, of different kinds: which kind stands
    // for the visit, and the order its records are listed in, must not depend on reading order.
    const forms = [
      form({
        id: 'form-b',
        kind: 'homeVisit',
        visitId: visit.id,
        contactStartedAt: visit.startsAt,
        contactEndedAt: ended,
        authorId: pt,
      }),
      form({
        id: 'form-a',
        kind: 'visit',
        visitId: visit.id,
        contactStartedAt: visit.startsAt,
        contactEndedAt: ended,
        authorId: cc,
      }),
      form({
        id: 'form-c',
        kind: 'phoneCall',
        contactStartedAt: '2026-10-10T14:00:00.000Z',
        contactEndedAt: ended,
        authorId: pt,
      }),
    ];
    const asRead = review({ visits: [visit, other], forms, now: afterAutumn });
    const reversed = review({ visits: [other, visit], forms: [...forms].reverse(), now: afterAutumn });
    const shuffled = review({
      visits: [visit, other],
      forms: [forms[1]!, forms[2]!, forms[0]!],
      now: afterAutumn,
    });
    expect(reversed).toEqual(asRead);
    expect(shuffled).toEqual(asRead);
  });
});
