import { restrictionFormSchema, restrictionSchema, type Restriction } from '@shared/schemas/registers';
import { displayPersonName } from '@shared/display-names';
import { calendarDateOf } from '@shared/home-time';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { restrictedParticipants } from '@shared/rules/contact-form-restrictions';
import { can, visibleRestriction, type VisibleRestriction } from '@shared/rules/access';
import { isRestrictionInForce } from '@shared/rules/restriction-check';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { z } from 'zod';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb, RestrictionRow } from '../database';
import { recordWriter } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { personCodec } from './people-repository';
import { restrictionCodec, type RestrictionInstruction } from './restriction-codec';
import { restrictionAlertReference } from './pan-alert-repository';
import { panAlertsForChange, type AlertNotQueued } from './pan-alerts-with-change';
import { damagedRecordRepository } from './damaged-record-repository';

/** Restrictions as one person may see them, and those that did not open (changed outside the app). */
export type RestrictionsRead<Item> = { readonly restrictions: Item[]; readonly damagedIds: string[] };

/** A restriction as it was before a change (its `version`, whole), kept sealed beside when it changed. */
export const restrictionHistoryCodec = createSealedCodec(
  'restrictionHistory',
  z.object({ id: z.string(), restrictionId: z.string(), at: z.string(), version: restrictionSchema }),
  ['id', 'restrictionId', 'at'],
  { sealedField: 'version', compartment: 'casework' },
);

export type RestrictionChangeError = 'forbidden' | 'invalid' | 'not-found' | 'already-ended' | AlertNotQueued;

/**
 * The contact-restriction register. Reading strips what the person may not know (a care worker
 * sees the kind and the instruction, not the court order). Every change keeps the version before
 * it, sealed, in `restrictionHistory`; nothing is ever deleted: a restriction is ended, with a reason.
 */
