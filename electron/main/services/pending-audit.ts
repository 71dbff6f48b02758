import { join } from 'node:path';
import { z } from 'zod';
import type { PendingAuditEvent } from '../../../shared/ipc/channels/audit';
import type { IpcReply, IpcRequest } from '../../../shared/ipc/contract';
import { writeFileAtomically } from './atomic-file';
import { readJsonFile } from './json-file';
import type { MainKeyedFileOptions } from './main-key';
import { serialQueue } from './serial-queue';

/**
 * Failed and refused sign-ins happen before anyone holds the audit key, so the page keeps them
 * aside (`pendingAudit`) until the next sign-in chains them into the log. Here the main process
 * stamps each one with its own clock and a number, and MACs it with its own key, so that when they
 * are chained in it can say which are its own and unchanged, and how many it stamped that are no
 * longer there (removed while they waited). A row it did not stamp, or that was changed, is
 * chained in marked as unverified, never silently trusted or dropped.
 *
 * The counter file is MAC'd too; if it is edited or deleted, every row still checks by its own MAC,
 * but the count of rows removed before that is lost (an edited counter is reported; a deleted one
 * looks like a first run).
 */
const purpose = 'pending-audit';
const counterPurpose = 'pending-audit-counter';
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const counterSchema = z
  .object({ nextN: z.number().int().positive(), checkedThrough: z.number().int().nonnegative(), tag: hex64 })
  .strict();

export function createPendingAuditService(options: MainKeyedFileOptions) {
  const path = join(options.folder, 'pending-audit.json');
  const now = options.now ?? (() => new Date());
  const serialised = serialQueue();

  async function readCounter(): Promise<{ nextN: number; checkedThrough: number; isTrusted: boolean }> {
    const stored = await readJsonFile(path, counterSchema);
    if (stored.state === 'read') {
      const { tag, ...value } = stored.value;
      if (await options.mainKey.verify(counterPurpose, value, tag)) return { ...value, isTrusted: true };
      options.log?.('The failed sign-in counter was changed outside the app; starting it again');
    }
    // A new counter starts at this moment's millisecond count, above every number an earlier one
    // gave out, so a row stamped before the counter was lost or changed is never taken for a new one.
    const start = now().getTime();
    return { nextN: start, checkedThrough: start - 1, isTrusted: stored.state === 'missing' };
  }

  async function writeCounter(value: { nextN: number; checkedThrough: number }): Promise<void> {
    const tag = await options.mainKey.mac(counterPurpose, value);
    if (!tag) return;
    await writeFileAtomically(path, JSON.stringify({ ...value, tag }));
  }

  const sealedValue = (n: number, at: string, event: PendingAuditEvent) => ({ n, at, event });

  return {
    seal(event: PendingAuditEvent): Promise<IpcReply<'audit:seal-pending'>> {
      return serialised(async (): Promise<IpcReply<'audit:seal-pending'>> => {
        const counter = await readCounter();
        const n = counter.nextN;
        const at = now().toISOString();
        const tag = await options.mainKey.mac(purpose, sealedValue(n, at, event));
        if (!tag)
          return {
            outcome: 'cannot-verify',
            message: 'The main process’s key is not available, so this event cannot be sealed.',
          };
        await writeCounter({ nextN: n + 1, checkedThrough: counter.checkedThrough });
        return { outcome: 'sealed', sealed: { n, at, tag } };
      });
    },

    check(request: IpcRequest<'audit:check-pending'>): Promise<IpcReply<'audit:check-pending'>> {
      return serialised(async (): Promise<IpcReply<'audit:check-pending'>> => {
        const counter = await readCounter();
        const authentic: boolean[] = [];
        const seen = new Set<number>();
        for (const row of request.rows) {
          const isAuthentic =
            row.n !== undefined &&
            row.tag !== undefined &&
            // A number this counter never gave out is not its own (unless the counter itself was lost).
            (!counter.isTrusted || row.n < counter.nextN) &&
            !seen.has(row.n) &&
            (await options.mainKey.verify(purpose, sealedValue(row.n, row.at, row.event), row.tag));
          if (isAuthentic && row.n !== undefined) seen.add(row.n);
          authentic.push(isAuthentic);
        }
        // Every number stamped since the last check that is not here was removed while waiting.
        let missing = 0;
        if (counter.isTrusted)
          for (let n = counter.checkedThrough + 1; n < counter.nextN; n += 1) if (!seen.has(n)) missing += 1;
        await writeCounter({ nextN: counter.nextN, checkedThrough: counter.nextN - 1 });
        return { authentic, missing, isCountKnown: counter.isTrusted };
      });
    },
  };
}
export type PendingAuditService = ReturnType<typeof createPendingAuditService>;
