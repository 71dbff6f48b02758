import { describe, expect, it } from 'vitest';
import {
  chronologyRange,
  filterChronology,
  mergeChronology,
  type ChronologyEvent,
  type ChronologyKind,
} from '../../../../shared/rules/chronology';

const london = 'Europe/London';

const event = (
  key: string,
  kind: ChronologyKind,
  at: string,
  personIds?: readonly string[],
): ChronologyEvent => ({ key, kind, at, personIds });

const keys = (events: readonly ChronologyEvent[]) => events.map((item) => item.key);

describe('one list, newest first', () => {
  it('places every source’s events in time order, newest first', () => {
    const forms = [event('form-1', 'contactForm', '2026-03-02T10:00:00.000Z')];
    const visits = [
      event('visit-1', 'visit', '2026-03-05T14:00:00.000Z'),
      event('visit-2', 'visit', '2026-01-10T14:00:00.000Z'),
    ];
    const door = [event('door-1', 'door', '2026-03-03T09:15:00.000Z')];
    const restrictions = [event('restriction-1', 'restriction', '2026-02-01T00:00:00.000Z')];
    expect(keys(mergeChronology([forms, visits, door, restrictions]))).toEqual([
      'visit-1',
      'door-1',
      'form-1',
      'restriction-1',
      'visit-2',
    ]);
  });

  it('compares instants, not text: “…:00Z” and “…:00.000Z” are the same moment', () => {
    const merged = mergeChronology([
      [event('later', 'door', '2026-03-03T09:15:00.500Z')],
      [event('earlier', 'door', '2026-03-03T09:15:00Z')],
    ]);
    expect(keys(merged)).toEqual(['later', 'earlier']);
  });

  it('keeps events at the same instant in one order, whatever order the sources came in', () => {
    const at = '2026-05-01T12:00:00.000Z';
    const a = [event('form-b', 'contactForm', at), event('form-a', 'contactForm', at)];
    const b = [event('restriction-a', 'restriction', at)];
    const c = [event('visit-z', 'visit', at), event('door-a', 'door', at)];
    const expected = ['form-a', 'form-b', 'visit-z', 'door-a', 'restriction-a'];
    expect(keys(mergeChronology([a, b, c]))).toEqual(expected);
    expect(keys(mergeChronology([c, b, [...a].reverse()]))).toEqual(expected);
  });

  it('takes contact plan changes in their place once there are any', () => {
    const merged = mergeChronology([
      [event('plan-1', 'contactPlan', '2026-04-01T09:00:00.000Z')],
      [event('form-1', 'contactForm', '2026-04-02T09:00:00.000Z')],
    ]);
    expect(keys(merged)).toEqual(['form-1', 'plan-1']);
  });

  it('an empty chronology is an empty list', () => {
    expect(mergeChronology([[], []])).toEqual([]);
  });
});

