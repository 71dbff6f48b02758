import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { visitRepository } from '../../../../../renderer/src/db/repositories/visit-repository';
import { roomRepository } from '../../../../../renderer/src/db/repositories/room-repository';
import { youngPersonCodec } from '../../../../../renderer/src/db/repositories/young-people-repository';
import { staffCodec } from '../../../../../renderer/src/db/repositories/staff-repository';
import { personCodec } from '../../../../../renderer/src/db/repositories/people-repository';
import { restrictionCodec } from '../../../../../renderer/src/db/repositories/restriction-codec';
import { auditLog } from '../../../../../renderer/src/db/repositories/audit-log-repository';
import { contactPlanRepository } from '../../../../../renderer/src/db/repositories/contact-plan-repository';
import type { Restriction } from '../../../../../shared/schemas/registers';
import type { VisitBookingFormInput } from '../../../../../shared/schemas/visits';
import { buildPerson, buildRestriction, buildStaffMember, buildYoungPerson } from '../../../../factories';
import { freshDatabase } from '../test-database';
import { homeStaff } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const context = { timeZone: 'Europe/London' };
// The repository's "now": Friday 6 March 2026, 09:00 GMT.
const now = () => new Date('2026-03-06T09:00:00.000Z');

async function setUp() {
  db = freshDatabase();
  const [manager, careWorker] = await homeStaff('careStaff');
  const millie = buildYoungPerson({
    firstName: 'Amelia',
    lastName: 'Hughes',
    preferredName: 'Millie',
    placementStartsOn: '2025-09-01',
  });
  const sam = buildStaffMember({ name: 'Sam Patel' });
  const jo = buildStaffMember({ name: 'Jo King' });
  const mum = buildPerson({ firstName: 'Karen', lastName: 'Hughes' });
  const dad = buildPerson({ firstName: 'Dean', lastName: 'Hughes' });
  await db.youngPeople.add(await youngPersonCodec.encode(millie, manager.cipher));
  await db.staff.bulkAdd([
    await staffCodec.encode(sam, manager.cipher),
    await staffCodec.encode(jo, manager.cipher),
  ]);
  await db.people.bulkAdd([
    await personCodec.encode(mum, manager.cipher),
    await personCodec.encode(dad, manager.cipher),
  ]);
  const rooms = roomRepository(db, now);
  const familyRoom = await rooms.add(manager, { name: 'Family room' });
  if (!familyRoom.ok) throw new Error(familyRoom.error.message);
  const restrict = async (kind: Restriction['kind']) =>
    db.restrictions.add(
      await restrictionCodec.encode(
        buildRestriction({
          youngPersonId: millie.id,
          personId: dad.id,
          name: 'Dean Hughes',
          aliases: [],
          kind,
          conditions: '',
          effectiveFrom: '2026-01-01',
        }),
        manager.cipher,
      ),
    );
  const booking = (overrides: Partial<VisitBookingFormInput> = {}): VisitBookingFormInput => ({
    youngPersonIds: [millie.id],
    kind: 'familyVisit',
    personIds: [mum.id],
    staffIds: [sam.id],
    roomId: familyRoom.value.id,
    date: '2026-03-07',
    startTime: '14:00',
    endTime: '16:00',
    transport: '',
    notes: 'Mum bringing photos',
    repeat: 'none',
    ...overrides,
  });
  return {
    manager,
    careWorker,
    millie,
    sam,
    jo,
    mum,
    dad,
    room: familyRoom.value,
    rooms,
    visits: visitRepository(db, now),
    booking,
    restrict,
  };
}

