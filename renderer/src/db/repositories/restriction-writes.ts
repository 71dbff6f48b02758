import { restrictionSchema, type Restriction } from '@shared/schemas/registers';
import type { PanEvent } from '@shared/schemas/pan';
import type { VersionRefusal } from '@shared/rules/restriction-versions';
import { fail, ok, type Result } from '@shared/result';
import { z } from 'zod';
import type { FamilyLinksDb } from '../database';
import { recordWriter, type WriteStep } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { restrictionAlertReference } from './pan-alert-repository';
import { panAlertsForChange, type AlertNotQueued, type AlertsForChange } from './pan-alerts-with-change';
import { restrictionCodec } from './restriction-codec';

/** A restriction as it was before a change (its `version`, whole), kept sealed beside when it changed. */
export const restrictionHistoryCodec = createSealedCodec(
  'restrictionHistory',
  z.object({ id: z.string(), restrictionId: z.string(), at: z.string(), version: restrictionSchema }),
  ['id', 'restrictionId', 'at'],
  { sealedField: 'version', compartment: 'casework' },
);

export type RestrictionChangeError = 'forbidden' | 'invalid' | 'not-found' | 'already-ended' | AlertNotQueued;

/** A change or review refused as given, on the field to correct. */
export function refused(refusal: VersionRefusal) {
  return fail('invalid', refusal.message, { [refusal.field]: refusal.message });
}

/** What one change to a restriction does: its next state, what the audit log says, whom to alert. */
export type RestrictionStep = {
  readonly next: Restriction;
  /** Audit actions, in order (a review that changes it is both a review and a change). */
  readonly events: readonly { readonly action: string; readonly detail?: string }[];
  /** The PAN group's event, if the change is one they hear about (DESIGN rule 2). */
  readonly alert?: PanEvent;
};

/**
 * Writes to the restriction register. Every change keeps the version before it, sealed, in
 * `restrictionHistory`, and goes in one transaction with its audit entries and its PAN alerts,
 * so nothing is kept half-written (DESIGN rule 10).
 */
export function restrictionWriter(db: FamilyLinksDb, clock: () => Date) {
  const store = sealedStore(db.restrictions, restrictionCodec);
  const history = sealedStore(db.restrictionHistory, restrictionHistoryCodec);
  const records = recordWriter(db, clock);

  /**
   * The PAN alert's messages and audit entries, ready to join the change; an alert that cannot be
   * queued refuses the change (`pan-alerts-with-change.ts`).
   */
  function prepareAlert(
    session: Session,
    youngPersonId: string,
    restrictionId: string,
    event: PanEvent | undefined,
  ) {
    const requests = event
      ? [{ youngPersonId, event, reference: restrictionAlertReference(restrictionId) }]
      : [];
    return panAlertsForChange(db, session, requests, clock);
  }

  /** Writes steps, audit entries and an alert as one change, then wakes the outbox. */
  async function write<Code extends string>(
    session: Session,
    at: Date,
    recordId: string,
    step: Pick<RestrictionStep, 'events'>,
    writes: readonly WriteStep<Code>[],
    alert: AlertsForChange,
  ) {
    const written = await records.write<Code | AlertNotQueued>(session, {
      at,
      events: [
        ...step.events.map((event) => ({ ...event, recordType: 'restriction', recordId })),
        ...alert.events,
      ],
      writes: [...writes, ...alert.writes],
    });
    if (written.ok) alert.announce();
    return written;
  }

  return {
    /** Adds a new restriction, with its audit entry and alert. */
    async insert(session: Session, restriction: Restriction, step: Omit<RestrictionStep, 'next'>) {
      const alert = await prepareAlert(session, restriction.youngPersonId, restriction.id, step.alert);
      if (!alert.ok) return alert;
      return write(session, clock(), restriction.id, step, [store.insert(restriction)], alert.value);
    },

    /**
     * Replaces a restriction with its next state, keeping the one before in the history. `build`
     * sees the restriction as stored and the time of the change; a refusal leaves it as it was,
     * and so does someone else's change saved a moment before.
     */
    async replace(
      session: Session,
      id: string,
      build: (current: Restriction, now: Date) => Result<RestrictionStep, RestrictionChangeError>,
    ): Promise<Result<Restriction, RestrictionChangeError>> {
      const currentRow = await db.restrictions.get(id);
      if (!currentRow) return fail('not-found', 'That restriction is no longer in the register.');
      const current = await restrictionCodec.decode(currentRow, session.cipher);
      const now = clock();
      const built = build(current, now);
      if (!built.ok) return built;
      const next = restrictionSchema.parse(built.value.next);
      const alert = await prepareAlert(session, current.youngPersonId, id, built.value.alert);
      if (!alert.ok) return alert;
      const written = await write(
        session,
        now,
        id,
        built.value,
        [
          store.replace(
            currentRow,
            next,
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
        ],
        alert.value,
      );
      if (!written.ok) return written;
      return ok(next);
    },
  };
}
