import { displayName, displayPersonName } from '@shared/display-names';
import { calendarDateOf } from '@shared/home-time';
import { initialsOf, specialDateAlertText } from '@shared/rules/alert-text';
import { isPlacedOn } from '@shared/rules/my-young-people';
import { restrictionsOnPerson } from '@shared/rules/restricted-people';
import { prepareRestrictionIndex } from '@shared/rules/restriction-check';
import { specialDateReminderText, specialDatesDue } from '@shared/rules/special-dates';
import { personSpecialDatesSchema, type PersonSpecialDates } from '@shared/schemas/communication';
import type { Person, Relationship, YoungPerson } from '@shared/schemas/people';
import { staffRoleLabels } from '@shared/schemas/staff';
import { fail } from '@shared/result';
import type { FamilyLinksDb, PersonSpecialDatesRow } from '../database';
import { recordWriter } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { homeSettingsRepository } from './home-settings-repository';
import { outboxCodec } from './outbox-codec';
import { announceQueued, queuedOnHere } from './outbox-sending';
import { appRaisedAlert } from './app-raised-alert';
import { personCodec, personSpecialDatesCodec, relationshipCodec } from './people-repository';
import { restrictionRepository } from './restriction-repository';
import { staffRepository } from './staff-repository';
import { youngPersonCodec } from './young-people-repository';

/** One special date coming up, for one young person: what their PT sees on the home screen. */
export type SpecialDateReminder = {
  /** Stable: the day it falls, the young person and the date. */
  readonly key: string;
  readonly youngPersonId: string;
  readonly youngPersonName: string;
  readonly personId: string;
  readonly personName: string;
  /** "Mum’s birthday on 11 December: support a card or call" */
  readonly text: string;
  /** The day it falls (YYYY-MM-DD). */
  readonly on: string;
  readonly daysAway: number;
  readonly turns?: number | undefined;
};

type Found = {
  readonly reminder: SpecialDateReminder;
  readonly youngPerson: YoungPerson;
  readonly row: PersonSpecialDatesRow;
  readonly record: PersonSpecialDates;
  readonly dateId: string;
  /** What the date's `remindedFor` holds once this occurrence is alerted. */
  readonly remindedKey: string;
};

/**
 * The special dates of young people's family that fall in the coming week (seed 004 §4: cards
 * and calls on special occasions), for their Personal Tutor: shown on the PT's home screen and My
 * young people, and raised once to the PT by email with initials and a reference only. Special
 * dates are casework records, so only a session with the casework key finds any. A person under a
 * "no contact" restriction for that young person is left out: a card is contact.
 */
