import { describe, expect, it } from 'vitest';
import {
  arrangementsDueForReview,
  contactAgainstPlan,
  planKindOfContact,
  planPeriodEnds,
  planPeriods,
  type ContactAgainstPlanInput,
} from '../../../../shared/rules/contact-plan';
import type { Contact } from '../../../../shared/rules/contact-minimums';
import { buildContactArrangement } from '../../../factories';

const london = 'Europe/London';
const mum = crypto.randomUUID();
const dad = crypto.randomUUID();

/** The autumn term 2026: Tuesday 1 September to Friday 18 December, 16 Monday-to-Sunday weeks. */
const autumn = { startsOn: '2026-09-01', endsOn: '2026-12-18' };

function contact(at: string, overrides: Partial<Contact> = {}): Contact {
  return {
    records: [{ type: 'contactForm', id: crypto.randomUUID() }],
    startsMs: Date.parse(at),
    formKind: 'phoneCall',
    visitKind: undefined,
    state: 'held',
    staffIds: [],
    personIds: [mum],
    ...overrides,
  };
}

/** A call with Mum on the Wednesday of each of the given weeks (Mondays), at 18:00 London time. */
function weeklyCalls(mondays: readonly string[]): Contact[] {
  return mondays.map((monday) => {
    const wednesday = new Date(Date.parse(`${monday}T12:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    // 17:00 UTC is 18:00 BST before 25 October and 17:00 GMT after: either way the same day.
    return contact(`${wednesday}T17:00:00Z`);
  });
}

function mondaysFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    new Date(Date.parse(`${first}T00:00:00Z`) + index * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

const input = (overrides: Partial<ContactAgainstPlanInput> = {}): ContactAgainstPlanInput => ({
  arrangement: buildContactArrangement({ personId: mum }),
  span: autumn,
  contacts: [],
  now: new Date('2027-01-05T12:00:00Z'),
  timeZone: london,
  ...overrides,
});

describe('contact against the plan', () => {
  it('counts the weeks of a term with a call held: 9 of the 16 weeks', () => {
    const calls = weeklyCalls(mondaysFrom('2026-08-31', 9));
    const result = contactAgainstPlan(input({ contacts: calls }));
    expect(result.value).toBe('weekly call planned: 9 of 16 weeks');
    expect([result.periodsHeld, result.periods]).toEqual([9, 16]);
    expect(result.status).toBe('red');
    expect(result.held.count).toBe(9);
  });

  it('counts a week once however many calls were held in it', () => {
    const calls = [contact('2026-09-02T17:00:00Z'), contact('2026-09-03T17:00:00Z')];
    const result = contactAgainstPlan(
      input({ contacts: calls, span: { startsOn: '2026-08-31', endsOn: '2026-09-06' } }),
    );
    expect(result.value).toBe('weekly call planned: 1 of 1 week');
    expect(result.status).toBe('green');
  });

  it.each<[string, Partial<Contact>]>([
    ['with someone else', { personIds: [dad] }],
    ['of another kind', { formKind: 'letter' }],
    ['only booked', { state: 'booked' }],
    ['cancelled', { state: 'cancelled' }],
    ['not attended', { state: 'didNotAttend' }],
  ])('does not count a contact %s', (_, overrides) => {
    const result = contactAgainstPlan(
      input({
        contacts: [contact('2026-09-02T17:00:00Z', overrides)],
        span: { startsOn: '2026-08-31', endsOn: '2026-09-06' },
      }),
    );
    expect(result.value).toBe('weekly call planned: 0 of 1 week');
    expect(result.status).toBe('amber');
  });

  it('counts a completed booked call and a visit out by the booking’s kind', () => {
    const plan = buildContactArrangement({ personId: mum, kind: 'visitOut', frequency: 'fortnightly' });
    const outing = contact('2026-09-05T10:00:00Z', { visitKind: 'outing', formKind: 'visit' });
    const atHome = contact('2026-09-19T10:00:00Z', { visitKind: 'familyVisit', formKind: 'visit' });
    const result = contactAgainstPlan(
      input({
        arrangement: plan,
        contacts: [outing, atHome],
        span: { startsOn: '2026-08-31', endsOn: '2026-09-27' },
      }),
    );
    expect(result.value).toBe('fortnightly visit out planned: 1 of 2 fortnights');
  });

  describe('part terms: only the plan’s own weeks count', () => {
    it('a plan starting mid-term counts from its start', () => {
      // Starts Monday 2 November: 7 weeks to 18 December.
      const plan = buildContactArrangement({ personId: mum, startsOn: '2026-11-02' });
      const result = contactAgainstPlan(
        input({ arrangement: plan, contacts: weeklyCalls(mondaysFrom('2026-08-31', 16)) }),
      );
      expect(result.value).toBe('weekly call planned: 7 of 7 weeks');
    });

    it('a plan ending mid-term counts to its end', () => {
      const plan = buildContactArrangement({ personId: mum, endsOn: '2026-10-04' });
      const result = contactAgainstPlan(
        input({ arrangement: plan, contacts: weeklyCalls(mondaysFrom('2026-08-31', 2)) }),
      );
      expect(result.value).toBe('weekly call planned: 2 of 5 weeks');
    });

    it.each<[string, string, number]>([
      // Thursday to Sunday is 4 of 7 days: more than half, so the week counts.
      ['a Thursday', '2026-11-05', 7],
      // Saturday and Sunday are 2 of 7: the part week does not count unless a call was held in it.
      ['a Saturday', '2026-11-07', 6],
    ])(
      'a plan starting on %s counts its first part week only when most of it is covered',
      (_, startsOn, weeks) => {
        const plan = buildContactArrangement({ personId: mum, startsOn });
        expect(contactAgainstPlan(input({ arrangement: plan })).periods).toBe(weeks);
      },
    );

    it('a part week with a call held in it counts, however short', () => {
      const plan = buildContactArrangement({ personId: mum, startsOn: '2026-11-07' });
      const result = contactAgainstPlan(
        input({ arrangement: plan, contacts: [contact('2026-11-08T15:00:00Z')] }),
      );
      expect([result.periodsHeld, result.periods]).toEqual([1, 7]);
    });

    it('a plan that ended before the term, or starts after it, is not planned in the term', () => {
      const ended = buildContactArrangement({ personId: mum, startsOn: '2026-01-05', endsOn: '2026-07-20' });
      const later = buildContactArrangement({ personId: mum, startsOn: '2027-01-04' });
      for (const arrangement of [ended, later]) {
        const result = contactAgainstPlan(input({ arrangement }));
        expect(result.value).toBe('call: not planned in these dates');
        expect(result.status).toBe('notDue');
      }
    });

    it('only the weeks the young person was placed count', () => {
      const result = contactAgainstPlan(input({ placed: { startsOn: '2026-11-30', endsOn: '2026-12-18' } }));
      expect(result.value).toBe('weekly call planned: 0 of 3 weeks');
      expect(contactAgainstPlan(input({ placed: null })).periods).toBe(0);
    });
  });

  describe('weeks in home time across clock changes', () => {
    it('puts a call at 00:30 on a Monday in summer time in that Monday’s week, though UTC still says Sunday', () => {
      // Monday 7 September 2026, 00:30 BST = Sunday 6 September, 23:30 UTC.
      const span = { startsOn: '2026-08-31', endsOn: '2026-09-13' };
      const result = contactAgainstPlan(input({ span, contacts: [contact('2026-09-06T23:30:00Z')] }));
      expect(result.value).toBe('weekly call planned: 1 of 2 weeks');
      const plan = contactAgainstPlan(
        input({
          span: { startsOn: '2026-09-07', endsOn: '2026-09-13' },
          contacts: [contact('2026-09-06T23:30:00Z')],
        }),
      );
      expect(plan.periodsHeld).toBe(1);
    });

    it('keeps the week of the October clock change one week, ending at midnight on the home’s clock', () => {
      // Clocks go back on Sunday 25 October 2026. A call at 23:30 GMT that Sunday is in that week.
      const span = { startsOn: '2026-10-19', endsOn: '2026-11-01' };
      const result = contactAgainstPlan(input({ span, contacts: [contact('2026-10-25T23:30:00Z')] }));
      expect(result.value).toBe('weekly call planned: 1 of 2 weeks');
      const [first] = planPeriods('weekly', '2026-09-01', span.startsOn, span.endsOn, london);
      expect(first?.endsMs).toBe(Date.parse('2026-10-26T00:00:00Z'));
      // 169 real hours: the week has the extra hour.
      expect(((first?.endsMs ?? 0) - (first?.startsMs ?? 0)) / 3_600_000).toBe(169);
    });

    it('counts a week as over only at midnight on the home’s clock', () => {
      // The first week ends at 00:00 BST on Monday 7 September = 23:00 UTC on Sunday 6 September.
      const span = { startsOn: '2026-08-31', endsOn: '2026-09-13' };
      const before = contactAgainstPlan(input({ span, now: new Date('2026-09-06T22:59:00Z') }));
      const after = contactAgainstPlan(input({ span, now: new Date('2026-09-06T23:00:00Z') }));
      expect([before.periods, after.periods]).toEqual([0, 1]);
      expect(planPeriodEnds({ arrangement: buildContactArrangement(), span, timeZone: london })).toContain(
        Date.parse('2026-09-06T23:00:00Z'),
      );
    });
  });

  it('counts only the weeks over so far in a term under way, and a week under way once a call is held', () => {
    const now = new Date('2026-09-16T12:00:00Z'); // Wednesday of the third week
    expect(contactAgainstPlan(input({ now })).value).toBe('weekly call planned: 0 of 2 weeks');
    const result = contactAgainstPlan(input({ now, contacts: [contact('2026-09-15T17:00:00Z')] }));
    expect(result.value).toBe('weekly call planned: 1 of 3 weeks');
  });

  it('counts months as calendar months and fortnights from the plan’s first week', () => {
    expect(
      planPeriods('monthly', '2026-09-01', '2026-09-01', '2026-12-18', london).map((p) => p.startsOn),
    ).toEqual(['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01']);
    // A plan from Monday 7 September: fortnights start 7 Sep, 21 Sep, 5 Oct ... whatever the span.
    expect(
      planPeriods('fortnightly', '2026-09-07', '2026-09-28', '2026-10-18', london).map((p) => p.startsOn),
    ).toEqual(['2026-09-28', '2026-10-05']);
    const monthly = buildContactArrangement({ personId: mum, kind: 'letters', frequency: 'monthly' });
    const letters = [
      contact('2026-09-10T09:00:00Z', { formKind: 'letter' }),
      contact('2026-11-10T09:00:00Z', { formKind: 'letter' }),
    ];
    // December is 18 of 31 days: more than half, so it counts.
    expect(contactAgainstPlan(input({ arrangement: monthly, contacts: letters })).value).toBe(
      'monthly letter or card planned: 2 of 4 months',
    );
  });

  it('does not count an overnight stay it cannot see, nor a plan with no set frequency', () => {
    const overnight = buildContactArrangement({ personId: mum, kind: 'overnightAtHome' });
    expect(contactAgainstPlan(input({ arrangement: overnight })).value).toBe(
      'overnight stay: not recorded in Family Links',
    );
    const asArranged = buildContactArrangement({ personId: mum, frequency: 'asArranged' });
    const result = contactAgainstPlan(
      input({ arrangement: asArranged, contacts: [contact('2026-09-02T17:00:00Z')] }),
    );
    expect(result.value).toBe('call as arranged: 1 held');
    expect(result.status).toBe('notDue');
  });

  it.each<[Partial<Contact>, string | undefined]>([
    [{ visitKind: 'familyVisit' }, 'visitAtHome'],
    [{ visitKind: 'contactCentre' }, 'visitOut'],
    [{ visitKind: 'homeVisit', formKind: 'homeVisit' }, undefined],
    [{ visitKind: undefined, formKind: 'email' }, 'messages'],
    [{ visitKind: undefined, formKind: 'letter' }, 'letters'],
    [{ visitKind: undefined, formKind: 'chanceEncounter' }, undefined],
  ])('reads %o as %s', (overrides, kind) => {
    expect(planKindOfContact({ visitKind: undefined, formKind: undefined, ...overrides })).toBe(kind);
  });
});

describe('arrangements due for review', () => {
  const arrangement = (reviewOn: string | undefined, endsOn?: string) => ({ reviewOn, endsOn });
  it('keeps those due by the date or missed, in force today, soonest first', () => {
    const due = arrangementsDueForReview(
      [
        arrangement('2027-01-10'),
        arrangement('2026-12-20'),
        arrangement(undefined),
        arrangement('2027-03-01'),
        arrangement('2027-01-01', '2027-01-04'),
        arrangement('2027-01-02', '2027-01-05'),
      ],
      '2027-01-05',
      '2027-01-19',
    );
    expect(due).toEqual([
      arrangement('2026-12-20'),
      arrangement('2027-01-02', '2027-01-05'),
      arrangement('2027-01-10'),
    ]);
  });
});
