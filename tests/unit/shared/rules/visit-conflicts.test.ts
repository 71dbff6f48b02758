import { describe, expect, it } from 'vitest';
import {
  describeSlot,
  visitConflicts,
  type BookedVisit,
  type ConflictCheckInput,
  type ProposedVisit,
} from '../../../../shared/rules/visit-conflicts';

const ids = {
  amy: crypto.randomUUID(),
  ben: crypto.randomUUID(),
  sam: crypto.randomUUID(),
  jo: crypto.randomUUID(),
  family: crypto.randomUUID(),
  garden: crypto.randomUUID(),
};
const labels: Record<string, string> = {
  [ids.amy]: 'AB',
  [ids.ben]: 'BC',
  [ids.sam]: 'Sam Patel',
  [ids.jo]: 'Jo King',
  [ids.family]: 'Family room',
  [ids.garden]: 'Garden room',
};
const names = {
  youngPerson: (id: string) => labels[id] ?? '?',
  staff: (id: string) => labels[id] ?? '?',
  room: (id: string) => labels[id] ?? '?',
};

// Sat 7 March 2026, 14:00-16:00 GMT.
const proposed: ProposedVisit = {
  startsAt: '2026-03-07T14:00:00.000Z',
  endsAt: '2026-03-07T16:00:00.000Z',
  youngPersonIds: [ids.amy],
  staffIds: [ids.sam],
  roomId: ids.family,
};
const other = (overrides: Partial<BookedVisit>): BookedVisit => ({
  id: crypto.randomUUID(),
  startsAt: '2026-03-07T15:00:00.000Z',
  endsAt: '2026-03-07T17:00:00.000Z',
  youngPersonIds: [ids.ben],
  staffIds: [ids.jo],
  roomId: ids.garden,
  status: 'planned',
  kind: 'familyVisit',
  ...overrides,
});
const check = (others: BookedVisit[], extra: Partial<ConflictCheckInput> = {}) =>
  visitConflicts({
    proposed: [proposed],
    others,
    placements: [{ youngPersonId: ids.amy, startsOn: '2025-09-01' }],
    names,
    timeZone: 'Europe/London',
    ...extra,
  });

describe('a room, a member of staff or a young person cannot be in two visits at once', () => {
  it.each<[string, Partial<BookedVisit>, string | undefined]>([
    ['the same room at an overlapping time is double-booked', { roomId: ids.family }, 'roomDoubleBooked'],
    [
      'the same member of staff at an overlapping time is double-booked',
      { staffIds: [ids.sam] },
      'staffDoubleBooked',
    ],
    [
      'the same young person at an overlapping time is in two places',
      { youngPersonIds: [ids.amy] },
      'youngPersonElsewhere',
    ],
    ['a different room, staff and young person is no clash', {}, undefined],
    [
      'a visit ending exactly when this one starts is no clash',
      { roomId: ids.family, startsAt: '2026-03-07T12:00:00.000Z', endsAt: '2026-03-07T14:00:00.000Z' },
      undefined,
    ],
    [
      'a visit starting exactly when this one ends is no clash',
      { roomId: ids.family, startsAt: '2026-03-07T16:00:00.000Z', endsAt: '2026-03-07T17:00:00.000Z' },
      undefined,
    ],
    ['a cancelled visit frees its room', { roomId: ids.family, status: 'cancelled' }, undefined],
    [
      'a visit the family did not attend frees its room',
      { roomId: ids.family, status: 'didNotAttend' },
      undefined,
    ],
    [
      'a completed visit still held its room',
      { roomId: ids.family, status: 'completed' },
      'roomDoubleBooked',
    ],
    [
      'a visit wholly inside this one clashes',
      { roomId: ids.family, startsAt: '2026-03-07T14:30:00.000Z', endsAt: '2026-03-07T15:00:00.000Z' },
      'roomDoubleBooked',
    ],
  ])('%s', (_title, overrides, expected) => {
    expect(check([other(overrides)]).map((c) => c.kind)).toEqual(expected ? [expected] : []);
  });

  it('a visit being moved is not its own clash', () => {
    const itself = other({ roomId: ids.family, staffIds: [ids.sam], youngPersonIds: [ids.amy] });
    expect(check([itself], { ignoreVisitIds: [itself.id] })).toEqual([]);
  });

  it('says what is wrong and how to fix it, in the home’s time', () => {
    const messages = check([
      other({ roomId: ids.family, staffIds: [ids.sam], youngPersonIds: [ids.amy] }),
    ]).map((c) => c.message);
    expect(messages).toEqual([
      'Family room is already booked for a family visit at the home on Sat 7 Mar 2026, 15:00–17:00. Choose another room or another time.',
      'Sam Patel is already on a family visit at the home on Sat 7 Mar 2026, 15:00–17:00. Choose another member of staff, or another time.',
      'AB is already booked for a family visit at the home on Sat 7 Mar 2026, 15:00–17:00 and cannot be in two places. Choose another time, or move or cancel the other visit first.',
    ]);
  });
});

describe('a visit must fall within the young person’s placement', () => {
  it.each<[string, { startsOn: string; endsOn?: string }, boolean]>([
    ['before the placement starts', { startsOn: '2026-03-08' }, true],
    ['on the first day of the placement', { startsOn: '2026-03-07' }, false],
    ['on the last day of the placement', { startsOn: '2025-09-01', endsOn: '2026-03-07' }, false],
    ['after the placement ended', { startsOn: '2025-09-01', endsOn: '2026-03-06' }, true],
  ])('a visit %s is flagged: %s', (_title, placement, isFlagged) => {
    const conflicts = check([], { placements: [{ youngPersonId: ids.amy, ...placement }] });
    expect(conflicts.some((c) => c.kind === 'outsidePlacement')).toBe(isFlagged);
  });

  it('the placement date is the home’s date, not UTC: 00:30 BST on 1 June is 1 June', () => {
    const lateNight: ProposedVisit = {
      ...proposed,
      startsAt: '2026-05-31T23:30:00.000Z',
      endsAt: '2026-06-01T00:30:00.000Z',
    };
    const conflicts = visitConflicts({
      proposed: [lateNight],
      others: [],
      placements: [{ youngPersonId: ids.amy, startsOn: '2026-06-01' }],
      names,
      timeZone: 'Europe/London',
    });
    expect(conflicts).toEqual([]);
  });

  it('tells staff the dates to choose from', () => {
    const [conflict] = check([], {
      placements: [{ youngPersonId: ids.amy, startsOn: '2025-09-01', endsOn: '2026-02-28' }],
    });
    expect(conflict?.message).toBe(
      'AB’s placement ends on 28 Feb 2026, so the visit on Sat 7 Mar 2026, 14:00–16:00 is after it. Choose a date up to 28 Feb 2026, or check the placement dates on their record.',
    );
  });
});

describe('describing a slot', () => {
  it('shows British Summer Time as the clock reads it', () => {
    expect(
      describeSlot(
        { startsAt: '2026-07-04T13:00:00.000Z', endsAt: '2026-07-04T14:30:00.000Z' },
        'Europe/London',
      ),
    ).toBe('Sat 4 Jul 2026, 14:00–15:30');
  });
});