describe('booking visits', () => {
  it('books a weekly series as one visit per date, with the series recorded on each, in one audited change', async () => {
    const { manager, visits, booking } = await setUp();
    const booked = await visits.book(
      manager,
      booking({ repeat: 'weekly', repeatUntil: '2026-04-04' }),
      context,
    );
    if (!booked.ok) throw new Error(booked.error.message);
    expect(booked.value).toHaveLength(5);
    expect(new Set(booked.value.map((visit) => visit.seriesId)).size).toBe(1);
    expect(booked.value[4]).toMatchObject({
      startsAt: '2026-04-04T13:00:00.000Z',
      repeats: { frequency: 'weekly', until: '2026-04-04' },
      status: 'planned',
    });
    expect(await db.visits.count()).toBe(5);
    const entries = await db.audit.where('action').equals('visit.booked').toArray();
    expect(entries).toHaveLength(5);
    expect(await auditLog(db).verify(manager.roles, manager.auditKey)).toMatchObject({ kind: 'intact' });
  });

  it('keeps who is coming and the notes sealed, and the ids and times plain', async () => {
    const { manager, visits, booking } = await setUp();
    await visits.book(manager, booking(), context);
    const [row] = await db.visits.toArray();
    expect(
      Object.entries(row ?? {})
        .flatMap(([key, value]) => (value === undefined ? [] : [key]))
        .sort(),
    ).toEqual([
      'endsAt',
      'id',
      'kind',
      'roomId',
      'sealFormat',
      'sealed',
      'staffIds',
      'startsAt',
      'status',
      'youngPersonIds',
    ]);
    expect(JSON.stringify(row)).not.toContain('photos');
  });

  it('refuses a double-booked room, says why and saves nothing', async () => {
    const { manager, visits, booking, millie } = await setUp();
    const other = buildYoungPerson({ firstName: 'Tom', lastName: 'Reed', preferredName: '' });
    await db.youngPeople.add(await youngPersonCodec.encode(other, manager.cipher));
    await visits.book(manager, booking(), context);
    const second = await visits.book(
      manager,
      booking({
        youngPersonIds: [other.id],
        staffIds: [],
        personIds: [],
        startTime: '15:00',
        endTime: '17:00',
      }),
      context,
    );
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('refused');
      expect(second.error.message).toBe(
        'Family room is already booked for a family visit at the home on Sat 7 Mar 2026, 14:00–16:00. Choose another room or another time.',
      );
    }
    expect(await db.visits.count()).toBe(1);
    expect(millie.id).toBeTruthy();
  });

  it('refuses a barred person and names the fix', async () => {
    const { manager, visits, booking, restrict, dad } = await setUp();
    await restrict('noContact');
    const result = await visits.book(manager, booking({ personIds: [dad.id] }), context);
    expect(result.ok ? '' : result.error.message).toBe(
      'Dean Hughes must not have any contact with Millie Hughes. Remove Dean Hughes from this booking. Speak to the duty manager if you think this is wrong.',
    );
    expect(await db.visits.count()).toBe(0);
  });

  it('a supervised-only person needs a supervising member of staff, and is booked once one is named', async () => {
    const { manager, visits, booking, restrict, dad, jo } = await setUp();
    await restrict('supervisedOnly');
    const without = await visits.checkBooking(manager, booking({ personIds: [dad.id] }), context);
    if (!without.ok) throw new Error(without.error.message);
    expect(without.value.blocking).toEqual([
      'Dean Hughes may see Millie Hughes only with a named member of staff supervising. Choose a supervising member of staff.',
    ]);
    const booked = await visits.book(
      manager,
      booking({ personIds: [dad.id], supervisingStaffId: jo.id }),
      context,
    );
    if (!booked.ok) throw new Error(booked.error.message);
    expect(booked.value[0]?.staffIds).toContain(jo.id);
    expect(booked.value[0]?.supervisingStaffId).toBe(jo.id);
  });

  it('an indirect-only person may be booked for a phone call but not a visit', async () => {
    const { manager, visits, booking, restrict, dad } = await setUp();
    await restrict('indirectOnly');
    const visit = await visits.book(manager, booking({ personIds: [dad.id] }), context);
    expect(visit.ok ? '' : visit.error.message).toMatch(/indirect contact only.*Book a phone call instead/);
    const call = await visits.book(
      manager,
      booking({ personIds: [dad.id], kind: 'phoneCall', roomId: '' }),
      context,
    );
    expect(call.ok).toBe(true);
  });

  it('refuses a visit before the placement started', async () => {
    const { manager, visits, booking } = await setUp();
    const result = await visits.book(manager, booking({ date: '2025-08-30' }), context);
    expect(result.ok ? '' : result.error.message).toMatch(/placement starts on 1 Sept 2025/);
  });

  it('shows field messages for a form that makes no sense', async () => {
    const { manager, visits, booking } = await setUp();
    const result = await visits.book(manager, booking({ endTime: '13:00' }), context);
    expect(result.ok ? undefined : result.error.fields?.endTime).toBe(
      'The visit ends before it starts. Make the end time later than the start time.',
    );
  });

  it('refuses a visit the clocks going forward would make end before it starts, and books nothing', async () => {
    const { manager, visits, booking } = await setUp();
    // 29 March 2026: 01:30 is not on the clock that night (it reads as 02:30), but 02:00 is (01:00 GMT).
    const result = await visits.book(
      manager,
      booking({ date: '2026-03-29', startTime: '01:30', endTime: '02:00' }),
      context,
    );
    expect(result.ok ? 'booked' : result.error.fields?.startTime).toMatch(/clocks go forward/);
    expect(await db.visits.count()).toBe(0);
  });
});

