import { describe, expect, it } from 'vitest';
import {
  bookingPlanWarnings,
  contactPlanWords,
  planAtTheDoor,
  type PlanBookedContact,
  type PlanBookingInput,
} from '../../../../shared/rules/contact-plan-booking';
import type { VisitKind } from '../../../../shared/schemas/visits';
import { buildContactArrangement } from '../../../factories';

const amy = crypto.randomUUID();
const ben = crypto.randomUUID();
const mum = { personId: crypto.randomUUID(), displayName: 'Dawn Hughes' };
const nan = { personId: crypto.randomUUID(), displayName: 'Rita Hughes' };

const fortnightlyVisit = buildContactArrangement({
  youngPersonId: amy,
  personId: mum.personId,
  kind: 'visitAtHome',
  frequency: 'fortnightly',
  where: 'the family room',
  supervision: 'supervised',
  supervisedBy: 'a member of the care team',
  wording: 'Mum visits Amy at the home every other Saturday afternoon.',
  startsOn: '2026-09-01',
  endsOn: '2027-03-31',
});
const weeklyCall = buildContactArrangement({ youngPersonId: amy, personId: mum.personId, kind: 'phone' });

const input = (overrides: Partial<PlanBookingInput> = {}): PlanBookingInput => ({
  kind: 'familyVisit',
  youngPersonIds: [amy],
  people: [mum],
  isSupervised: true,
  dates: ['2026-10-10'],
  youngPersonName: (id) => (id === amy ? 'Amy' : 'Ben'),
  ...overrides,
});

const kinds = (warnings: ReturnType<typeof bookingPlanWarnings>) => warnings.map((warning) => warning.kind);

describe('booking against the contact plan', () => {
  it('says nothing when the booking keeps to the plan', () => {
    expect(bookingPlanWarnings(input(), [fortnightlyVisit, weeklyCall])).toEqual([]);
  });

  it('warns in the plan’s own words when the kind is not in the plan', () => {
    const [warning, ...rest] = bookingPlanWarnings(input({ kind: 'outing' }), [fortnightlyVisit, weeklyCall]);
    expect(rest).toEqual([]);
    expect(warning?.kind).toBe('kindNotInPlan');
    expect(warning?.message).toContain('Amy’s contact plan does not include a visit out with Dawn Hughes.');
    expect(warning?.message).toContain(
      'Fortnightly visit at the home, at the family room, supervised by a member of the care team, from 1 Sept 2026 until 31 Mar 2027. The plan says: “Mum visits Amy at the home every other Saturday afternoon.”',
    );
    expect(warning?.message).toContain('Weekly call, unsupervised, from 1 Sept 2026.');
  });

  it('warns when someone with no arrangement is booked, once the young person has a plan', () => {
    expect(kinds(bookingPlanWarnings(input({ people: [mum, nan] }), [fortnightlyVisit]))).toEqual([
      'notInPlan',
    ]);
    // No plan written for Ben yet: no warnings about him.
    expect(bookingPlanWarnings(input({ youngPersonIds: [ben], people: [nan] }), [fortnightlyVisit])).toEqual(
      [],
    );
  });

  it('warns on the first date of a series that falls outside the plan’s dates', () => {
    const [warning] = bookingPlanWarnings(input({ dates: ['2027-03-27', '2027-04-10'] }), [fortnightlyVisit]);
    expect(warning?.kind).toBe('outsidePlanDates');
    expect(warning?.message).toMatch(
      /^On 10 Apr 2027 no visit at the home with Dawn Hughes is in Amy’s contact plan\./,
    );
  });

  it('warns when the plan says supervised and nobody is named to supervise', () => {
    const [warning] = bookingPlanWarnings(input({ isSupervised: false }), [fortnightlyVisit]);
    expect(warning?.kind).toBe('needsSupervision');
    expect(warning?.message).toContain('supervised by a member of the care team');
  });

  it.each<VisitKind>(['homeVisit', 'pepMeeting', 'learningConsultation', 'reviewMeeting'])(
    'does not hold a %s against the plan',
    (kind) => {
      expect(bookingPlanWarnings(input({ kind, people: [nan] }), [fortnightlyVisit])).toEqual([]);
    },
  );

  it('writes an arrangement with no set frequency and no end as the plan reads', () => {
    expect(
      contactPlanWords(
        buildContactArrangement({ kind: 'letters', frequency: 'asArranged', startsOn: '2026-09-01' }),
      ),
    ).toBe('Letters and cards, as arranged, unsupervised, from 1 Sept 2026.');
  });
});