export function specialDateReminders(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const youngPeople = sealedStore(db.youngPeople, youngPersonCodec);
  const relationships = sealedStore(db.relationships, relationshipCodec);
  const people = sealedStore(db.people, personCodec);
  const dates = sealedStore(db.personSpecialDates, personSpecialDatesCodec);
  const outbox = sealedStore(db.outbox, outboxCodec);
  const records = recordWriter(db, clock);

  async function find(
    session: Session,
    today: string,
    holds: (youngPerson: YoungPerson) => boolean,
  ): Promise<Found[]> {
    if (!session.cipher.holds('casework')) return [];
    // A damaged row is left out here (the damaged-records panel reports it), not allowed to hide the rest.
    const { records: everyone } = await youngPeople.openEach(await db.youngPeople.toArray(), session.cipher);
    const held = everyone.filter((youngPerson) => holds(youngPerson) && isPlacedOn(youngPerson, today));
    if (held.length === 0) return [];
    const { restrictions } = await restrictionRepository(db).listForCheck(session, today);
    const index = prepareRestrictionIndex(restrictions);
    const found: Found[] = [];
    for (const youngPerson of held) {
      const { records: links } = await relationships.openEach(
        await db.relationships.where('youngPersonId').equals(youngPerson.id).toArray(),
        session.cipher,
      );
      for (const link of links) found.push(...(await dueFor(session, youngPerson, link, today, index)));
    }
    return found.sort((a, b) => a.reminder.on.localeCompare(b.reminder.on));
  }

  async function dueFor(
    session: Session,
    youngPerson: YoungPerson,
    link: Relationship,
    today: string,
    index: ReturnType<typeof prepareRestrictionIndex>,
  ): Promise<Found[]> {
    const row = await db.personSpecialDates.get(link.personId);
    if (!row) return [];
    const [record, person] = await Promise.all([
      dates.open([row], session.cipher).then(([opened]) => opened),
      people.get(link.personId, session.cipher),
    ]);
    if (!record || !person || isBarred(person, youngPerson.id, index, today)) return [];
    return specialDatesDue(record.dates, today).map((due) => ({
      reminder: {
        key: `${due.on}:${youngPerson.id}:${due.date.id}`,
        youngPersonId: youngPerson.id,
        youngPersonName: displayName(youngPerson),
        personId: person.id,
        personName: displayPersonName(person),
        text: specialDateReminderText({ relationship: link.relationship, label: due.date.label, on: due.on }),
        on: due.on,
        daysAway: due.daysAway,
        turns: due.turns,
      },
      youngPerson,
      row,
      record,
      dateId: due.date.id,
      remindedKey: `${due.on}:${youngPerson.id}`,
    }));
  }

  function isBarred(
    person: Person,
    youngPersonId: string,
    index: ReturnType<typeof prepareRestrictionIndex>,
    today: string,
  ): boolean {
    return restrictionsOnPerson(
      { personId: person.id, names: [displayPersonName(person), ...person.aliases] },
      index,
      today,
    ).some((found) => found.youngPersonId === youngPersonId && found.kind === 'noContact');
  }

  /** The reminders kept on a date: the last year's, enough to stop a repeat, no more. */
  function keptReminders(remindedFor: readonly string[], today: string): string[] {
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    return remindedFor.filter((key) => key.slice(0, 10) >= yearAgo);
  }

  return {
    /** The special dates coming up for the young people this person is Personal Tutor to. */
    async dueFor(session: Session, today: string): Promise<SpecialDateReminder[]> {
      const found = await find(
        session,
        today,
        (youngPerson) => youngPerson.personalTutorId === session.staff.id,
      );
      return found.map((entry) => entry.reminder);
    },

    /**
     * Queues one alert to the PT for each special date newly in its week, whoever is signed in
     * (with the casework key), as overdue actions are. Each is queued in the transaction that marks
     * the date reminded for that young person, so it is sent once; returns how many were queued.
     */
    async raiseDue(session: Session): Promise<number> {
      const now = clock();
      const timeZone = await homeSettingsRepository(db).timeZone();
      const today = calendarDateOf(now, timeZone);
      const found = (
        await find(session, today, (youngPerson) => youngPerson.personalTutorId !== undefined)
      ).filter((entry) => {
        const date = entry.record.dates.find((candidate) => candidate.id === entry.dateId);
        return date !== undefined && !date.remindedFor.includes(entry.remindedKey);
      });
      if (found.length === 0) return 0;
      const staff = await staffRepository(db).list(session.cipher);
      const queuedOn = await queuedOnHere(db);
      let raised = 0;
      for (const entry of found) {
        const tutor = staff.find((member) => member.id === entry.youngPerson.personalTutorId);
        // Nobody to tell yet: left unraised, so a PT named later in the week still hears.
        if (!tutor?.isActive) continue;
        const at = now.toISOString();
        const reference = `SD-${entry.dateId.slice(0, 8).toUpperCase()}`;
        const text = specialDateAlertText({ initials: initialsOf(entry.youngPerson), reference });
        const roleLabel = tutor.roles.map((role) => staffRoleLabels[role]).join(', ');
        const message = appRaisedAlert({
          event: 'specialDateSoon',
          reference,
          youngPersonId: entry.youngPerson.id,
          recipient: { name: tutor.name, roleLabel, email: tutor.email },
          text,
          reasonDetail: 'Special date reminder to the young person’s Personal Tutor',
          at,
          byId: session.staff.id,
          ...queuedOn,
        });
        // Read again: two dates of one person in the same week share a row, written one by one.
        const row = await db.personSpecialDates.get(entry.row.id);
        const [record] = row ? await dates.open([row], session.cipher) : [];
        const date = record?.dates.find((candidate) => candidate.id === entry.dateId);
        if (!row || !record || !date || date.remindedFor.includes(entry.remindedKey)) continue;
        const marked = personSpecialDatesSchema.parse({
          ...record,
          dates: record.dates.map((candidate) =>
            candidate.id === entry.dateId
              ? {
                  ...candidate,
                  remindedFor: [...keptReminders(candidate.remindedFor, today), entry.remindedKey],
                }
              : candidate,
          ),
        });
        const written = await records.write(session, {
          at: now,
          events: [
            {
              action: 'person.special-date-reminded',
              recordType: 'person',
              recordId: entry.reminder.personId,
              detail: reference,
            },
            {
              action: 'outbox.queued',
              recordType: 'outboxMessage',
              recordId: message.id,
              detail: message.event,
            },
          ],
          writes: [
            dates.replace(
              row,
              marked,
              fail('changed-elsewhere', 'These special dates changed a moment ago.'),
            ),
            outbox.insert(message),
          ],
        });
        if (written.ok) raised += 1;
      }
      if (raised > 0) announceQueued();
      return raised;
    },
  };
}
