import { addDays, instantToWallClock, startOfDayIn } from '@shared/home-time';
import { expectedVisitsOn, unbookedVisitFormsDue, visitEndsWithSignOut } from '@shared/rules/door-diary';
import { contactKindOfVisit } from '@shared/rules/visit-contact-kind';
import { fail, ok, type Result } from '@shared/result';
import type { ContactForm } from '@shared/schemas/contact-forms';
import type { VisitorEntry } from '@shared/schemas/registers';
import { visitSchema, type Visit } from '@shared/schemas/visits';
import type { FamilyLinksDb } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import type { WriteStep } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import type { AuditEventInput } from './audit-log-repository';
import { contactFormCodec } from './contact-form-codec';
import { contactFormSettingsRepository } from './contact-form-settings-repository';
import { contactFormsDue } from './contact-forms-due';
import { homeSettingsRepository } from './home-settings-repository';
import { panAlertsForChange, type AlertsForChange } from './pan-alerts-with-change';
import { peopleRepository } from './people-repository';
import { visitRepository } from './visit-repository';
import { visitCodec } from './visit-codec';
import { youngPeopleRepository } from './young-people-repository';

/**
 * The diary at the door: today's booked visits as the front door sees them, the visit a visitor
 * signed in from that list is linked to, and what a sign-out makes follow (the booked visit
 * ended and its contact form due; for a family visitor who came without a booking, a form due for
 * the young person's PT and the PT told). Each piece is made ready here and written by the
 * register in the same transaction as the sign-in or sign-out it belongs to.
 */

const finalStatuses = new Set<Visit['status']>(['completed', 'cancelled', 'didNotAttend']);
const visitChangedElsewhere = fail(
  'invalid',
  'Someone changed this booked visit a moment ago. Try again from the list of expected visitors.',
);

/** The booked visit `visitId` marked arrived with register entry `entryId`: a write and its audit entry. */
export async function visitArrival(
  db: FamilyLinksDb,
  cipher: RecordCipher,
  visitId: string,
  arrival: { readonly entryId: string; readonly personId: string | undefined; readonly at: string },
): Promise<Result<{ write: WriteStep<'invalid'>; event: AuditEventInput }, 'invalid'>> {
  const row = await db.visits.get(visitId);
  if (!row)
    return fail('invalid', 'That booked visit is no longer in the calendar. Sign them in without it.');
  const visit = await visitCodec.decode(row, cipher);
  if (finalStatuses.has(visit.status))
    return fail(
      'invalid',
      'That booked visit is already over or cancelled. Sign them in as a visitor without a booking.',
    );
  const { entryId, personId, at } = arrival;
  // Only today's booking can be the one they came for. A visit nobody came to stays open, and a
  // sign-in form left filled in at the door (or its kept draft) can still name it the next day.
  const timeZone = await homeSettingsRepository(db).timeZone();
  if (instantToWallClock(visit.startsAt, timeZone).date !== instantToWallClock(at, timeZone).date)
    return fail(
      'invalid',
      'That booked visit is not today. Sign them in without it, or from today’s expected visitors.',
    );
  const arrived = visitSchema.parse({
    ...visit,
    arrivals: [...(visit.arrivals ?? []), { entryId, at, ...(personId ? { personId } : {}) }],
  });
  return ok({
    write: sealedStore(db.visits, visitCodec).replace(row, arrived, visitChangedElsewhere),
    event: { action: 'visit.arrived', recordType: 'visit', recordId: visitId, detail: `entry ${entryId}` },
  });
}

/** What a sign-out makes follow, ready to join its write. */
export type SignOutFollowUp = {
  readonly events: readonly AuditEventInput[];
  readonly writes: readonly WriteStep<'invalid'>[];
  /** The PT's alert about an unbooked family visit, if any (written with the rest, or left out if it cannot be queued). */
  readonly alerts: AlertsForChange | undefined;
  /** An alert was wanted but could not be made ready: the PT must be told in person. */
  readonly isAlertNotQueued: boolean;
  readonly dueForms: readonly ContactForm[];
  /** The booked visit this sign-out ended, if it did. */
  readonly endedVisit: Visit | undefined;
};

const nothingFollows: SignOutFollowUp = {
  events: [],
  writes: [],
  alerts: undefined,
  isAlertNotQueued: false,
  dueForms: [],
  endedVisit: undefined,
};

/**
 * What follows `entry` being signed out (`entry.departedAt` set). A visitor signed in for a booked
 * visit: once nobody else who came for it is still on site, the visit is completed and its contact
 * form made due, counted from this sign-out (DESIGN rule 1), owed as a visit marked completed
 * owes it (the supervising member of staff, else the first on the visit, else whoever signs out).
 * A family visitor who came without a booking: a form due for each young person's PT, 48 hours
 * from this sign-out, and the PT told (initials and the form's reference only, DESIGN rule 9).
 */
