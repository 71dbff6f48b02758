import { sendsHere } from '@shared/rules/sync-scope';
import { parseVersionId } from '@shared/sync/record-merge';
import type { OutboxMessage } from '@shared/schemas/mail';
import type { FamilyLinksDb } from '../database';
import { recordSyncId } from '../sync/change-log';
import { thisDevice } from '../sync/sync-device';
import { computerNamesFromHere } from './computer-names';

/*
 * Which computer sends an alert, and waking the sender when one is queued: read by the outbox
 * and by every repository that queues alerts (PAN alerts, agreed actions, special dates).
 */

/**
 * What a message queued now says of the computer that queued it: this computer's sync id once
 * sync is set up here, so only this computer sends it (`sendsHere`), and nothing before.
 */
export async function queuedOnHere(db: FamilyLinksDb): Promise<{ readonly queuedOn?: string }> {
  const device = await thisDevice(db);
  return device ? { queuedOn: device.deviceId } : {};
}

/**
 * Of these messages, the ids of those this computer sends (and may try again, cancel or release):
 * an alert is sent once, by the computer that queued it (`shared/rules/sync-scope.ts`). One held
 * in two versions (the same alert queued on two computers apart, `shared/rules/alert-once.ts`) is
 * sent nowhere until the merging pass settles which copy stands: the other may have left already.
 */
export async function sentHere(
  db: FamilyLinksDb,
  rows: readonly { readonly id: string; readonly queuedOn?: string }[],
): Promise<ReadonlySet<string>> {
  const deviceId = (await thisDevice(db))?.deviceId;
  // Only a message queued before sync, without its computer, needs its version's writer.
  const unnamed = deviceId === undefined ? [] : rows.filter((row) => row.queuedOn === undefined);
  const [versions, conflicts] = await Promise.all([
    db.syncVersions.bulkGet(unnamed.map((row) => recordSyncId('outbox', row.id))),
    deviceId === undefined ? [] : db.syncConflicts.bulkGet(rows.map((row) => recordSyncId('outbox', row.id))),
  ]);
  const versionBy = new Map(
    unnamed.map((row, index) => [row.id, parseVersionId(versions[index]?.version ?? '')?.d] as const),
  );
  const unsettled = new Set(conflicts.flatMap((conflict) => (conflict ? [conflict.key] : [])));
  return new Set(
    rows
      .filter(
        (row) => !unsettled.has(row.id) && sendsHere(row, { deviceId, versionBy: versionBy.get(row.id) }),
      )
      .map((row) => row.id),
  );
}

/** Another send of a message, by the computer's name ("Front desk", or "this computer"). */
export type NamedSend = { readonly computer: string; readonly sentAt: string };

/**
 * The messages with their other sends named (`alsoSentFrom`): the computers that sent the same
 * alert while they could not reach each other (`shared/rules/alert-once.ts`), by the names the
 * registry signed for them, so the outbox can say in words that the group was told more than once.
 */
export async function withOtherSendsNamed<Message extends OutboxMessage>(
  db: FamilyLinksDb,
  messages: readonly Message[],
): Promise<(Message & { readonly alsoSentFrom?: readonly NamedSend[] })[]> {
  if (!messages.some((message) => message.alsoSentBy?.length)) return [...messages];
  const named = await computerNamesFromHere(db);
  return messages.map((message) =>
    message.alsoSentBy?.length
      ? {
          ...message,
          alsoSentFrom: message.alsoSentBy.map((send) => ({
            computer: named(send.computer),
            sentAt: send.sentAt,
          })),
        }
      : message,
  );
}

/** Tells a running sender that there is something new to send (set by the sender while it runs). */
const listeners = new Set<() => void>();
export function onOutboxQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Wakes a running sender: something has just been queued. */
export function announceQueued(): void {
  for (const listener of listeners) listener();
}
