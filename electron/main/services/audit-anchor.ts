import { join } from 'node:path';
import { z } from 'zod';
import type { IpcReply } from '../../../shared/ipc/contract';
import { writeFileAtomically } from './atomic-file';
import { readJsonFile } from './json-file';

const anchorSchema = z.object({ seq: z.number().int().positive(), mac: z.string().regex(/^[0-9a-f]{64}$/), storedAt: z.string() });
export type AuditAnchor = z.infer<typeof anchorSchema>;

/**
 * Keeps a copy of the audit chain's head in the app's own folder, outside IndexedDB. It only ever
 * moves forward: a head older than the one stored is refused (and reported), because a log does
 * not shrink. Plain Node: the folder is passed in (userData in the app, a temporary folder in tests).
 */
export function createAuditAnchorService(options: { folder: string; now?: () => Date; log?: (message: string, detail?: unknown) => void }) {
  const path = join(options.folder, 'audit-anchor.json');
  const now = options.now ?? (() => new Date());
  // One write at a time, so two quick appends cannot land out of order.
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<AuditAnchor | null> {
    const stored = await readJsonFile(path, anchorSchema);
    if (stored.state === 'damaged') options.log?.('The audit anchor file is damaged; treating it as missing', stored.detail);
    return stored.state === 'read' ? stored.value : null;
  }

  return {
    readAnchor: async (): Promise<IpcReply<'audit:read-anchor'>> => ({ anchor: await read() }),

    anchorHead(head: { seq: number; mac: string }): Promise<IpcReply<'audit:anchor-head'>> {
      const task = queue.then(async (): Promise<IpcReply<'audit:anchor-head'>> => {
        const stored = await read();
        if (stored && head.seq < stored.seq) {
          options.log?.('Refused to move the audit anchor backwards', { stored: stored.seq, offered: head.seq });
          return { outcome: 'older-than-stored' };
        }
        await writeFileAtomically(path, JSON.stringify({ ...head, storedAt: now().toISOString() } satisfies AuditAnchor));
        return { outcome: 'stored' };
      });
      queue = task.catch(() => undefined);
      return task;
    },
  };
}
export type AuditAnchorService = ReturnType<typeof createAuditAnchorService>;
