import { describe, expect, it } from 'vitest';
import {
  contactsFrom,
  familyCircle,
  type MinimumsContactForm,
  type MinimumsVisit,
} from '@shared/rules/contact-minimums';
import {
  countToDo,
  holdingsOf,
  isPlacedOn,
  nextBookedContact,
  owedFor,
  type Holding,
  type OwedLine,
} from '@shared/rules/my-young-people';
import { buildContactForm, buildRelationship, buildReviewYoungPerson, buildVisit } from '../../../factories';
import { cc, lm, pt, reviewYear as year } from './review-test-support';

const mum = 'person-mum';
const circle = familyCircle([
  buildRelationship({ personId: mum, category: 'parent', hasParentalResponsibility: true }),
]);
const wholeYear = buildReviewYoungPerson();

function lines(options: {
  today: string;
  holdings: Holding[];
  visits?: MinimumsVisit[];
  forms?: MinimumsContactForm[];
  placementStartsOn?: string;
}): OwedLine[] {
  return owedFor({
    youngPerson: {
      ...wholeYear,
      placementStartsOn: options.placementStartsOn ?? wholeYear.placementStartsOn,
    },
    year,
    contacts: contactsFrom(options.visits ?? [], options.forms ?? []),
    parentIds: circle.parentIds,
    familyIds: circle.familyIds,
    // Midday on the home's clock.
    now: new Date(`${options.today}T12:00:00.000Z`),
    holdings: options.holdings,
    today: options.today,
  });
}

const call = (startsAt: string, authorId: string, kind: MinimumsContactForm['kind'] = 'phoneCall') =>
  buildContactForm({
    kind,
    contactStartedAt: startsAt,
    contactEndedAt: startsAt,
    authorId,
    personIds: [mum],
    staffIds: [],
  });
const visit = (
  kind: MinimumsVisit['kind'],
  startsAt: string,
  staffIds: string[],
  status: MinimumsVisit['status'],
) => buildVisit({ kind, startsAt, endsAt: startsAt, staffIds, personIds: [mum], status });

const line = (all: OwedLine[], keyStart: string) => all.find((each) => each.key.startsWith(keyStart));

describe('whose young people', () => {
  it('a member of staff holds a young person as each role the record names them in', () => {
    expect(holdingsOf(wholeYear, pt)).toEqual(['personalTutor']);
    expect(holdingsOf({ ...wholeYear, caseCoordinatorId: pt }, pt)).toEqual([
      'personalTutor',
      'caseCoordinator',
    ]);
    expect(holdingsOf(wholeYear, 'someone-else')).toEqual([]);
  });
  it('only a young person placed today is held: not before the placement starts or after it ends', () => {
    expect(isPlacedOn({ placementStartsOn: '2026-12-01' }, '2026-11-30')).toBe(false);
    expect(isPlacedOn({ placementStartsOn: '2026-12-01' }, '2026-12-01')).toBe(true);
    expect(isPlacedOn({ placementStartsOn: '2020-01-01', placementEndsOn: '2026-10-01' }, '2026-10-02')).toBe(
      false,
    );
  });
});

describe('the Personal Tutor’s weekly parent update (seed 004 §5.2.1)', () => {
  it('is owed this week until a phone call or email with a parent is recorded in it, then done', () => {
    const before = lines({ today: '2026-10-21', holdings: ['personalTutor'] });
    expect(line(before, 'parent-update-')).toMatchObject({
      key: 'parent-update-2026-10-19',
      state: 'owed',
      byDate: '2026-10-25',
      recordAs: 'phoneCall',
    });
    expect(countToDo(before)).toBe(2);
    const after = lines({
      today: '2026-10-21',
      holdings: ['personalTutor'],
      forms: [call('2026-10-19T16:00:00.000Z', pt)],
    });
    expect(line(after, 'parent-update-')?.state).toBe('done');
    expect(countToDo(after)).toBe(1);
  });
  // Wednesday 21 October 2026, in the week of Monday 19 October, unless a case says otherwise.
  it.each<[string, Partial<Parameters<typeof lines>[0]>, Partial<OwedLine>]>([
    [
      'a call on the Sunday before counts for last week, not this one',
      { forms: [call('2026-10-18T16:00:00.000Z', pt)] },
      { state: 'owed' },
    ],
    [
      'a call by someone else is not the PT’s update',
      { forms: [call('2026-10-19T16:00:00.000Z', cc)] },
      { state: 'owed' },
    ],
    [
      'in the half-term holiday no update is due',
      { today: '2026-10-28' },
      { state: 'notDue', reason: 'Half-term holiday: no update is due this week.' },
    ],
    [
      'the week after half term owes one again',
      { today: '2026-11-02' },
      { key: 'parent-update-2026-11-02', state: 'owed' },
    ],
    [
      'the week a placement starts mid-week owes an update (it has school days while placed)',
      { today: '2026-12-02', placementStartsOn: '2026-12-02' },
      { key: 'parent-update-2026-11-30', state: 'owed' },
    ],
  ])('%s', (_case, options, expected) => {
    const result = lines({ today: '2026-10-21', holdings: ['personalTutor'], ...options });
    expect(line(result, 'parent-update-')).toMatchObject(expected);
  });
  it('between terms the PT owes no weekly or termly line', () => {
    expect(lines({ today: '2026-12-23', holdings: ['personalTutor'] })).toEqual([]);
  });
});

