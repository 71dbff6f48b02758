import {
  restrictionChangeFormSchema,
  restrictionFormSchema,
  restrictionReviewFormSchema,
  restrictionSchema,
  type Restriction,
} from '@shared/schemas/registers';
import type { z } from 'zod';
import { displayPersonName } from '@shared/display-names';
import { calendarDateOf } from '@shared/home-time';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { restrictedParticipants, uncheckedRestrictions } from '@shared/rules/contact-form-restrictions';
import { can, visibleRestriction, type VisibleRestriction } from '@shared/rules/access';
import {
  changeRefusal,
  isDueForReview,
  nextVersion,
  restrictionOnDay,
  reviewRefusal,
  termsInForce,
  versionNumber,
} from '@shared/rules/restriction-versions';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { permittedForm } from './permitted-form';
import { personCodec } from './people-repository';
import { restrictionCodec, type RestrictionInstruction } from './restriction-codec';
import { restrictionViews } from './restriction-views';
import {
  refused,
  restrictionHistoryCodec,
  restrictionWriter,
  type RestrictionChangeError,
} from './restriction-writes';
import { unreachable } from '@shared/unreachable';

export { restrictionHistoryCodec, type RestrictionChangeError } from './restriction-writes';

/** Restrictions as one person may see them, and those that did not open (changed outside the app). */
export type RestrictionsRead<Item> = { readonly restrictions: Item[]; readonly damagedIds: string[] };

const notRecorderMessage = (verb: string) =>
  `Only a Personal Tutor, Case Co-ordinator or the manager can ${verb} a restriction.`;

/** The form a recorder sent, checked: who may record a restriction may change or review one. */
function recorderForm<Form>(session: Session, verb: string, schema: z.ZodType<Form>, input: unknown) {
  return permittedForm(session, 'restriction:record', notRecorderMessage(verb), schema, input);
}

/**
 * A restriction's next version from a change, and its audit event. A PT's or CC's change waits for
 * the manager's approval; the manager's is approved at once.
 */
function changedVersion(
  session: Session,
  current: Restriction,
  change: Parameters<typeof nextVersion>[1],
  now: Date,
) {
  const next = nextVersion(current, change, {
    staffId: session.staff.id,
    canApprove: can(session.roles, 'restriction:approve'),
    at: now.toISOString(),
  });
  return { next, event: { action: 'restriction.updated', detail: `version ${versionNumber(next)}` } };
}

/**
 * The contact-restriction register. Reading strips what the person may not know (a care worker
 * sees the kind and the instruction, not the court order). Every change keeps the version before
 * it, sealed, in `restrictionHistory`; nothing is ever deleted: a restriction is ended, with a reason.
 */