export async function signOutFollowUp(
  db: FamilyLinksDb,
  session: Session,
  entry: VisitorEntry,
  stillOnSite: readonly VisitorEntry[],
  clock: () => Date,
): Promise<Result<SignOutFollowUp, 'invalid'>> {
  const departedAt = entry.departedAt;
  if (!departedAt || entry.kind !== 'visit') return ok(nothingFollows);
  const forms = contactFormsDue(db, clock);
  if (entry.visitId) {
    const row = await db.visits.get(entry.visitId);
    if (!row || !visitEndsWithSignOut(entry.visitId, entry.id, stillOnSite)) return ok(nothingFollows);
    const visit = await visitCodec.decode(row, session.cipher);
    if (finalStatuses.has(visit.status)) return ok(nothingFollows);
    const ended = visitSchema.parse({ ...visit, status: 'completed' });
    const startedAt = [...(visit.arrivals ?? [])].map((arrival) => arrival.at).sort()[0] ?? entry.arrivedAt;
    const due = await forms.prepareDueForContact(session, {
      youngPersonIds: visit.youngPersonIds,
      kind: contactKindOfVisit(visit.kind),
      contactStartedAt: startedAt < departedAt ? startedAt : departedAt,
      contactEndedAt: departedAt,
      visitId: visit.id,
      authorId: visit.supervisingStaffId ?? visit.staffIds[0] ?? session.staff.id,
      personIds: visit.personIds,
      staffIds: visit.staffIds,
    });
    if (!due.ok) return fail('invalid', due.error.message);
    return ok({
      events: [
        { action: 'visit.ended-at-door', recordType: 'visit', recordId: visit.id, detail: 'completed' },
        ...due.value.events,
      ],
      writes: [
        sealedStore(db.visits, visitCodec).replace(row, ended, visitChangedElsewhere),
        ...due.value.writes,
      ],
      alerts: undefined,
      isAlertNotQueued: false,
      dueForms: due.value.forms,
      endedVisit: ended,
    });
  }
  if (!entry.personId || entry.visitingYoungPersonIds.length === 0) return ok(nothingFollows);
  const [relationships, youngPeople, { dueHours }] = await Promise.all([
    peopleRepository(db).relationshipsOf(session, entry.personId),
    youngPeopleRepository(db).list(session),
    contactFormSettingsRepository(db, clock).settings(),
  ]);
  const owed = unbookedVisitFormsDue({
    entry,
    alreadyOwed: await youngPeopleOwedFor(db, session, entry),
    relationships,
    personalTutorOf: (id) => youngPeople.find((youngPerson) => youngPerson.id === id)?.personalTutorId,
    signedOutById: session.staff.id,
    dueHours,
  });
  const events: AuditEventInput[] = [];
  const writes: WriteStep<'invalid'>[] = [];
  const dueForms: ContactForm[] = [];
  for (const form of owed) {
    const due = await forms.prepareDueForContact(session, {
      youngPersonIds: [form.youngPersonId],
      kind: 'visit',
      contactStartedAt: form.contactStartedAt,
      contactEndedAt: form.contactEndedAt,
      authorId: form.authorId,
      personIds: [entry.personId],
      staffIds: [],
    });
    if (!due.ok) return fail('invalid', due.error.message);
    events.push(...due.value.events);
    writes.push(...due.value.writes);
    dueForms.push(...due.value.forms);
  }
  const alerts = await panAlertsForChange(
    db,
    session,
    dueForms.map((form) => ({
      youngPersonId: form.youngPersonId,
      event: 'unbookedFamilyVisit',
      reference: form.reference,
      summary: `Family visit at the home without a booking. The contact form is due within ${dueHours} hours of sign-out.`,
    })),
    clock,
  );
  return ok({
    events,
    writes,
    alerts: alerts.ok ? alerts.value : undefined,
    isAlertNotQueued: !alerts.ok,
    dueForms,
    endedVisit: undefined,
  });
}

/**
 * The young people already owed a form for this unbooked visit: one made due when the visitor was
 * signed out before, then put back on site (the same arrival, the same person). Read by the
 * forms' young-person-and-end index from the arrival on, so only that visit's forms are opened.
 */
async function youngPeopleOwedFor(
  db: FamilyLinksDb,
  session: Session,
  entry: VisitorEntry,
): Promise<string[]> {
  if (!entry.personId || !entry.departedAt) return [];
  const { personId, arrivedAt, departedAt } = entry;
  const rows = await Promise.all(
    [...new Set(entry.visitingYoungPersonIds)].map((youngPersonId) =>
      db.contactForms
        .where('[youngPersonId+contactEndedAt]')
        .between([youngPersonId, arrivedAt], [youngPersonId, departedAt], true, true)
        .toArray(),
    ),
  );
  const forms = await Promise.all(rows.flat().map((row) => contactFormCodec.decode(row, session.cipher)));
  return forms
    .filter(
      (form) =>
        form.kind === 'visit' &&
        form.visitId === undefined &&
        form.contactStartedAt === arrivedAt &&
        form.personIds.includes(personId),
    )
    .map((form) => form.youngPersonId);
}

/** Today's booked visits as the front door lists them. */
export function doorDiaryRepository(db: FamilyLinksDb) {
  return {
    /** The visits expected at the door on `date` (the home's calendar day), earliest first. */
    async expectedOn(session: Session, date: string, timeZone: string): Promise<Visit[]> {
      const visits = await visitRepository(db).listBetween(
        session,
        startOfDayIn(date, timeZone),
        startOfDayIn(addDays(date, 1), timeZone),
      );
      return expectedVisitsOn(visits, date, timeZone);
    },
  };
}