describe('the termly home visit with the PT and CC (seed 004 §5.2.1)', () => {
  it('is owed to the end of term, booked once booked, done once held', () => {
    expect(line(lines({ today: '2026-11-10', holdings: ['caseCoordinator'] }), 'home-visit-')).toMatchObject({
      key: 'home-visit-autumn',
      state: 'owed',
      byDate: '2026-12-18',
      holding: 'caseCoordinator',
      bookAs: 'homeVisit',
    });
    const booked = lines({
      today: '2026-11-10',
      holdings: ['caseCoordinator'],
      visits: [visit('homeVisit', '2026-11-20T10:00:00.000Z', [pt, cc], 'confirmed')],
    });
    expect(line(booked, 'home-visit-')?.state).toBe('booked');
    const held = lines({
      today: '2026-11-10',
      holdings: ['caseCoordinator'],
      visits: [visit('homeVisit', '2026-09-20T10:00:00.000Z', [pt, cc], 'completed')],
    });
    expect(line(held, 'home-visit-')?.state).toBe('done');
  });
  it('a person who is both PT and CC sees the shared home visit once', () => {
    const result = lines({ today: '2026-11-10', holdings: ['personalTutor', 'caseCoordinator'] });
    expect(result.filter((each) => each.key.startsWith('home-visit-'))).toHaveLength(1);
  });
  it('a part term too short for its minimums owes no home visit, and says why', () => {
    // Placed from Tuesday 1 December: three weeks of the autumn term (fewer than four).
    const result = lines({
      today: '2026-12-02',
      holdings: ['personalTutor'],
      placementStartsOn: '2026-12-01',
    });
    expect(line(result, 'home-visit-')).toMatchObject({
      state: 'notDue',
      reason: 'Placed for 3 of the 15 weeks of the autumn term: too few for its termly minimums.',
    });
  });
  it('a placement starting mid-term with enough weeks left owes the term’s home visit', () => {
    const result = lines({
      today: '2026-11-10',
      holdings: ['personalTutor'],
      placementStartsOn: '2026-11-09',
    });
    expect(line(result, 'home-visit-')?.state).toBe('owed');
  });
});

