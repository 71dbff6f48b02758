import type { PanAlertRequest } from '@shared/schemas/pan';
import { fail, ok, type Result } from '@shared/result';
import { whatToDoNext } from '@shared/rules/what-to-do-next';
import type { StaffRole } from '@shared/schemas/staff';
import type { FamilyLinksDb } from '../database';
import { refusedIfFails, type WriteStep } from '../record-writer';
import type { Session } from '../session';
import type { AuditEventInput } from './audit-log-repository';
import { announceQueued } from './outbox-sending';
import { panAlertRepository } from './pan-alert-repository';

export type AlertNotQueued = 'alert-not-queued';

/** What the person reads when a change's PAN alert cannot be queued: the change was not saved either. */
export function alertNotQueuedMessage(roles: readonly StaffRole[]): string {
  return `The change was not saved because the alert to the PAN group could not be queued. ${whatToDoNext(roles, 'not-saved')}`;
}

/**
 * PAN alerts made ready to join a change: put `events` and `writes` into the change's own
 * `records.write`, so the change and its alerts are kept in one transaction or not at all, and
 * call `announce()` once it has committed (the outbox then sends them).
 */
export type AlertsForChange = {
  readonly events: readonly AuditEventInput[];
  readonly writes: readonly WriteStep<AlertNotQueued>[];
  /** How many messages were queued (one per person told). */
  readonly messages: number;
  announce(): void;
};

/**
 * Makes ready the PAN alerts a change raises (DESIGN rule 2: the PT and the PAN group are told),
 * one per request. If any cannot be made ready, or later cannot be sealed or written, the change
 * is refused with `alertNotQueuedMessage` rather than saved without its alert: the group would
 * otherwise never hear, and nobody would know. A young person whose record is gone has no group
 * to tell, so that request is left out.
 */
export async function panAlertsForChange(
  db: FamilyLinksDb,
  session: Session,
  requests: readonly PanAlertRequest[],
  clock?: () => Date,
): Promise<Result<AlertsForChange, AlertNotQueued>> {
  const refusal = fail('alert-not-queued', alertNotQueuedMessage(session.roles));
  const alerts = panAlertRepository(db, clock);
  const events: AuditEventInput[] = [];
  const writes: WriteStep<AlertNotQueued>[] = [];
  let messages = 0;
  for (const request of requests) {
    try {
      const prepared = await alerts.prepareAlert(session, request);
      if (!prepared.ok) {
        if (prepared.error.code === 'not-found') continue;
        console.error('A PAN alert could not be made ready', prepared.error.message);
        return refusal;
      }
      events.push(...prepared.value.events);
      writes.push(...prepared.value.writes.map((step) => refusedIfFails(step, refusal)));
      messages += prepared.value.messages.length;
    } catch (error) {
      console.error('A PAN alert could not be made ready', error);
      return refusal;
    }
  }
  return ok({
    events,
    writes,
    messages,
    announce: () => {
      if (messages > 0) announceQueued();
    },
  });
}
