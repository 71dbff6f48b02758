import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { contactFormCodec } from '../../../../../renderer/src/db/repositories/contact-form-codec';
import { doorDiaryRepository } from '../../../../../renderer/src/db/repositories/door-diary';
import { outboxRepository } from '../../../../../renderer/src/db/repositories/outbox-repository';
import { peopleRepository } from '../../../../../renderer/src/db/repositories/people-repository';
import { visitRepository } from '../../../../../renderer/src/db/repositories/visit-repository';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import { doorChecker } from '../../../../../renderer/src/features/door/door-checker';
import type { Visit } from '../../../../../shared/schemas/visits';
import { buildVisit } from '../../../../factories';
import { panAlertHome } from '../pan-alert-test-home';
import { auditActions, familyVisitor } from '../test-database';
import { movableClock } from '../test-clock';

let db: FamilyLinksDb | undefined;
afterEach(() => db?.close());

const today = '2026-11-23';
const check = doorChecker(today);
const london = 'Europe/London';

/** Millie's home with her mum on the register; the clock moves when told. */
async function setUp() {
  const home = await panAlertHome();
  db = home.db;
  const { clock, later } = movableClock('2026-11-23T13:55:00.000Z');
  const register = visitorLogRepository(home.db, home.careWorker.cipher, clock);
  const mum = await peopleRepository(home.db).savePerson(home.manager, {
    person: { firstName: 'Dawn', lastName: 'Morris', aliases: [] },
    relationships: [
      {
        youngPersonId: home.youngPerson.id,
        relationship: 'Mum',
        category: 'parent',
        hasParentalResponsibility: true,
      },
    ],
  });
  if (!mum.ok) throw new Error(mum.error.message);
  const mumId = mum.value.person.id;
  const arriving = (visitId?: string) => ({
    ...familyVisitor('Dawn Morris', mumId, home.youngPerson.id),
    ...(visitId ? { visitId } : {}),
  });
  const formsDue = async (session: Session) =>
    Promise.all(
      (await home.db.contactForms.toArray()).map((row) => contactFormCodec.decode(row, session.cipher)),
    );
  const actions = () => auditActions(home.db, home.manager);
  /** Books Millie's visit with her mum, from 14:00 to 15:00 today unless told otherwise. */
  const book = async (overrides: Partial<Visit>) => {
    const visit = buildVisit({
      youngPersonIds: [home.youngPerson.id],
      personIds: [mumId],
      startsAt: '2026-11-23T14:00:00.000Z',
      endsAt: '2026-11-23T15:00:00.000Z',
      ...overrides,
    });
    await visitRepository(home.db).addMany(home.manager, [visit]);
    return visit;
  };
  // The care worker at the door today, the restriction check made as the door makes it.
  const signIn = (input: Parameters<typeof register.signIn>[1]) =>
    register.signIn(home.careWorker, input, check, today);
  return {
    ...home,
    register,
    mumId,
    arriving,
    signIn,
    formsDue,
    actions,
    book,
    clock,
    later,
  };
}

describe('a booked visitor signed in from the diary at the door', () => {
  it('marks the visit arrived, and signing out ends it with its form due 48 hours from the sign-out', async () => {
    const home = await setUp();
    const booked = await home.book({
      staffIds: [home.tutor.staff.id],
      status: 'confirmed',
    });
    expect(
      (await doorDiaryRepository(home.db).expectedOn(home.careWorker, today, london)).map((v) => v.id),
    ).toEqual([booked.id]);

    const signedIn = await home.signIn(home.arriving(booked.id));
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    expect(signedIn.value.visitId).toBe(booked.id);
    const arrived = await visitRepository(home.db).get(home.careWorker, booked.id);
    expect(arrived?.arrivals).toEqual([
      { entryId: signedIn.value.id, personId: home.mumId, at: '2026-11-23T13:55:00.000Z' },
    ]);
    expect(arrived?.status).toBe('confirmed');

    // They stay past the booked end: the form counts from when they leave.
    home.later(2 * 3_600_000);
    const left = await home.register.leave(home.careWorker, signedIn.value.id);
    if (!left.ok) throw new Error(left.error.message);
    expect(left.value.endedVisit?.status).toBe('completed');
    expect((await visitRepository(home.db).get(home.manager, booked.id))?.status).toBe('completed');
    const [form, ...others] = await home.formsDue(home.manager);
    expect(others).toEqual([]);
    expect(form).toMatchObject({
      visitId: booked.id,
      youngPersonId: home.youngPerson.id,
      authorId: home.tutor.staff.id,
      contactStartedAt: '2026-11-23T13:55:00.000Z',
      contactEndedAt: '2026-11-23T15:55:00.000Z',
      dueAt: '2026-11-25T15:55:00.000Z',
      status: 'draft',
    });
    expect(left.value.dueForms.map((due) => due.id)).toEqual([form?.id]);
    expect(await home.actions()).toEqual(
      expect.arrayContaining([
        'visit.arrived',
        'visit.ended-at-door',
        'contact-form.due',
        'visitor.signed-out',
      ]),
    );
  });

  it('is refused for a visit already cancelled, and nothing is signed in', async () => {
    const home = await setUp();
    const cancelled = await home.book({
      status: 'cancelled',
      cancelledReason: 'Mum unwell',
    });
    const signedIn = await home.signIn(home.arriving(cancelled.id));
    expect(signedIn.ok).toBe(false);
    expect(await home.db.visitorLog.count()).toBe(0);
  });

  it('is refused for a visit booked for another day, so yesterday’s booking is never marked arrived today', async () => {
    const home = await setUp();
    // Nobody came yesterday and nobody marked it, so it is still confirmed. A form left open at the
    // door (or its kept draft) still names it when Mum arrives for today's unbooked visit.
    const yesterday = await home.book({
      startsAt: '2026-11-22T14:00:00.000Z',
      endsAt: '2026-11-22T15:00:00.000Z',
      status: 'confirmed',
    });
    const signedIn = await home.signIn(home.arriving(yesterday.id));
    expect(signedIn.ok ? 'signed in' : signedIn.error.message).toMatch(/not today.*without it/);
    expect(await home.db.visitorLog.count()).toBe(0);
    expect((await visitRepository(home.db).get(home.manager, yesterday.id))?.arrivals ?? []).toEqual([]);
  });

  it('ends a visit two came for only when the second leaves', async () => {
    const home = await setUp();
    const booked = await home.book({
      staffIds: [],
      status: 'planned',
    });
    const mum = await home.signIn(home.arriving(booked.id));
    const gran = await home.signIn({
      ...home.arriving(booked.id),
      visitorName: 'Rose Morris',
      personId: undefined,
    });
    if (!mum.ok || !gran.ok) throw new Error('Not signed in');
    home.later(3_600_000);
    const first = await home.register.leave(home.careWorker, mum.value.id);
    expect(first.ok && first.value.endedVisit).toBeUndefined();
    expect((await visitRepository(home.db).get(home.manager, booked.id))?.status).toBe('planned');
    const second = await home.register.leave(home.careWorker, gran.value.id);
    expect(second.ok && second.value.endedVisit?.status).toBe('completed');
    // Owed by whoever signed the last one out, as a visit marked completed with nobody on it.
    expect((await home.formsDue(home.manager)).map((form) => form.authorId)).toEqual([
      home.careWorker.staff.id,
    ]);
  });
});