describe('the Learning Mentor’s minimums (seed 004 §5.2.2)', () => {
  it('the LM sees their own minimums and neither the parent update nor the PT and CC’s home visit', () => {
    const keys = lines({ today: '2026-11-10', holdings: ['learningMentor'] }).map((each) => each.key);
    expect(keys.sort()).toEqual(
      [
        'half-term-offer-2026-09-03',
        'half-term-offer-2026-10-31',
        'learning-consultations',
        'learning-mentor-home-visit',
        'learning-programme-autumn',
        'pep-autumn',
      ].sort(),
    );
  });
  it('the offer of weekly updates: the first half’s window missed, the second half’s open after half term', () => {
    const result = lines({ today: '2026-11-03', holdings: ['learningMentor'] });
    expect(line(result, 'half-term-offer-2026-09-03')?.state).toBe('missed');
    expect(line(result, 'half-term-offer-2026-10-31')).toMatchObject({ state: 'owed', byDate: '2026-11-13' });
  });
  it('an offer made in the half-term holiday is before the second half’s window; one on its first day counts', () => {
    const early = lines({
      today: '2026-11-03',
      holdings: ['learningMentor'],
      forms: [call('2026-10-30T10:00:00.000Z', lm)],
    });
    expect(line(early, 'half-term-offer-2026-10-31')?.state).toBe('owed');
    const onTime = lines({
      today: '2026-11-03',
      holdings: ['learningMentor'],
      forms: [call('2026-11-02T10:00:00.000Z', lm)],
    });
    expect(line(onTime, 'half-term-offer-2026-10-31')?.state).toBe('done');
  });
  it('before half term the second half’s offer is still to come, from its first day', () => {
    const result = lines({ today: '2026-10-21', holdings: ['learningMentor'] });
    expect(line(result, 'half-term-offer-2026-10-31')).toMatchObject({
      state: 'upcoming',
      fromDate: '2026-10-31',
    });
  });
  it('PEP invitation and learning-programme update are done by a PEP booked and a letter home this term', () => {
    const result = lines({
      today: '2026-11-10',
      holdings: ['learningMentor'],
      visits: [visit('pepMeeting', '2026-12-01T10:00:00.000Z', [lm], 'planned')],
      forms: [call('2026-11-05T10:00:00.000Z', lm, 'letter')],
    });
    expect(line(result, 'pep-autumn')?.state).toBe('done');
    expect(line(result, 'learning-programme-autumn')?.state).toBe('done');
  });
  it('learning consultations are counted against three a year; a part year asks one for each term placed', () => {
    const whole = lines({
      today: '2026-11-10',
      holdings: ['learningMentor'],
      visits: [visit('learningConsultation', '2026-10-01T10:00:00.000Z', [lm], 'completed')],
    });
    expect(line(whole, 'learning-consultations')).toMatchObject({ state: 'owed', tally: { done: 1, of: 3 } });
    // Placed from 1 December: the autumn term is too short, spring and summer ask one each.
    const part = lines({
      today: '2026-12-02',
      holdings: ['learningMentor'],
      placementStartsOn: '2026-12-01',
    });
    expect(line(part, 'learning-consultations')).toMatchObject({ state: 'owed', tally: { done: 0, of: 2 } });
    expect(line(part, 'pep-autumn')?.state).toBe('notDue');
    expect(part.some((each) => each.key.startsWith('half-term-offer-'))).toBe(false);
  });
  it('the year’s home visit is booked, then done', () => {
    const booked = lines({
      today: '2026-11-10',
      holdings: ['learningMentor'],
      visits: [visit('homeVisit', '2027-01-20T10:00:00.000Z', [lm], 'planned')],
    });
    expect(line(booked, 'learning-mentor-home-visit')?.state).toBe('booked');
    const held = lines({
      today: '2026-11-10',
      holdings: ['learningMentor'],
      visits: [visit('homeVisit', '2026-10-01T10:00:00.000Z', [lm, pt], 'completed')],
    });
    expect(line(held, 'learning-mentor-home-visit')?.state).toBe('done');
  });
  it('lists what needs doing first: missed, then owed, then what is in hand or done', () => {
    const result = lines({
      today: '2026-11-03',
      holdings: ['learningMentor'],
      forms: [call('2026-11-02T10:00:00.000Z', lm, 'letter')],
    });
    expect(result.map((each) => each.state)).toEqual(['missed', 'owed', 'owed', 'owed', 'owed', 'done']);
    expect(result[0]?.key).toBe('half-term-offer-2026-09-03');
  });
});

describe('the next booked contact', () => {
  it('is the soonest planned or confirmed contact from now on', () => {
    const contacts = contactsFrom(
      [
        visit('familyVisit', '2026-11-01T10:00:00.000Z', [pt], 'planned'),
        visit('familyVisit', '2026-11-20T10:00:00.000Z', [pt], 'cancelled'),
        visit('phoneCall', '2026-11-25T10:00:00.000Z', [pt], 'confirmed'),
        visit('homeVisit', '2026-12-01T10:00:00.000Z', [pt], 'planned'),
      ],
      [],
    );
    expect(nextBookedContact(contacts, new Date('2026-11-10T12:00:00.000Z'))?.visitKind).toBe('phoneCall');
    expect(nextBookedContact(contacts, new Date('2026-12-02T12:00:00.000Z'))).toBeUndefined();
  });
});