describe('booking more often than the plan agrees', () => {
  const visitWithMum = (date: string, overrides: Partial<PlanBookedContact> = {}): PlanBookedContact => ({
    date,
    kind: 'familyVisit',
    youngPersonIds: [amy],
    personIds: [mum.personId],
    ...overrides,
  });
  // The arrangement starts on Tuesday 1 September 2026: its fortnights run from Monday 31 August,
  // so 5 to 11 October is the second week of the fortnight from 28 September.
  it('warns when the fortnight already holds a visit with the same person, naming both days', () => {
    const [warning, ...rest] = bookingPlanWarnings(input({ others: [visitWithMum('2026-09-29')] }), [
      fortnightlyVisit,
    ]);
    expect(rest).toEqual([]);
    expect(warning?.kind).toBe('moreOftenThanPlanned');
    expect(warning?.message).toContain('Dawn Hughes already has a visit at the home on 29 Sept 2026');
    expect(warning?.message).toContain('adds one on 10 Oct 2026, in the same fortnight');
    expect(warning?.message).toContain('Mum visits Amy at the home every other Saturday afternoon.');
  });

  it('keeps fortnights in step with the week the arrangement started', () => {
    // 12 October starts the next fortnight (31 Aug + 6 weeks), so a visit on 13 October is fine.
    expect(bookingPlanWarnings(input({ others: [visitWithMum('2026-10-13')] }), [fortnightlyVisit])).toEqual(
      [],
    );
    expect(
      bookingPlanWarnings(input({ others: [visitWithMum('2026-10-11')] }), [fortnightlyVisit]),
    ).toHaveLength(1);
  });

  it('does not count contacts of another kind, with someone else, or for another young person', () => {
    const others = [
      visitWithMum('2026-10-09', { kind: 'phoneCall' }),
      visitWithMum('2026-10-09', { personIds: [nan.personId] }),
      visitWithMum('2026-10-09', { youngPersonIds: [ben] }),
      visitWithMum('2026-10-09', { kind: 'homeVisit' }),
    ];
    expect(bookingPlanWarnings(input({ others }), [fortnightlyVisit])).toEqual([]);
  });

  it('warns when a repeating booking itself comes more often than planned', () => {
    const [warning] = bookingPlanWarnings(input({ dates: ['2026-10-12', '2026-10-19'] }), [fortnightlyVisit]);
    expect(warning?.kind).toBe('moreOftenThanPlanned');
    expect(warning?.message).toContain(
      'This booking has more than one visit at the home with Dawn Hughes (12 Oct 2026 and 19 Oct 2026)',
    );
    expect(bookingPlanWarnings(input({ dates: ['2026-10-12', '2026-10-26'] }), [fortnightlyVisit])).toEqual(
      [],
    );
  });

  it('counts calendar months for a monthly arrangement and never warns for "as arranged"', () => {
    const monthly = { ...fortnightlyVisit, frequency: 'monthly' as const };
    expect(bookingPlanWarnings(input({ others: [visitWithMum('2026-10-01')] }), [monthly])).toHaveLength(1);
    expect(bookingPlanWarnings(input({ others: [visitWithMum('2026-09-30')] }), [monthly])).toEqual([]);
    const asArranged = { ...fortnightlyVisit, frequency: 'asArranged' as const };
    expect(bookingPlanWarnings(input({ others: [visitWithMum('2026-10-09')] }), [asArranged])).toEqual([]);
  });
});

describe('the plan at the door', () => {
  const door = (overrides: Partial<Parameters<typeof planAtTheDoor>[0]> = {}) => ({
    personId: mum.personId,
    personName: mum.displayName,
    youngPersonIds: [amy],
    today: '2026-10-10',
    youngPersonName: (id: string) => (id === amy ? 'Amy' : 'Ben'),
    ...overrides,
  });

  it('shows the visits agreed with the visitor in the plan’s own words', () => {
    expect(planAtTheDoor(door(), [fortnightlyVisit, weeklyCall])).toEqual([
      {
        youngPersonId: amy,
        isOutsidePlan: false,
        text: 'Amy’s contact plan: Fortnightly visit at the home, at the family room, supervised by a member of the care team, from 1 Sept 2026 until 31 Mar 2027. The plan says: “Mum visits Amy at the home every other Saturday afternoon.”',
      },
    ]);
  });

  it('says when the plan agrees no visit, or nothing at all, with them', () => {
    const [callsOnly] = planAtTheDoor(door(), [weeklyCall]);
    expect(callsOnly?.isOutsidePlan).toBe(true);
    expect(callsOnly?.text).toMatch(
      /^Amy’s contact plan has no visits agreed with Dawn Hughes\. .*The plan agrees: Weekly call/,
    );
    const [nothing] = planAtTheDoor(door({ personId: nan.personId, personName: nan.displayName }), [
      fortnightlyVisit,
    ]);
    expect(nothing?.text).toBe(
      'Amy’s contact plan has no contact agreed with Rita Hughes. Check with the duty manager before they go in.',
    );
  });

  it('says nothing for a young person with no plan in force, or before anyone is ticked', () => {
    expect(planAtTheDoor(door({ youngPersonIds: [ben] }), [fortnightlyVisit])).toEqual([]);
    expect(planAtTheDoor(door({ today: '2027-04-01' }), [fortnightlyVisit])).toEqual([]);
    expect(planAtTheDoor(door({ youngPersonIds: [] }), [fortnightlyVisit])).toEqual([]);
  });
});