describe('changing one visit of a series', () => {
  /** A home with a weekly visit booked on the Saturdays 7, 14 and 21 March. */
  async function setUpSeries() {
    const home = await setUp();
    const series = home.booking({ repeat: 'weekly', repeatUntil: '2026-03-21' });
    const booked = await home.visits.book(home.manager, series, context);
    if (!booked.ok) throw new Error(booked.error.message);
    return { ...home, booked };
  }

  it('moves one occurrence on its own, keeping it in the series, and does not clash with itself', async () => {
    const { manager, visits, booking, booked } = await setUpSeries();
    const second = booked.value[1];
    if (!second) throw new Error('no second visit');
    const moved = await visits.change(
      manager,
      second.id,
      booking({ date: '2026-03-15', startTime: '15:00', endTime: '16:00' }),
      context,
    );
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.value).toMatchObject({ startsAt: '2026-03-15T15:00:00.000Z', seriesId: second.seriesId });
    const series = await visits.listSeries(manager, second.seriesId ?? '');
    expect(series.map((visit) => visit.startsAt)).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-15T15:00:00.000Z',
      '2026-03-21T14:00:00.000Z',
    ]);
  });

  it('cancels one occurrence with a reason, and frees its room', async () => {
    const { manager, visits, booking, booked } = await setUpSeries();
    const first = booked.value[0];
    if (!first) throw new Error('no visit');
    const noReason = await visits.setStatus(manager, first.id, { status: 'cancelled', reason: '' });
    expect(noReason.ok ? undefined : noReason.error.fields?.reason).toBe(
      'Say why the visit is cancelled, for example “Mum unwell”.',
    );
    const cancelled = await visits.setStatus(manager, first.id, {
      status: 'cancelled',
      reason: 'Mum unwell',
    });
    expect(cancelled.ok && cancelled.value.cancelledReason).toBe('Mum unwell');
    const check = await visits.checkBooking(manager, booking({ personIds: [], staffIds: [] }), context);
    expect(check.ok && check.value.blocking).toEqual([]);
  });

  it('will not mark a visit completed before it has started', async () => {
    const { manager, visits, booking } = await setUp();
    const booked = await visits.book(manager, booking({ date: '2026-03-20' }), context);
    if (!booked.ok) throw new Error(booked.error.message);
    const result = await visits.setStatus(manager, booked.value[0]?.id ?? '', {
      status: 'completed',
      reason: '',
    });
    expect(result.ok ? '' : result.error.message).toMatch(/has not started yet/);
  });

  it('marks a past visit completed, after which it stays as it was', async () => {
    const { manager, visits, booking } = await setUp();
    const booked = await visits.book(manager, booking({ date: '2026-03-02' }), context);
    if (!booked.ok) throw new Error(booked.error.message);
    const id = booked.value[0]?.id ?? '';
    expect((await visits.setStatus(manager, id, { status: 'completed', reason: '' })).ok).toBe(true);
    const again = await visits.setStatus(manager, id, { status: 'cancelled', reason: 'oops' });
    expect(again.ok).toBe(false);
  });
});

describe('reading the calendar', () => {
  it('finds a week’s visits by date, and one young person’s, member of staff’s or room’s', async () => {
    const { manager, visits, booking, millie, sam, jo, room } = await setUp();
    await visits.book(manager, booking({ repeat: 'weekly', repeatUntil: '2026-03-28' }), context);
    await visits.book(manager, booking({ date: '2026-03-10', roomId: '', staffIds: [jo.id] }), context);
    const week = await visits.listBetween(manager, '2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z');
    expect(week.map((visit) => visit.startsAt)).toEqual([
      '2026-03-10T14:00:00.000Z',
      '2026-03-14T14:00:00.000Z',
    ]);
    expect(
      await visits.listBetween(manager, '2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z', {
        staffId: sam.id,
      }),
    ).toHaveLength(1);
    expect(
      await visits.listBetween(manager, '2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z', {
        roomId: room.id,
      }),
    ).toHaveLength(1);
    const forMillie = await visits.listForYoungPerson(
      manager,
      millie.id,
      '2026-03-01T00:00:00.000Z',
      '2026-03-22T00:00:00.000Z',
    );
    expect(forMillie).toHaveLength(4);
  });

  it('a care worker sees the visit but not its notes unless they are on it or booked it', async () => {
    const { manager, careWorker, visits, booking } = await setUp();
    await visits.book(manager, booking(), context);
    const [seen] = await visits.listBetween(
      careWorker,
      '2026-03-07T00:00:00.000Z',
      '2026-03-08T00:00:00.000Z',
    );
    expect(seen?.notes).toBe('');
    const [own] = (
      await visits.book(careWorker, booking({ date: '2026-03-09', notes: 'Bring the photos' }), context)
    ).ok
      ? await visits.listBetween(careWorker, '2026-03-09T00:00:00.000Z', '2026-03-10T00:00:00.000Z')
      : [];
    expect(own?.notes).toBe('Bring the photos');
  });
});

