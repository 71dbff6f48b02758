import { describe, expect, it } from 'vitest';
import {
  diaryState,
  expectedVisitsOn,
  isExpectedAtDoor,
  unbookedVisitFormsDue,
  visitEndsWithSignOut,
} from '../../../../shared/rules/door-diary';
import { buildRelationship, buildVisit, buildVisitorEntry } from '../../../factories';
import { at, london } from '../../../factories/wall-clock-instant';

const visitAt = (id: string, date: string, start: string, end: string, overrides = {}) =>
  buildVisit({ id, kind: 'familyVisit', startsAt: at(date, start), endsAt: at(date, end), ...overrides });

describe('which booked visits bring someone to the front door', () => {
  it.each([
    ['a family visit at the home', { kind: 'familyVisit' }, true],
    ['a home visit to the family home', { kind: 'homeVisit' }, false],
    ['a contact-centre visit', { kind: 'contactCentre' }, false],
    ['an outing', { kind: 'outing' }, false],
    ['a phone call', { kind: 'phoneCall' }, false],
    ['a PEP meeting in a room at the home with someone coming', { kind: 'pepMeeting', roomId: 'r' }, true],
    ['a PEP meeting with no room at the home', { kind: 'pepMeeting' }, false],
  ] as const)('%s: %s', (_what, overrides, expected) => {
    const visit = {
      kind: overrides.kind,
      personIds: ['p'],
      ...('roomId' in overrides ? { roomId: 'r' } : {}),
    };
    expect(isExpectedAtDoor(visit)).toBe(expected);
  });

  it('a meeting in a room with nobody coming is not expected at the door', () => {
    expect(isExpectedAtDoor({ kind: 'reviewMeeting', roomId: 'r', personIds: [] })).toBe(false);
  });
});

describe('the day’s list of expected visitors', () => {
  it('lists today’s visits at the door, earliest first, leaving out cancelled ones and other days', () => {
    const visits = [
      visitAt('late', '2026-06-10', '16:00', '17:00'),
      visitAt('early', '2026-06-10', '09:30', '10:30'),
      visitAt('cancelled', '2026-06-10', '11:00', '12:00', { status: 'cancelled', cancelledReason: 'Ill' }),
      visitAt('tomorrow', '2026-06-11', '09:00', '10:00'),
      visitAt('yesterday', '2026-06-09', '23:00', '23:30'),
      visitAt('call', '2026-06-10', '12:00', '12:30', { kind: 'phoneCall' }),
    ];
    expect(expectedVisitsOn(visits, '2026-06-10', london).map((visit) => visit.id)).toEqual([
      'early',
      'late',
    ]);
  });

  it('in summer, a visit at 00:30 on the home’s clock (23:30 UTC the day before) is today’s', () => {
    const visits = [visitAt('just-after-midnight', '2026-06-10', '00:30', '01:00')];
    expect(visits[0]?.startsAt).toBe('2026-06-09T23:30:00.000Z');
    expect(expectedVisitsOn(visits, '2026-06-10', london)).toHaveLength(1);
    expect(expectedVisitsOn(visits, '2026-06-09', london)).toHaveLength(0);
  });

  it.each([
    // The clocks go back: 25 hours, and a visit at 23:30 GMT is still that day's.
    ['2026-10-25', '2026-10-25T23:30:00.000Z', true],
    ['2026-10-25', '2026-10-24T23:30:00.000Z', true],
    ['2026-10-25', '2026-10-24T22:59:00.000Z', false],
    // The clocks go forward: 23 hours; midnight is 00:00 GMT, the next midnight 23:00 UTC.
    ['2026-03-29', '2026-03-29T00:00:00.000Z', true],
    ['2026-03-29', '2026-03-29T22:59:00.000Z', true],
    ['2026-03-29', '2026-03-29T23:00:00.000Z', false],
  ])('on the clock-change day %s, a visit starting %s is on the list: %s', (date, startsAt, expected) => {
    const visit = buildVisit({
      id: 'v',
      kind: 'familyVisit',
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
    });
    expect(expectedVisitsOn([visit], date, london)).toHaveLength(expected ? 1 : 0);
  });
});