/** Mum signs in without a booking, stays an hour and a half and leaves: her entry, and what leaving did. */
async function unbookedVisit(home: Awaited<ReturnType<typeof setUp>>) {
  const signedIn = await home.signIn(home.arriving());
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  home.later(90 * 60_000);
  const left = await home.register.leave(home.careWorker, signedIn.value.id);
  if (!left.ok) throw new Error(left.error.message);
  return { entry: signedIn.value, left: left.value };
}

describe('a family visitor who came without a booking', () => {
  it('makes a form due for the PT 48 hours from sign-out, and the PT is alerted with initials only', async () => {
    const home = await setUp();
    const { left } = await unbookedVisit(home);
    expect(left.alertedPersonalTutor).toBe(true);
    expect(left.isAlertNotQueued).toBe(false);
    const [form] = await home.formsDue(home.manager);
    expect(form).toMatchObject({
      youngPersonId: home.youngPerson.id,
      authorId: home.tutor.staff.id,
      kind: 'visit',
      personIds: [home.mumId],
      contactEndedAt: '2026-11-23T15:25:00.000Z',
      dueAt: '2026-11-25T15:25:00.000Z',
    });
    const alerts = (await outboxRepository(home.db).list(home.manager)).filter(
      (message) => message.event === 'unbookedFamilyVisit',
    );
    expect(alerts.map((message) => message.recipient.email)).toEqual(['tom.tutor@home.example']);
    expect(alerts[0]?.reference).toBe(form?.reference);
    expect(`${alerts[0]?.subject}\n${alerts[0]?.body}`).toContain('M.H.');
    expect(`${alerts[0]?.subject}\n${alerts[0]?.body}`).not.toMatch(/Dawn|Morris|Millie|Amelia/);
  });

  it('put back on site after a mistaken sign-out, owes one form and one alert when they leave again', async () => {
    const home = await setUp();
    const { entry } = await unbookedVisit(home);
    home.later(60_000);
    const back = await home.register.undoSignOut(home.careWorker, entry.id);
    if (!back.ok) throw new Error(back.error.message);
    home.later(20 * 60_000);
    const leftAgain = await home.register.leave(home.careWorker, back.value.id);
    if (!leftAgain.ok) throw new Error(leftAgain.error.message);
    expect(leftAgain.value.dueForms).toEqual([]);
    expect(await home.formsDue(home.manager)).toHaveLength(1);
    const alerts = (await outboxRepository(home.db).list(home.manager)).filter(
      (message) => message.event === 'unbookedFamilyVisit',
    );
    expect(alerts).toHaveLength(1);
  });

  it('makes nothing due for a visitor not on the people register', async () => {
    const home = await setUp();
    const signedIn = await home.signIn({
      ...home.arriving(),
      visitorName: 'Gary Price',
      personId: undefined,
      reason: 'Boiler repair',
    });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const left = await home.register.leave(home.careWorker, signedIn.value.id);
    expect(left.ok && left.value.dueForms).toEqual([]);
    expect(await home.db.contactForms.count()).toBe(0);
    expect(await home.db.outbox.count()).toBe(0);
  });
});
