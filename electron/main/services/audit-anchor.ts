import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AnchorHistoryEntry, AnchorState, AuditLink } from '../../../shared/ipc/channels/audit';
import type { IpcReply } from '../../../shared/ipc/contract';
import { genesisMac } from '../../../shared/rules/audit-chain';
import { writeFileAtomically } from './atomic-file';
import { readJsonFile } from './json-file';
import type { MainKeyedFileOptions } from './main-key';
import { serialQueue } from './serial-queue';

/**
 * Keeps a copy of the audit chain's head in the app's own folder, outside IndexedDB, so that the
 * last entries cannot be cut off the log unseen. It fails closed:
 *
 * - The anchor file carries a MAC under the main process's key (main-key.ts): an edited or
 *   damaged file reads as `damaged`, never as "no anchor".
 * - Once this computer has anchored a log, its history (`audit-anchor-history.jsonl`, a MAC'd line
 *   per event, only ever appended) says so: a missing anchor file then reads as `missing`. Only a
 *   computer with neither has `none`, and for it only an empty log is whole.
 * - It moves forward only along links that follow on from the head it holds (each entry's seq,
 *   previous MAC and MAC, the first naming the stored MAC); from nothing, only from entry 1. It
 *   never re-anchors a log it has lost track of: that stays "cannot be verified".
 * - It moves back only after a restore: to the head written in the header of a backup this process
 *   opened, checked and read through (`RestoreRecord`, from the backup service), for a Registered
 *   Manager (checked by the caller), never to nothing. The step is in the history first.
 *
 * It cannot check the MACs in the links are genuine (that needs the audit key, which only the
 * page holds); what it proves is that the head it holds is one a chain of links led to from the
 * last, and that nothing but a checked restore moved it back.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const anchorFileSchema = z
  .object({ seq: z.number().int().positive(), mac: hex64, storedAt: z.string(), tag: hex64 })
  .strict();
/** What the app wrote before anchors carried a MAC: adopted once, by the first run that makes the key. */
const legacyAnchorSchema = z
  .object({ seq: z.number().int().positive(), mac: hex64, storedAt: z.string() })
  .strict();
const historyLineSchema = z.object({
  at: z.string(),
  kind: z.enum(['started', 'adopted', 'rebased', 'refused-rebase']),
  backupFileName: z.string().optional(),
  backupSha256: z.string().optional(),
  previousSeq: z.number().int().nonnegative().nullable().optional(),
  newSeq: z.number().int().nonnegative().nullable().optional(),
  by: z.string().optional(),
  note: z.string().optional(),
  tag: z.string().optional(),
});
type HistoryLine = Omit<z.infer<typeof historyLineSchema>, 'tag'>;
/** A line an earlier version wrote on a restore, before lines were sealed. */
const legacyHistoryLineSchema = z.object({
  at: z.string(),
  reason: z.literal('restored-from-backup'),
  backupFileName: z.string().optional(),
  previous: z.object({ seq: z.number() }).nullable().optional(),
  replacedBy: z.object({ seq: z.number() }).nullable().optional(),
});

const anchorPurpose = 'audit-anchor';
const historyPurpose = 'audit-anchor-history';

/** A backup opened, checked and read to its last chunk in this run: all a rebase may go by. */
export type RestoreRecord = {
  readonly fileName: string;
  readonly sha256: string;
  readonly auditHead: { readonly seq: number; readonly mac: string } | null | undefined;
  readonly isReadThrough: boolean;
};