describe('reading the diary', () => {
  it('finds the same visits as the full read, with the diary’s fields only, in time order', async () => {
    const { manager, visits, booking, jo } = await setUp();
    await visits.book(
      manager,
      booking({ repeat: 'weekly', repeatUntil: '2026-03-28', notes: 'Photos' }),
      context,
    );
    await visits.book(manager, booking({ date: '2026-03-10', roomId: '', staffIds: [jo.id] }), context);
    const from = '2026-03-09T00:00:00.000Z';
    const to = '2026-03-16T00:00:00.000Z';
    const full = await visits.listBetween(manager, from, to);
    const diary = await visits.listDiaryBetween(manager, from, to);
    expect(diary.map((visit) => visit.id)).toEqual(full.map((visit) => visit.id));
    expect(diary.map((visit) => visit.startsAt)).toEqual([
      '2026-03-10T14:00:00.000Z',
      '2026-03-14T14:00:00.000Z',
    ]);
    for (const visit of diary) {
      expect(Object.keys(visit).sort()).not.toContain('notes');
      const whole = full.find((candidate) => candidate.id === visit.id);
      expect(visit).toEqual({
        id: whole?.id,
        startsAt: whole?.startsAt,
        endsAt: whole?.endsAt,
        youngPersonIds: whole?.youngPersonIds,
        staffIds: whole?.staffIds,
        status: whole?.status,
        kind: whole?.kind,
        ...(whole?.roomId ? { roomId: whole.roomId } : {}),
        ...(whole?.seriesId ? { seriesId: whole.seriesId } : {}),
      });
    }
    expect(await visits.listDiaryBetween(manager, from, to, { staffId: jo.id })).toHaveLength(1);
  });

  it('still opens every row’s whole seal: a plain field changed outside the app fails the read', async () => {
    const { manager, visits, booking } = await setUp();
    const booked = await visits.book(manager, booking({ date: '2026-03-10' }), context);
    if (!booked.ok) throw new Error(booked.error.message);
    const id = booked.value[0]?.id ?? '';
    await db.visits.update(id, { status: 'completed' });
    await expect(
      visits.listDiaryBetween(manager, '2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z'),
    ).rejects.toThrow('changed outside Family Links');
  });
});

describe('the rooms list', () => {
  it('only the manager changes it; names are unique whatever their case; a withdrawn room cannot be booked', async () => {
    const { manager, careWorker, rooms, visits, booking, room } = await setUp();
    expect((await rooms.add(careWorker, { name: 'Garden room' })).ok).toBe(false);
    const duplicate = await rooms.add(manager, { name: 'family ROOM' });
    expect(duplicate.ok ? '' : duplicate.error.message).toBe(
      'There is already a room called “Family room”. Choose another name.',
    );
    await rooms.setBookable(manager, room.id, false);
    expect(await rooms.listBookable()).toEqual([]);
    const result = await visits.book(manager, booking(), context);
    expect(result.ok ? '' : result.error.message).toBe(
      'Family room is no longer booked for visits. Choose another room.',
    );
  });
});

describe('need to know when changing a visit', () => {
  it('a care worker who cannot see the notes moves the visit without clearing them', async () => {
    const { manager, careWorker, visits, booking } = await setUp();
    const booked = await visits.book(manager, booking({ date: '2026-03-09' }), context);
    if (!booked.ok) throw new Error(booked.error.message);
    const id = booked.value[0]?.id ?? '';
    const moved = await visits.change(careWorker, id, booking({ date: '2026-03-10', notes: '' }), context);
    if (!moved.ok) throw new Error(moved.error.message);
    expect((await visits.get(manager, id))?.notes).toBe('Mum bringing photos');
  });
});

