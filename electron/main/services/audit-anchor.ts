import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { IpcReply, IpcRequest } from '../../../shared/ipc/contract';
import { writeFileAtomically } from './atomic-file';
import { readJsonFile } from './json-file';

const anchorSchema = z.object({
  seq: z.number().int().positive(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  storedAt: z.string(),
});
export type AuditAnchor = z.infer<typeof anchorSchema>;

/**
 * Keeps a copy of the audit chain's head in the app's own folder, outside IndexedDB. It only ever
 * moves forward: a head older than the one stored is refused (and reported), because a log does
 * not shrink. The one exception is a restore from a backup (`rebaseAnchor`), whose log starts
 * from the backup's head: the anchor it replaces is appended to `audit-anchor-history.jsonl`, a
 * line each, never rewritten. Plain Node: the folder is passed in (userData in the app, a
 * temporary folder in tests).
 */
export function createAuditAnchorService(options: {
  folder: string;
  now?: () => Date;
  log?: (message: string, detail?: unknown) => void;
}) {
  const path = join(options.folder, 'audit-anchor.json');
  const historyPath = join(options.folder, 'audit-anchor-history.jsonl');
  const now = options.now ?? (() => new Date());
  // One write at a time, so two quick appends cannot land out of order.
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<AuditAnchor | null> {
    const stored = await readJsonFile(path, anchorSchema);
    if (stored.state === 'damaged')
      options.log?.('The audit anchor file is damaged; treating it as missing', stored.detail);
    return stored.state === 'read' ? stored.value : null;
  }

  return {
    readAnchor: async (): Promise<IpcReply<'audit:read-anchor'>> => ({ anchor: await read() }),

    anchorHead(head: { seq: number; mac: string }): Promise<IpcReply<'audit:anchor-head'>> {
      const task = queue.then(async (): Promise<IpcReply<'audit:anchor-head'>> => {
        const stored = await read();
        if (stored && head.seq < stored.seq) {
          options.log?.('Refused to move the audit anchor backwards', {
            stored: stored.seq,
            offered: head.seq,
          });
          return { outcome: 'older-than-stored' };
        }
        await writeFileAtomically(
          path,
          JSON.stringify({ ...head, storedAt: now().toISOString() } satisfies AuditAnchor),
        );
        return { outcome: 'stored' };
      });
      queue = task.catch(() => undefined);
      return task;
    },

    rebaseAnchor(request: IpcRequest<'audit:rebase-anchor'>): Promise<IpcReply<'audit:rebase-anchor'>> {
      const task = queue.then(async (): Promise<IpcReply<'audit:rebase-anchor'>> => {
        const stored = await read();
        const at = now().toISOString();
        // The history first: if the anchor were replaced and the history line then failed, the step back would be unrecorded.
        await appendFile(
          historyPath,
          `${JSON.stringify({ at, reason: request.reason, backupFileName: request.backupFileName, previous: stored, replacedBy: request.head })}\n`,
          { encoding: 'utf8', flush: true },
        );
        if (request.head)
          await writeFileAtomically(
            path,
            JSON.stringify({ ...request.head, storedAt: at } satisfies AuditAnchor),
          );
        else await rm(path, { force: true });
        options.log?.('The audit anchor was moved to a restored backup’s head', {
          previous: stored?.seq ?? null,
          now: request.head?.seq ?? null,
        });
        return { outcome: 'rebased', previous: stored ? { seq: stored.seq, mac: stored.mac } : null };
      });
      queue = task.catch(() => undefined);
      return task;
    },
  };
}
export type AuditAnchorService = ReturnType<typeof createAuditAnchorService>;