describe('a booked visit’s state as the day goes on', () => {
  const visit = visitAt('v', '2026-06-10', '14:00', '15:00', { status: 'confirmed' });

  it.each([
    ['an hour before', '13:00', 'expected'],
    ['exactly at its start', '14:00', 'late'],
    ['half way through with nobody signed in', '14:30', 'late'],
    ['exactly at its end with nobody signed in', '15:00', 'notArrived'],
    ['at the end of the day', '23:59', 'notArrived'],
  ])('%s it is %s', (_when, time, kind) => {
    expect(diaryState(visit, new Date(at('2026-06-10', time))).kind).toBe(kind);
  });

  it('is arrived from the first sign-in for it, even after its end time', () => {
    const arrived = {
      ...visit,
      arrivals: [
        { entryId: 'b', at: at('2026-06-10', '14:20') },
        { entryId: 'a', at: at('2026-06-10', '14:05') },
      ],
    };
    expect(diaryState(arrived, new Date(at('2026-06-10', '16:00')))).toEqual({
      kind: 'arrived',
      at: at('2026-06-10', '14:05'),
    });
  });

  it.each([
    ['completed', 'ended'],
    ['didNotAttend', 'didNotAttend'],
  ] as const)('a visit marked %s is %s', (status, kind) => {
    expect(diaryState({ ...visit, status }, new Date(at('2026-06-10', '13:00'))).kind).toBe(kind);
  });

  it('a cancelled visit carries its reason', () => {
    expect(diaryState({ ...visit, status: 'cancelled', cancelledReason: 'Mum unwell' }, new Date())).toEqual({
      kind: 'cancelled',
      reason: 'Mum unwell',
    });
  });
});

describe('signing out ends a booked visit once nobody from it is still on site', () => {
  it('ends it when the last of them leaves', () => {
    expect(visitEndsWithSignOut('v', 'mum', [{ id: 'mum', visitId: 'v' }])).toBe(true);
    expect(visitEndsWithSignOut('v', 'mum', [{ id: 'plumber' }])).toBe(true);
  });
  it('not while someone else who came for it is still here', () => {
    expect(
      visitEndsWithSignOut('v', 'mum', [
        { id: 'mum', visitId: 'v' },
        { id: 'dad', visitId: 'v' },
      ]),
    ).toBe(false);
  });
});

describe('the contact form an unbooked family visit makes due', () => {
  const mum = 'b1d0c7a8-0000-4000-8000-000000000001';
  const millie = 'b1d0c7a8-0000-4000-8000-000000000002';
  const sam = 'b1d0c7a8-0000-4000-8000-000000000003';
  const tutor = 'b1d0c7a8-0000-4000-8000-000000000004';
  const careWorker = 'b1d0c7a8-0000-4000-8000-000000000005';
  const relationships = [
    buildRelationship({ personId: mum, youngPersonId: millie, category: 'parent' }),
    buildRelationship({ personId: mum, youngPersonId: sam, category: 'professional' }),
  ];
  const entry = buildVisitorEntry({
    kind: 'visit',
    personId: mum,
    visitingYoungPersonIds: [millie, sam],
    arrivedAt: '2026-10-24T10:00:00.000Z',
    departedAt: '2026-10-24T11:30:00.000Z',
  });
  const dueFor = (overrides: Partial<typeof entry> = {}, personalTutor: string | null = tutor) =>
    unbookedVisitFormsDue({
      entry: { ...entry, ...overrides },
      relationships,
      personalTutorOf: (id) => (id === millie ? (personalTutor ?? undefined) : undefined),
      signedOutById: careWorker,
      dueHours: 48,
    });

  it('is due to the young person’s PT 48 real hours after sign-out, across the clocks going back', () => {
    // 12:30 BST on Saturday 24 October; the clocks go back on Sunday: 11:30 GMT on Monday.
    expect(dueFor()).toEqual([
      {
        youngPersonId: millie,
        authorId: tutor,
        hasPersonalTutor: true,
        contactStartedAt: '2026-10-24T10:00:00.000Z',
        contactEndedAt: '2026-10-24T11:30:00.000Z',
        dueAt: '2026-10-26T11:30:00.000Z',
      },
    ]);
  });

  it('makes nothing more due for a young person already owed a form for this visit (put back on site)', () => {
    expect(
      unbookedVisitFormsDue({
        entry,
        relationships,
        personalTutorOf: () => tutor,
        signedOutById: careWorker,
        dueHours: 48,
        alreadyOwed: [millie],
      }),
    ).toEqual([]);
  });

  it('falls to whoever signed them out when the young person has no PT', () => {
    expect(dueFor({}, null)).toMatchObject([{ authorId: careWorker, hasPersonalTutor: false }]);
  });

  it.each([
    ['a booked visit (its completion makes its own form due)', { visitId: sam }],
    ['someone not on the people register', { personId: undefined }],
    ['someone still on site', { departedAt: undefined }],
    ['someone turned away', { kind: 'turnedAway' as const, departedAt: undefined }],
    ['a visit to a young person they are not family to', { visitingYoungPersonIds: [sam] }],
  ])('makes nothing due for %s', (_who, overrides) => {
    expect(dueFor(overrides)).toEqual([]);
  });
});