describe('narrowing the chronology', () => {
  const mum = 'mum';
  const dad = 'dad';
  const events = mergeChronology([
    [
      event('form-mum', 'contactForm', '2026-06-10T09:00:00.000Z', [mum]),
      event('form-both', 'contactForm', '2026-06-12T09:00:00.000Z', [mum, dad]),
    ],
    [event('visit-dad', 'visit', '2026-06-11T09:00:00.000Z', [dad])],
    [event('door-unopened', 'door', '2026-06-13T09:00:00.000Z')],
    [event('restriction-dad', 'restriction', '2026-06-09T09:00:00.000Z', [dad])],
  ]);

  it.each<[string, Parameters<typeof filterChronology>[1], string[]]>([
    ['no filter: everything', {}, ['door-unopened', 'form-both', 'visit-dad', 'form-mum', 'restriction-dad']],
    [
      'an empty kind list means every kind',
      { kinds: [] },
      ['door-unopened', 'form-both', 'visit-dad', 'form-mum', 'restriction-dad'],
    ],
    ['forms only', { kinds: ['contactForm'] }, ['form-both', 'form-mum']],
    ['visits and restrictions', { kinds: ['visit', 'restriction'] }, ['visit-dad', 'restriction-dad']],
    ['contact plan changes: none yet', { kinds: ['contactPlan'] }, []],
    ['what concerns dad', { personId: dad }, ['form-both', 'visit-dad', 'restriction-dad']],
    ['dad’s forms', { personId: dad, kinds: ['contactForm'] }, ['form-both']],
    ['someone with nothing recorded', { personId: 'nobody' }, []],
    ['from a date', { fromDate: '2026-06-11' }, ['door-unopened', 'form-both', 'visit-dad']],
    [
      'to a date (the whole day counts)',
      { toDate: '2026-06-11' },
      ['visit-dad', 'form-mum', 'restriction-dad'],
    ],
    [
      'between two dates',
      { fromDate: '2026-06-10', toDate: '2026-06-12' },
      ['form-both', 'visit-dad', 'form-mum'],
    ],
    ['one day', { fromDate: '2026-06-12', toDate: '2026-06-12' }, ['form-both']],
  ])('%s', (_case, filter, expected) => {
    expect(keys(filterChronology(events, filter, london))).toEqual(expected);
  });

  it('never guesses a family member into an event whose record is not yet opened', () => {
    expect(keys(filterChronology(events, { personId: mum, kinds: ['door'] }, london))).toEqual([]);
  });
});

describe('dates are days on the home’s clock', () => {
  it('a summer day starts at 23:00 UTC the evening before', () => {
    const lateEvening = event('late', 'door', '2026-07-14T23:30:00.000Z'); // 00:30 BST on 15 July
    expect(
      keys(filterChronology([lateEvening], { fromDate: '2026-07-15', toDate: '2026-07-15' }, london)),
    ).toEqual(['late']);
    expect(keys(filterChronology([lateEvening], { toDate: '2026-07-14' }, london))).toEqual([]);
  });

  it('the day the clocks go forward is 23 hours long, and all of it counts', () => {
    const range = chronologyRange({ fromDate: '2026-03-29', toDate: '2026-03-29' }, london);
    expect(range.fromMs).toBe(Date.parse('2026-03-29T00:00:00.000Z'));
    expect(range.toMs).toBe(Date.parse('2026-03-29T23:00:00.000Z'));
    const lastMinute = event('last', 'visit', '2026-03-29T22:59:00.000Z'); // 23:59 BST
    const nextDay = event('next', 'visit', '2026-03-29T23:00:00.000Z'); // 00:00 BST on the 30th
    expect(
      keys(filterChronology([nextDay, lastMinute], { fromDate: '2026-03-29', toDate: '2026-03-29' }, london)),
    ).toEqual(['last']);
  });

  it('the day the clocks go back is 25 hours long, and both 01:30s are on it', () => {
    const range = chronologyRange({ fromDate: '2026-10-25', toDate: '2026-10-25' }, london);
    expect((range.toMs ?? 0) - (range.fromMs ?? 0)).toBe(25 * 3_600_000);
    const first = event('first-0130', 'door', '2026-10-25T00:30:00.000Z'); // 01:30 BST
    const second = event('second-0130', 'door', '2026-10-25T01:30:00.000Z'); // 01:30 GMT
    const before = event('saturday-night', 'door', '2026-10-24T22:59:00.000Z'); // 23:59 BST on the 24th
    expect(
      keys(
        filterChronology(
          mergeChronology([[first, second, before]]),
          { fromDate: '2026-10-25', toDate: '2026-10-25' },
          london,
        ),
      ),
    ).toEqual(['second-0130', 'first-0130']);
  });

  it('open-ended: no dates means no bounds', () => {
    expect(chronologyRange({}, london)).toEqual({ fromMs: undefined, toMs: undefined });
  });
});