describe('checking with what the screen already holds', () => {
  it('uses the young people and staff the screen passes, and says the same thing', async () => {
    const { manager, visits, booking, millie, sam } = await setUp();
    await visits.book(manager, booking(), context);
    const proposed = [
      {
        startsAt: '2026-03-07T15:00:00.000Z',
        endsAt: '2026-03-07T17:00:00.000Z',
        youngPersonIds: [millie.id],
        staffIds: [sam.id],
      },
    ];
    const opened = await visits.findConflicts(manager, proposed, context);
    const known = await visits.findConflicts(manager, proposed, {
      ...context,
      known: { youngPeople: [millie], staff: [sam] },
    });
    expect(known.map((conflict) => conflict.message)).toEqual(opened.map((conflict) => conflict.message));
    expect(known.map((conflict) => conflict.kind)).toEqual(['staffDoubleBooked', 'youngPersonElsewhere']);
    expect(known[0]?.message).toMatch(/^Sam Patel is already on a family visit/);
  });
});

describe('booking against the contact plan', () => {
  /** The manager records Millie's unsupervised contact with mum, agreed by the placing authority from 5 January. */
  async function planWithMum(
    home: Awaited<ReturnType<typeof setUp>>,
    terms: { kind: string; frequency: string; wording: string },
  ) {
    const recorded = await contactPlanRepository(db, now).record(home.manager, {
      youngPersonId: home.millie.id,
      personId: home.mum.id,
      ...terms,
      where: '',
      supervision: 'unsupervised',
      supervisedBy: '',
      startsOn: '2026-01-05',
      agreedBy: 'placingAuthority',
      agreedByName: 'Leeds City Council',
      agreedOn: '2026-01-02',
    });
    if (!recorded.ok) throw new Error(recorded.error.message);
  }

  it('warns a care worker in the plan’s own words, and still books it', async () => {
    const home = await setUp();
    const { careWorker, visits, booking } = home;
    await planWithMum(home, {
      kind: 'phone',
      frequency: 'weekly',
      wording: 'Millie phones Mum on Sunday evenings.',
    });
    const check = await visits.checkBooking(careWorker, booking(), context);
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.blocking).toEqual([]);
    expect(check.value.planWarnings).toEqual([
      'Millie Hughes’s contact plan does not include a visit at the home with Karen Hughes. The plan agrees: Weekly call, unsupervised, from 5 Jan 2026. The plan says: “Millie phones Mum on Sunday evenings.”',
    ]);
    const call = await visits.checkBooking(careWorker, booking({ kind: 'phoneCall', roomId: '' }), context);
    expect(call.ok && call.value.planWarnings).toEqual([]);
    const booked = await visits.book(careWorker, booking(), context);
    expect(booked.ok).toBe(true);
  });

  it('warns when the fortnight already holds a visit with the same person, but not for a cancelled one', async () => {
    const home = await setUp();
    const { manager, careWorker, visits, booking } = home;
    await planWithMum(home, { kind: 'visitAtHome', frequency: 'fortnightly', wording: '' });
    // Fortnights from Monday 5 January: 2 to 15 March is one.
    const first = await visits.book(careWorker, booking({ date: '2026-03-03' }), context);
    if (!first.ok) throw new Error(first.error.message);
    const check = await visits.checkBooking(careWorker, booking(), context);
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.planWarnings).toEqual([
      'Karen Hughes already has a visit at the home on 3 Mar 2026, and this booking adds one on 7 Mar 2026, in the same fortnight. Millie Hughes’s contact plan agrees: Fortnightly visit at the home, unsupervised, from 5 Jan 2026.',
    ]);
    const nextFortnight = await visits.checkBooking(careWorker, booking({ date: '2026-03-17' }), context);
    expect(nextFortnight.ok && nextFortnight.value.planWarnings).toEqual([]);
    const [firstVisit] = first.value;
    if (!firstVisit) throw new Error('no visit booked');
    const cancelled = await visits.setStatus(manager, firstVisit.id, {
      status: 'cancelled',
      reason: 'Mum unwell',
    });
    expect(cancelled.ok).toBe(true);
    const again = await visits.checkBooking(careWorker, booking(), context);
    expect(again.ok && again.value.planWarnings).toEqual([]);
  });
});