export function restrictionRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.restrictions, restrictionCodec);
  const history = sealedStore(db.restrictionHistory, restrictionHistoryCodec);
  const records = recordWriter(db, clock);
  const damage = damagedRecordRepository(db, clock);

  /** Rows that do not open are noted and handed back by id, never read as no restriction. */
  const openNoting = <Item>(
    session: Session,
    rows: readonly RestrictionRow[],
    decode: (row: RestrictionRow) => Promise<Item>,
  ) => damage.openNoting(session, rows, decode);

  /** The door's view of each row, opened with the door key alone. */
  const openInstruction = (session: Session) => (row: RestrictionRow) =>
    restrictionCodec.decodeInstruction(row, session.cipher);

  /** The door's view of each row; throws if one does not open. */
  const openInstructions = (rows: readonly RestrictionRow[], session: Session) =>
    Promise.all(rows.map(openInstruction(session)));

  /**
   * Each row as this person may see it, and the ids of those that did not open. Only a session
   * that may read the authority, and holds the casework key, opens the casework part at all;
   * everyone else opens the door's part alone.
   */
  function openVisible(
    rows: readonly RestrictionRow[],
    session: Session,
  ): Promise<{ opened: VisibleRestriction[]; damagedIds: string[] }> {
    if (can(session.roles, 'restriction:read-authority') && session.cipher.holds('casework'))
      return openNoting(session, rows, async (row) =>
        visibleRestriction(await restrictionCodec.decode(row, session.cipher), session.roles),
      );
    return openNoting(session, rows, async (row) => ({
      view: 'instruction' as const,
      ...(await openInstruction(session)(row)),
    }));
  }

  /**
   * Changes one restriction, keeping the version before. With `alert`, the young person's PAN
   * group is told in the same transaction (DESIGN rule 2): both are saved, or neither.
   */
  async function change(
    session: Session,
    id: string,
    action: string,
    next: (current: Restriction) => Result<Restriction, RestrictionChangeError>,
    alert?: 'restrictionChanged' | 'restrictionEnded',
  ): Promise<Result<Restriction, RestrictionChangeError>> {
    const currentRow = await db.restrictions.get(id);
    if (!currentRow) return fail('not-found', 'That restriction is no longer in the register.');
    const current = await restrictionCodec.decode(currentRow, session.cipher);
    const updated = next(current);
    if (!updated.ok) return updated;
    const alerts = await panAlertsForChange(
      db,
      session,
      alert
        ? [
            {
              youngPersonId: updated.value.youngPersonId,
              event: alert,
              reference: restrictionAlertReference(id),
            },
          ]
        : [],
      clock,
    );
    if (!alerts.ok) return alerts;
    const now = clock();
    const written = await records.write(session, {
      at: now,
      events: [{ action, recordType: 'restriction', recordId: id }, ...alerts.value.events],
      writes: [
        store.replace(
          currentRow,
          updated.value,
          fail(
            'not-found',
            'Someone else changed this restriction a moment ago. Open it again to see their change.',
          ),
        ),
        history.insert({
          id: crypto.randomUUID(),
          restrictionId: id,
          at: now.toISOString(),
          version: current,
        }),
        ...alerts.value.writes,
      ],
    });
    if (!written.ok) return written;
    alerts.value.announce();
    return ok(updated.value);
  }

  return {
    /**
     * Who among those a contact form records is restricted from contact with its young person:
     * registered people are matched under every name they are known by, others by the name typed.
     */
    async restrictedAmong(
      session: Session,
      form: Pick<
        ContactForm,
        'youngPersonId' | 'kind' | 'contactStartedAt' | 'personIds' | 'otherParticipants' | 'staffIds'
      >,
      timeZone: string,
    ) {
      const [restrictionRows, personRows] = await Promise.all([
        db.restrictions.where('youngPersonId').equals(form.youngPersonId).toArray(),
        db.people.bulkGet([...form.personIds]),
      ]);
      const [restrictions, people] = await Promise.all([
        openInstructions(restrictionRows, session),
        Promise.all(personRows.flatMap((row) => (row ? [personCodec.decode(row, session.cipher)] : []))),
      ]);
      return restrictedParticipants(
        {
          youngPersonId: form.youngPersonId,
          kind: form.kind,
          contactDay: calendarDateOf(form.contactStartedAt, timeZone),
          people: people.map((person) => ({
            personId: person.id,
            names: [displayPersonName(person), ...person.aliases],
          })),
          otherParticipants: form.otherParticipants,
          hasStaff: form.staffIds.length > 0,
        },
        restrictions,
      );
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
      const { opened, damagedIds } = await openNoting(session, rows, openInstruction(session));
      return {
        restrictions: opened.filter((restriction) => isRestrictionInForce(restriction, today)),
        damagedIds,
      };
    },

    /** The restrictions in force today as this person may see them (the door screen's list). */
    async listInForce(session: Session, today: string): Promise<RestrictionsRead<VisibleRestriction>> {
      if (!can(session.roles, 'restriction:read-instruction')) return { restrictions: [], damagedIds: [] };
      const { opened, damagedIds } = await openVisible(await db.restrictions.toArray(), session);
      return {
        restrictions: opened.filter((restriction) => isRestrictionInForce(restriction, today)),
        damagedIds,
      };
    },

    /** A young person's restrictions as this person may see them, and any that did not open. */
    async listForYoungPerson(
      session: Session,
      youngPersonId: string,
    ): Promise<RestrictionsRead<VisibleRestriction>> {
      const rows = await db.restrictions.where('youngPersonId').equals(youngPersonId).toArray();
      const { opened, damagedIds } = await openVisible(rows, session);
      return { restrictions: opened, damagedIds };
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
      const open = (restriction: VisibleRestriction) => restriction.endedAt === undefined;
      // A lapsed restriction is listed as lapsed only: reviewing it means deciding to end or renew it.
      const hasLapsed = (restriction: VisibleRestriction) =>
        restriction.effectiveTo !== undefined && restriction.effectiveTo < today;
      return {
        dueForReview: due.filter((restriction) => open(restriction) && !hasLapsed(restriction)),
        lapsed: lapsed.filter(open),
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
      if (!can(session.roles, 'restriction:record'))
        return fail(
          'forbidden',
          'Only a Personal Tutor, Case Co-ordinator or the manager can record a restriction.',
        );
      const form = restrictionFormSchema.safeParse(input);
      if (!form.success) return fail('invalid', 'Some details need correcting.', fieldMessages(form.error));
      const restriction = restrictionSchema.parse({
        ...form.data,
        id: crypto.randomUUID(),
        recordedById: session.staff.id,
        ...(can(session.roles, 'restriction:approve') ? { approvedById: session.staff.id } : {}),
      });
      // Recorded with its PAN alert in one transaction (DESIGN rule 2): both, or neither.
      const alerts = await panAlertsForChange(
        db,
        session,
        [
          {
            youngPersonId: restriction.youngPersonId,
            event: 'restrictionAdded',
            reference: restrictionAlertReference(restriction.id),
          },
        ],
        clock,
      );
      if (!alerts.ok) return alerts;
      const written = await records.write(session, {
        events: [
          {
            action: 'restriction.recorded',
            recordType: 'restriction',
            recordId: restriction.id,
            detail: restriction.kind,
          },
          ...alerts.value.events,
        ],
        writes: [store.insert(restriction), ...alerts.value.writes],
      });
      if (!written.ok) return written;
      alerts.value.announce();
      return ok(restriction);
    },

    /** Changes a restriction's details; the version before is kept. */
    async update(
      session: Session,
      id: string,
      input: unknown,
    ): Promise<Result<Restriction, RestrictionChangeError>> {
      if (!can(session.roles, 'restriction:record'))
        return fail(
          'forbidden',
          'Only a Personal Tutor, Case Co-ordinator or the manager can change a restriction.',
        );
      const form = restrictionFormSchema.safeParse(input);
      if (!form.success) return fail('invalid', 'Some details need correcting.', fieldMessages(form.error));
      return change(
        session,
        id,
        'restriction.updated',
        (current) => {
          if (current.endedAt)
            return fail('already-ended', 'This restriction has ended. Record a new one instead.');
          // A change made by someone who cannot approve needs the manager's approval again.
          const approval = can(session.roles, 'restriction:approve')
            ? { approvedById: session.staff.id }
            : {};
          const { approvedById: _previous, ...rest } = current;
          return ok(restrictionSchema.parse({ ...rest, ...form.data, ...approval }));
        },
        'restrictionChanged',
      );
    },

    /** The manager approves a restriction recorded by a PT or CC. */
    async approve(session: Session, id: string): Promise<Result<Restriction, RestrictionChangeError>> {
      if (!can(session.roles, 'restriction:approve'))
        return fail('forbidden', 'Only the Registered Manager can approve a restriction.');
      return change(session, id, 'restriction.approved', (current) =>
        ok({ ...current, approvedById: session.staff.id }),
      );
    },

    /** Ends a restriction, with the reason; it stays in the register and its history. */
    async end(
      session: Session,
      id: string,
      reason: string,
    ): Promise<Result<Restriction, RestrictionChangeError>> {
      if (!can(session.roles, 'restriction:record'))
        return fail(
          'forbidden',
          'Only a Personal Tutor, Case Co-ordinator or the manager can end a restriction.',
        );
      const trimmed = reason.trim();
      if (!trimmed)
        return fail('invalid', 'Say why the restriction is ending.', {
          endedReason: 'Say why the restriction is ending, for example “court order discharged on 3 March”.',
        });
      return change(
        session,
        id,
        'restriction.ended',
        (current) => {
          if (current.endedAt) return fail('already-ended', 'This restriction has already ended.');
          return ok({ ...current, endedAt: clock().toISOString(), endedReason: trimmed });
        },
        'restrictionEnded',
      );
    },
  };
}
export type RestrictionRepository = ReturnType<typeof restrictionRepository>;