export function restrictionRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const history = sealedStore(db.restrictionHistory, restrictionHistoryCodec);
  const writer = restrictionWriter(db, clock);

  const { openNoting, stricterWhileUndecided, openInstruction, openVisible, notAsLogged } = restrictionViews(
    db,
    clock,
  );

  return {
    /**
     * Who among those a contact form records is restricted from contact with its young person:
     * registered people are matched under every name they are known by, others by the name typed.
     * Read as the door reads: a restriction changed on two computers at once counts as the stricter
     * of its versions, and one that does not open or is older than the audit log says comes back
     * as unchecked, never as no restriction.
     */
    async restrictedAmong(
      session: Session,
      form: Pick<
        ContactForm,
        'youngPersonId' | 'kind' | 'contactStartedAt' | 'personIds' | 'otherParticipants' | 'staffIds'
      >,
      timeZone: string,
    ) {
      const contactDay = calendarDateOf(form.contactStartedAt, timeZone);
      const [rows, personRows] = await Promise.all([
        db.restrictions.where('youngPersonId').equals(form.youngPersonId).toArray(),
        db.people.bulkGet([...form.personIds]),
      ]);
      const read = await openNoting(session, rows, openInstruction(session));
      const [{ opened, damagedIds }, notLogged, people] = await Promise.all([
        stricterWhileUndecided(session, read, openInstruction(session), contactDay),
        notAsLogged(session, rows, read.opened),
        Promise.all(personRows.flatMap((row) => (row ? [personCodec.decode(row, session.cipher)] : []))),
      ]);
      // Only rows present here: a missing one cannot be placed with a young person.
      const own = new Set(rows.map((row) => row.id));
      const behind = new Set(notLogged.filter((id) => own.has(id)));
      const restricted = restrictedParticipants(
        {
          youngPersonId: form.youngPersonId,
          kind: form.kind,
          contactDay,
          contactStartedAt: form.contactStartedAt,
          people: people.map((person) => ({
            personId: person.id,
            names: [displayPersonName(person), ...person.aliases],
          })),
          otherParticipants: form.otherParticipants,
          hasStaff: form.staffIds.length > 0,
        },
        opened.filter((restriction) => !behind.has(restriction.id)),
      );
      return [...restricted, ...uncheckedRestrictions([...damagedIds, ...behind])];
    },

    /** Every restriction, as this person may see it. The door check uses the instruction view. */
    async listAll(session: Session): Promise<VisibleRestriction[]> {
      return (await openVisible(await db.restrictions.toArray(), session)).opened;
    },

    /**
     * What the door check needs of each restriction in force, for everyone: names, kind and the
     * instruction, opened with the door key alone; never the authority, reference or description.
     * A restriction that does not open is never read as no restriction: its id comes back in
     * `damagedIds`, and the check then stops every visitor until the manager has looked. Which
     * young person or visitor it was for cannot be trusted either, so it stops them all.
     */
    async listForCheck(session: Session, today: string): Promise<RestrictionsRead<RestrictionInstruction>> {
      if (!can(session.roles, 'restriction:read-instruction')) return { restrictions: [], damagedIds: [] };
      const rows = await db.restrictions.toArray();
      const read = await openNoting(session, rows, openInstruction(session));
      const { opened, damagedIds } = await stricterWhileUndecided(
        session,
        read,
        openInstruction(session),
        today,
      );
      return {
        restrictions: opened.filter((restriction) => termsInForce(restriction, today) !== undefined),
        damagedIds: [...damagedIds, ...(await notAsLogged(session, rows, read.opened))],
      };
    },

    /**
     * The restrictions in force today as this person may see them (the door screen's list), each
     * as its version in force today says.
     */
    async listInForce(session: Session, today: string): Promise<RestrictionsRead<VisibleRestriction>> {
      if (!can(session.roles, 'restriction:read-instruction')) return { restrictions: [], damagedIds: [] };
      const rows = await db.restrictions.toArray();
      const read = await openVisible(rows, session);
      const { opened, damagedIds } = await stricterWhileUndecided(
        session,
        read,
        async (row) =>
          (await openVisible([row], session)).opened[0] ?? Promise.reject(new Error('unreadable')),
        today,
      );
      return {
        restrictions: opened.flatMap((restriction) =>
          termsInForce(restriction, today) === undefined
            ? []
            : [restrictionOnDay(restriction, today).restriction],
        ),
        damagedIds: [...damagedIds, ...(await notAsLogged(session, rows, read.opened))],
      };
    },

    /**
     * A young person's restrictions as this person may see them, and any that did not open or
     * whose row is older than the audit log says (shown as changed outside the app, not as it reads).
     */
    async listForYoungPerson(
      session: Session,
      youngPersonId: string,
    ): Promise<RestrictionsRead<VisibleRestriction>> {
      const rows = await db.restrictions.where('youngPersonId').equals(youngPersonId).toArray();
      const { opened, damagedIds } = await openVisible(rows, session);
      // Only rows present here: a missing one cannot be placed with a young person.
      const own = new Set(rows.map((row) => row.id));
      const behind = new Set((await notAsLogged(session, rows, opened)).filter((id) => own.has(id)));
      return {
        restrictions: opened.filter((restriction) => !behind.has(restriction.id)),
        damagedIds: [...damagedIds, ...behind],
      };
    },

    /** Earlier versions of one restriction, newest first. Only for those who may read its authority. */
    async history(session: Session, id: string): Promise<{ at: string; version: Restriction }[] | undefined> {
      if (!can(session.roles, 'restriction:read-authority')) return undefined;
      const rows = await db.restrictionHistory.where('restrictionId').equals(id).sortBy('at');
      const versions = await history.open(rows, session.cipher);
      return versions.map(({ at, version }) => ({ at, version })).reverse();
    },

    /**
     * Restrictions to look at: a review due within `days`, lapsed without being ended, or (for the
     * manager) recorded by a tutor and not yet approved.
     */
    async needingAttention(
      session: Session,
      today: string,
      dueWithin: string,
    ): Promise<{
      dueForReview: VisibleRestriction[];
      lapsed: VisibleRestriction[];
      awaitingApproval: VisibleRestriction[];
    }> {
      const [dueRows, lapsedRows] = await Promise.all([
        db.restrictions.where('reviewOn').belowOrEqual(dueWithin).toArray(),
        db.restrictions.where('effectiveTo').below(today).toArray(),
      ]);
      // Damaged ones are noted (the manager's home counts them, the door stops for them), not listed.
      const [{ opened: due }, { opened: lapsed }, { opened: all }] = await Promise.all([
        openVisible(dueRows, session),
        openVisible(lapsedRows, session),
        // Whether one was approved is sealed with its authority: only its readers learn it.
        can(session.roles, 'restriction:approve') && session.cipher.holds('casework')
          ? db.restrictions
              .toArray()
              .then((rows) =>
                openNoting(session, rows, (row) => restrictionCodec.decode(row, session.cipher)),
              )
          : Promise.resolve({ opened: [] as Restriction[], damagedIds: [] }),
      ]);
      return {
        dueForReview: due.filter((restriction) => isDueForReview(restriction, today, dueWithin)),
        lapsed: lapsed.filter((restriction) => restriction.endedAt === undefined),
        awaitingApproval: all
          .filter(
            (restriction) => restriction.endedAt === undefined && restriction.approvedById === undefined,
          )
          .map((restriction) => visibleRestriction(restriction, session.roles)),
      };
    },

    /**
     * Records a restriction. A manager's own is approved at once; a PT's or CC's applies at once
     * too (a child's safety cannot wait for a signature) and shows as awaiting approval.
     */
    async record(session: Session, input: unknown): Promise<Result<Restriction, RestrictionChangeError>> {
      const form = recorderForm(session, 'record', restrictionFormSchema, input);
      if (!form.ok) return form;
      const restriction = restrictionSchema.parse({
        ...form.value,
        id: crypto.randomUUID(),
        recordedById: session.staff.id,
        ...(can(session.roles, 'restriction:approve') ? { approvedById: session.staff.id } : {}),
      });
      // The restriction, its audit entry and the PAN group's alert are one change (DESIGN rule 2).
      const written = await writer.insert(session, restriction, {
        events: [{ action: 'restriction.recorded', detail: restriction.kind }],
        alert: 'restrictionAdded',
      });
      return written.ok ? ok(restriction) : written;
    },

    /**
     * Changes what a restriction says (its kind, conditions, authority, reference or dates) as a
     * new version from the day given, today or later; the version before stays in the history and
     * still applies until then. As when recording, a PT's or CC's change applies and waits for the
     * manager's approval; the manager's is approved at once.
     */
    async change(
      session: Session,
      id: string,
      input: unknown,
      today: string,
    ): Promise<Result<Restriction, RestrictionChangeError>> {
      const form = recorderForm(session, 'change', restrictionChangeFormSchema, input);
      if (!form.ok) return form;
      return writer.replace(session, id, (current, now) => {
        if (current.endedAt)
          return fail('already-ended', 'This restriction has ended. Record a new one instead.');
        const refusal = changeRefusal(current, form.value, today);
        if (refusal) return refused(refusal);
        const { next, event } = changedVersion(session, current, form.value, now);
        return ok({ next, events: [event], alert: 'restrictionChanged' });
      });
    },

    /**
     * Records a review: who reviewed it, with whom it was checked and when, and the outcome. It
     * continues to a new review date, is changed (a new version, as `change`), or is ended with
     * the reason. Whichever it is, the review, the change and its alert are one transaction, and
     * the restriction leaves the review-due list. Who may review is who may record one.
     */
    async review(
      session: Session,
      id: string,
      input: unknown,
      today: string,
    ): Promise<Result<Restriction, RestrictionChangeError>> {
      const form = recorderForm(session, 'review', restrictionReviewFormSchema, input);
      if (!form.ok) return form;
      const review = form.value;
      return writer.replace(session, id, (current, now) => {
        if (current.endedAt)
          return fail('already-ended', 'This restriction has ended, so there is nothing to review.');
        const refusal = reviewRefusal(current, review, today);
        if (refusal) return refused(refusal);
        const reviewed = {
          ...current,
          reviews: [
            ...(current.reviews ?? []),
            {
              reviewedOn: review.reviewedOn,
              reviewedById: review.reviewedById,
              checkedWith: review.checkedWith,
              outcome: review.outcome,
              version: versionNumber(current),
              recordedById: session.staff.id,
              recordedAt: now.toISOString(),
            },
          ],
        };
        const reviewEvent = { action: 'restriction.reviewed', detail: review.outcome };
        switch (review.outcome) {
          case 'continues':
            return ok({ next: { ...reviewed, reviewOn: review.nextReviewOn }, events: [reviewEvent] });
          case 'changed': {
            const { next, event } = changedVersion(session, reviewed, review.change, now);
            return ok({ next, events: [reviewEvent, event], alert: 'restrictionChanged' });
          }
          case 'ended':
            return ok({
              next: { ...reviewed, endedAt: now.toISOString(), endedReason: review.endedReason },
              events: [reviewEvent, { action: 'restriction.ended' }],
              alert: 'restrictionEnded',
            });
          default:
            return unreachable(review, 'review outcome');
        }
      });
    },

    /** The manager approves a restriction, or a change to one, made by a PT or CC. */
    async approve(session: Session, id: string): Promise<Result<Restriction, RestrictionChangeError>> {
      if (!can(session.roles, 'restriction:approve'))
        return fail('forbidden', 'Only the Registered Manager can approve a restriction.');
      return writer.replace(session, id, (current) =>
        ok({
          next: { ...current, approvedById: session.staff.id },
          events: [{ action: 'restriction.approved' }],
        }),
      );
    },

    /** Ends a restriction, with the reason; it stays in the register and its history. */
    async end(
      session: Session,
      id: string,
      reason: string,
    ): Promise<Result<Restriction, RestrictionChangeError>> {
      if (!can(session.roles, 'restriction:record')) return fail('forbidden', notRecorderMessage('end'));
      const trimmed = reason.trim();
      if (!trimmed)
        return fail('invalid', 'Say why the restriction is ending.', {
          endedReason: 'Say why the restriction is ending, for example “court order discharged on 3 March”.',
        });
      return writer.replace(session, id, (current, now) => {
        if (current.endedAt) return fail('already-ended', 'This restriction has already ended.');
        return ok({
          next: { ...current, endedAt: now.toISOString(), endedReason: trimmed },
          events: [{ action: 'restriction.ended' }],
          alert: 'restrictionEnded',
        });
      });
    },
  };
}
export type RestrictionRepository = ReturnType<typeof restrictionRepository>;
