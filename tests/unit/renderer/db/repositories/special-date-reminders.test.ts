import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { outboxRepository } from '../../../../../renderer/src/db/repositories/outbox-repository';
import { peopleRepository } from '../../../../../renderer/src/db/repositories/people-repository';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { specialDateReminders } from '../../../../../renderer/src/db/repositories/special-date-reminders';
import type { Session } from '../../../../../renderer/src/db/session';
import { panAlertHome } from '../pan-alert-test-home';

let db: FamilyLinksDb | undefined;
afterEach(() => db?.close());

const at = (iso: string) => () => new Date(iso);

const dawn = {
  firstName: 'Dawn',
  lastName: 'Hughes',
  aliases: [],
  language: 'Polish',
  needsInterpreter: true,
  accessibilityNeeds: 'Step-free access',
  preferredChannels: ['phone'],
  preferredTimes: 'after 6pm',
};

/** Millie's mum, Dawn, with her birthday on 11 December 1970 and a wedding anniversary on 2 January. */
async function homeWithMum() {
  const home = await panAlertHome();
  db = home.db;
  const people = peopleRepository(home.db, at('2026-11-20T10:00:00.000Z'));
  const saved = await people.savePerson(home.manager, {
    person: dawn,
    relationships: [
      {
        youngPersonId: home.youngPerson.id,
        relationship: 'mum',
        category: 'parent',
        hasParentalResponsibility: true,
      },
    ],
    specialDates: [
      { label: 'birthday', day: 11, month: 12, year: 1970 },
      { label: 'wedding anniversary', day: 2, month: 1 },
    ],
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return { ...home, db: home.db, people, dawnId: saved.value.person.id };
}

describe('how a family member communicates and their special dates are kept', () => {
  it('communication with the person (door key); special dates apart, casework only, nothing in the clear', async () => {
    const { db, people, dawnId, tutor, careWorker } = await homeWithMum();
    const asCareWorker = await people.getPerson(careWorker, dawnId);
    expect(asCareWorker).toMatchObject({
      language: 'Polish',
      needsInterpreter: true,
      preferredTimes: 'after 6pm',
    });
    expect(await people.specialDatesOf(careWorker, dawnId)).toBeUndefined();
    const dates = await people.specialDatesOf(tutor, dawnId);
    expect(dates?.map((date) => [date.label, date.day, date.month, date.year])).toEqual([
      ['birthday', 11, 12, 1970],
      ['wedding anniversary', 2, 1, undefined],
    ]);
    const rows = await db.personSpecialDates.toArray();
    expect(rows.map(({ sealed: _sealed, ...plain }) => Object.keys(plain).sort())).toEqual([
      ['id', 'sealFormat'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/birthday|anniversary|1970/);
    const audited = (await db.audit.toArray()).find((entry) => entry.action === 'person.created');
    expect(audited?.detail).toBe('1 relationship(s), 2 special date(s)');
  });

  it('a day that is not in its month is refused beside the field; 29 February is kept', async () => {
    const { people, dawnId, manager } = await homeWithMum();
    const person = await people.getPerson(manager, dawnId);
    const refused = await people.savePerson(
      manager,
      { person, relationships: [], specialDates: [{ label: 'birthday', day: 30, month: 2 }] },
      dawnId,
    );
    expect(refused.ok ? 'saved' : refused.error.fields).toEqual({
      'specialDates.0.day': 'That day is not in that month. Check the date.',
    });
    const leap = await people.savePerson(
      manager,
      { person, relationships: [], specialDates: [{ label: 'birthday', day: 29, month: 2 }] },
      dawnId,
    );
    expect(leap.ok).toBe(true);
  });

  it('a save that does not carry special dates leaves them as they were', async () => {
    const { people, dawnId, manager } = await homeWithMum();
    const person = await people.getPerson(manager, dawnId);
    const saved = await people.savePerson(
      manager,
      { person: { ...person, language: 'English' }, relationships: [] },
      dawnId,
    );
    expect(saved.ok).toBe(true);
    expect(await people.specialDatesOf(manager, dawnId)).toHaveLength(2);
  });
});

describe('the PT is reminded a week before, on screen and once by email', () => {
  const dueFor = (db: FamilyLinksDb, session: Session, today: string) =>
    specialDateReminders(db).dueFor(session, today);

  it('the PT sees Mum’s birthday from seven days before until the day; others do not', async () => {
    const { db, tutor, coordinator, careWorker, manager } = await homeWithMum();
    expect(await dueFor(db, tutor, '2026-12-03')).toEqual([]);
    const due = await dueFor(db, tutor, '2026-12-06');
    expect(
      due.map((reminder) => [reminder.text, reminder.daysAway, reminder.turns, reminder.personName]),
    ).toEqual([['Mum’s birthday on 11 December: support a card or call', 5, 56, 'Dawn Hughes']]);
    // Across the year end, both dates in the week.
    expect((await dueFor(db, tutor, '2026-12-28')).map((reminder) => reminder.on)).toEqual(['2027-01-02']);
    expect((await dueFor(db, tutor, '2026-12-11')).map((reminder) => reminder.daysAway)).toEqual([0]);
    expect(await dueFor(db, tutor, '2026-12-12')).toEqual([]);
    // Not their young person, or no casework key: nothing.
    for (const other of [coordinator, careWorker, manager])
      expect(await dueFor(db, other, '2026-12-06')).toEqual([]);
  });

  it('one email to the PT with initials and a reference only, whoever notices it, never twice', async () => {
    const { db, tutor, manager, careWorker } = await homeWithMum();
    // Care staff hold no casework key: they cannot notice it.
    expect(await specialDateReminders(db, at('2026-12-06T09:00:00.000Z')).raiseDue(careWorker)).toBe(0);
    expect(await specialDateReminders(db, at('2026-12-03T09:00:00.000Z')).raiseDue(manager)).toBe(0);
    expect(await specialDateReminders(db, at('2026-12-06T09:00:00.000Z')).raiseDue(manager)).toBe(1);
    expect(await specialDateReminders(db, at('2026-12-06T09:01:00.000Z')).raiseDue(tutor)).toBe(0);
    expect(await specialDateReminders(db, at('2026-12-10T09:00:00.000Z')).raiseDue(tutor)).toBe(0);

    const messages = await outboxRepository(db).list(manager);
    expect(messages.map((message) => [message.event, message.recipient.email])).toEqual([
      ['specialDateSoon', 'tom.tutor@home.example'],
    ]);
    const [message] = messages;
    expect(message?.reference).toMatch(/^SD-[0-9A-F]{8}$/);
    expect(message?.subject).toContain('M.H.');
    expect(`${message?.subject}\n${message?.body}`).not.toMatch(
      /Amelia|Hughes|Millie|Dawn|Mum|birthday|11 December|Polish/,
    );
    const audited = (await db.audit.toArray()).filter(
      (entry) => entry.action === 'person.special-date-reminded',
    );
    expect(audited).toHaveLength(1);

    // The anniversary, in its own week, is raised on its own; the birthday is not raised again.
    expect(await specialDateReminders(db, at('2026-12-28T09:00:00.000Z')).raiseDue(tutor)).toBe(1);
    expect(await outboxRepository(db).list(manager)).toHaveLength(2);
  });

  it('no reminder for someone the young person may have no contact with: a card is contact', async () => {
    const { db, manager, tutor, youngPerson, dawnId } = await homeWithMum();
    const barred = await restrictionRepository(db).record(manager, {
      youngPersonId: youngPerson.id,
      personId: dawnId,
      name: 'Dawn Hughes',
      aliases: [],
      description: '',
      kind: 'noContact',
      conditions: '',
      authority: 'courtOrder',
      authorityReference: 'ZW26C00042',
      effectiveFrom: '2026-12-01',
    });
    if (!barred.ok) throw new Error(barred.error.message);
    expect(await dueFor(db, tutor, '2026-12-06')).toEqual([]);
    expect(await specialDateReminders(db, at('2026-12-06T09:00:00.000Z')).raiseDue(manager)).toBe(0);
    // Before it took effect, the reminder stood.
    expect(await dueFor(db, tutor, '2025-12-06')).toHaveLength(1);
  });
});