export function createAuditAnchorService(options: MainKeyedFileOptions) {
  const path = join(options.folder, 'audit-anchor.json');
  const historyPath = join(options.folder, 'audit-anchor-history.jsonl');
  const now = options.now ?? (() => new Date());
  // One change at a time, so two quick appends cannot land out of order.
  const serialised = serialQueue();

  async function readHistoryLines(): Promise<{ line: HistoryLine; isAuthentic: boolean }[]> {
    let text: string;
    try {
      text = await readFile(historyPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lines: { line: HistoryLine; isAuthentic: boolean }[] = [];
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      const parsed = historyLineSchema.safeParse(json);
      if (!parsed.success) {
        const legacy = legacyHistoryLineSchema.safeParse(json);
        lines.push({
          line: legacy.success
            ? {
                at: legacy.data.at,
                kind: 'rebased',
                ...(legacy.data.backupFileName ? { backupFileName: legacy.data.backupFileName } : {}),
                previousSeq: legacy.data.previous?.seq ?? null,
                newSeq: legacy.data.replacedBy?.seq ?? null,
                note: 'recorded by an earlier version, before these lines were sealed',
              }
            : { at: '', kind: 'refused-rebase', note: 'a line that cannot be read' },
          isAuthentic: false,
        });
        continue;
      }
      const { tag, ...line } = parsed.data;
      lines.push({ line, isAuthentic: await options.mainKey.verify(historyPurpose, line, tag ?? '') });
    }
    return lines;
  }

  async function appendHistory(line: HistoryLine): Promise<void> {
    const tag = await options.mainKey.mac(historyPurpose, line);
    // The history first, flushed: if the anchor then failed to change, the attempt is still on record.
    await appendFile(historyPath, `${JSON.stringify({ ...line, ...(tag ? { tag } : {}) })}\n`, {
      encoding: 'utf8',
      flush: true,
    });
  }

  async function writeAnchor(head: { seq: number; mac: string }): Promise<AnchorState> {
    const storedAt = now().toISOString();
    const tag = await options.mainKey.mac(anchorPurpose, { seq: head.seq, mac: head.mac, storedAt });
    if (!tag) throw new Error('The main process’s key is not available');
    await writeFileAtomically(path, JSON.stringify({ seq: head.seq, mac: head.mac, storedAt, tag }));
    return { state: 'anchored', seq: head.seq, mac: head.mac, storedAt };
  }

  const cannotVerify = (message: string): AnchorState => ({ state: 'unverifiable', message });

  async function read(): Promise<AnchorState> {
    const keyState = await options.mainKey.state();
    if (keyState.state !== 'ready') return cannotVerify(keyState.message);
    const stored = await readJsonFile(path, z.unknown());
    if (stored.state === 'read') {
      const anchor = anchorFileSchema.safeParse(stored.value);
      if (anchor.success) {
        const { tag, ...value } = anchor.data;
        if (await options.mainKey.verify(anchorPurpose, value, tag))
          return { state: 'anchored', seq: value.seq, mac: value.mac, storedAt: value.storedAt };
        return {
          state: 'damaged',
          message:
            'The record Family Links keeps of where the audit log ends has been changed outside the app (its seal does not match).',
        };
      }
      const legacy = legacyAnchorSchema.safeParse(stored.value);
      // Written by an earlier version: adopted only by the run that first made the key (the first
      // run of this version) and before this computer's sealed history has anything in it; a file
      // planted any later carries no MAC and is damaged.
      if (
        legacy.success &&
        (await options.mainKey.madeByThisProcess()) &&
        !(await readHistoryLines()).some((line) => line.isAuthentic)
      ) {
        await appendHistory({
          at: now().toISOString(),
          kind: 'adopted',
          newSeq: legacy.data.seq,
          note: 'the anchor written before anchors were sealed was taken over as it stood',
        });
        return writeAnchor(legacy.data);
      }
    }
    if (stored.state === 'damaged' || stored.state === 'read')
      return {
        state: 'damaged',
        message: 'The record Family Links keeps of where the audit log ends is damaged or unreadable.',
      };
    if ((await readHistoryLines()).length > 0)
      return {
        state: 'missing',
        message:
          'The record Family Links keeps of where the audit log ends has been removed from this computer.',
      };
    return { state: 'none' };
  }

  /** Where `links` lead from `from` (null: from before entry 1), or why they do not follow on. */
  function follow(
    from: { seq: number; mac: string } | null,
    links: readonly AuditLink[],
  ): { seq: number; mac: string } | 'does-not-follow' | 'older-than-stored' {
    const startSeq = (from?.seq ?? 0) + 1;
    const fresh = links.filter((link) => link.seq >= startSeq);
    if (fresh.length === 0) {
      // Nothing new: fine if the links end exactly at the stored head, otherwise behind it.
      const last = links[links.length - 1];
      return from && last && last.seq === from.seq && last.mac === from.mac ? from : 'older-than-stored';
    }
    let previous = { seq: startSeq - 1, mac: from?.mac ?? genesisMac };
    for (const link of fresh) {
      if (link.seq !== previous.seq + 1 || link.previousMac !== previous.mac) return 'does-not-follow';
      previous = { seq: link.seq, mac: link.mac };
    }
    return previous;
  }

  return {
    async readAnchor(): Promise<IpcReply<'audit:read-anchor'>> {
      const keyState = await options.mainKey.state();
      return {
        anchor: await serialised(read),
        keyProtection: keyState.state === 'ready' ? keyState.protection : 'unreadable',
      };
    },

    async history(): Promise<IpcReply<'audit:anchor-history'>> {
      const lines = await readHistoryLines();
      const entries: AnchorHistoryEntry[] = lines
        .map(({ line, isAuthentic }) => ({
          at: line.at,
          kind: line.kind,
          ...(line.backupFileName !== undefined ? { backupFileName: line.backupFileName } : {}),
          ...(line.previousSeq !== undefined ? { previousSeq: line.previousSeq } : {}),
          ...(line.newSeq !== undefined ? { newSeq: line.newSeq } : {}),
          ...(line.by !== undefined ? { by: line.by } : {}),
          ...(line.note !== undefined ? { note: line.note } : {}),
          isAuthentic,
        }))
        .reverse();
      return { entries: entries.slice(0, 500) };
    },

    anchorHead(links: readonly AuditLink[]): Promise<IpcReply<'audit:anchor-head'>> {
      return serialised(async () => {
        const stored = await read();
        if (stored.state !== 'anchored' && stored.state !== 'none') {
          options.log?.('Refused to move an audit anchor that cannot be verified', { state: stored.state });
          return { outcome: 'cannot-verify', anchor: stored };
        }
        const from = stored.state === 'anchored' ? { seq: stored.seq, mac: stored.mac } : null;
        const next = follow(from, links);
        if (next === 'older-than-stored' || next === 'does-not-follow') {
          options.log?.(
            next === 'older-than-stored'
              ? 'Refused to move the audit anchor backwards'
              : 'Refused an audit head that does not follow on from the anchor',
            { stored: from?.seq ?? null, offered: links[links.length - 1]?.seq },
          );
          return { outcome: next, anchor: stored };
        }
        if (from && next.seq === from.seq) return { outcome: 'stored', anchor: stored };
        if (!from)
          await appendHistory({
            at: now().toISOString(),
            kind: 'started',
            newSeq: next.seq,
            note: 'the first entries of this computer’s log',
          });
        return { outcome: 'stored', anchor: await writeAnchor(next) };
      });
    },

    /** Moves the anchor to a checked restore's head; `by` names the manager whose proof allowed it. */
    rebaseAnchor(restore: RestoreRecord | undefined, by: string): Promise<IpcReply<'audit:rebase-anchor'>> {
      return serialised(async (): Promise<IpcReply<'audit:rebase-anchor'>> => {
        const refuse = async (
          code: 'not-in-restore' | 'not-read-through' | 'no-head' | 'cannot-verify',
          message: string,
        ): Promise<IpcReply<'audit:rebase-anchor'>> => {
          options.log?.('Refused to move the audit anchor', { code });
          if (code !== 'cannot-verify')
            await appendHistory({
              at: now().toISOString(),
              kind: 'refused-rebase',
              ...(restore ? { backupFileName: restore.fileName } : {}),
              by,
              note: code,
            });
          return { outcome: 'refused', code, message };
        };
        if (!restore)
          return refuse(
            'not-in-restore',
            'The audit log’s record can only be moved back during a restore from a backup, and no restore is open.',
          );
        if (!restore.isReadThrough)
          return refuse(
            'not-read-through',
            'The backup has not been read to its end, so the audit log’s record was not moved.',
          );
        if (!restore.auditHead)
          return refuse(
            'no-head',
            'This backup does not say where its audit log ends (it was made by an earlier version), so the audit log’s record was not moved. Checks of the log will say it cannot be verified.',
          );
        const keyState = await options.mainKey.state();
        if (keyState.state !== 'ready') return refuse('cannot-verify', keyState.message);
        const stored = await read();
        const previous = stored.state === 'anchored' ? { seq: stored.seq, mac: stored.mac } : null;
        await appendHistory({
          at: now().toISOString(),
          kind: 'rebased',
          backupFileName: restore.fileName,
          backupSha256: restore.sha256,
          previousSeq: previous?.seq ?? null,
          newSeq: restore.auditHead.seq,
          by,
          ...(stored.state === 'anchored' || stored.state === 'none'
            ? {}
            : { note: `the anchor was ${stored.state}` }),
        });
        await writeAnchor(restore.auditHead);
        options.log?.('The audit anchor was moved to a restored backup’s head', {
          previous: previous?.seq ?? null,
          now: restore.auditHead.seq,
        });
        return {
          outcome: 'rebased',
          previous,
          head: { seq: restore.auditHead.seq, mac: restore.auditHead.mac },
        };
      });
    },
  };
}
export type AuditAnchorService = ReturnType<typeof createAuditAnchorService>;
