import type { PanAlertRequest } from '@shared/schemas/pan';
import type { Result } from '@shared/result';
import type { FamilyLinksDb } from '../../db/database';
import type { OutboxError } from '../../db/repositories/outbox-repository';
import { panAlertRepository, type QueuedAlerts } from '../../db/repositories/pan-alert-repository';
import type { Session } from '../../db/session';

/**
 * Tells a young person's PAN group that something happened. Call it AFTER your own change has been
 * saved (never inside your transaction): it reads the group, queues one message per person who
 * should hear (the PT always; members who asked for this event), with initials and the reference
 * only, and records each in the disclosure log. The outbox sends them when mail is set up.
 *
 *   await queuePanAlert(db, session, { youngPersonId, event: 'formFiled', reference: form.reference,
 *     summary: 'Home visit on 3 March', contactFormId: form.id });
 *
 * `summary` goes into an email: no names, no content of the form. A failure here never undoes your
 * change; show `result.error.message` if it is not ok.
 */
export function queuePanAlert(
  db: FamilyLinksDb,
  session: Session,
  request: PanAlertRequest,
  clock?: () => Date,
): Promise<Result<QueuedAlerts, OutboxError>> {
  return panAlertRepository(db, clock).queueAlert(session, request);
}
