import { z } from 'zod';
import '../../zod-setup';
import { withManagerProof } from '../manager-proof';
import { noRequest } from '../no-request';

/**
 * The audit log's anchor: a copy of the chain's head the main process keeps outside IndexedDB,
 * authenticated with a key only the main process holds (electron/main/services/main-key.ts), and
 * the failed sign-ins recorded before anyone holds the audit key.
 *
 * What the main process can check, without the audit key: that a new head follows on from the one
 * it holds (the page sends the links between them: each entry's seq, previous MAC and MAC, and
 * the first must name the stored head's MAC); that the anchor never moves back except to the head
 * of a backup it opened, checked and read through in this run; and that its own files have not
 * been changed. It cannot check that the MACs in the links are genuine: only the audit key can.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const auditLinkSchema = z
  .object({ seq: z.number().int().positive(), previousMac: hex64, mac: hex64 })
  .strict();
export type AuditLink = z.infer<typeof auditLinkSchema>;

/** At most this many links in one call: a longer catch-up is sent in several. */
export const maxAuditLinks = 5000;

export const anchorStateSchema = z.discriminatedUnion('state', [
  z
    .object({
      state: z.literal('anchored'),
      seq: z.number().int().positive(),
      mac: hex64,
      storedAt: z.string(),
    })
    .strict(),
  /** This computer has never anchored a log: only an empty log is whole. */
  z.object({ state: z.literal('none') }).strict(),
  /** There was an anchor (its history says so) and its file is gone, damaged, or cannot be checked. */
  z.object({ state: z.enum(['missing', 'damaged', 'unverifiable']), message: z.string() }).strict(),
]);
export type AnchorState = z.infer<typeof anchorStateSchema>;

export const keyProtectionSchema = z.enum(['os', 'weak', 'none', 'unreadable']);

export const anchorHistoryEntrySchema = z
  .object({
    at: z.string(),
    kind: z.enum(['started', 'adopted', 'rebased', 'refused-rebase']),
    backupFileName: z.string().optional(),
    previousSeq: z.number().int().nonnegative().nullable().optional(),
    newSeq: z.number().int().nonnegative().nullable().optional(),
    by: z.string().optional(),
    note: z.string().optional(),
    /** False when the line does not carry the main process's MAC: written or changed by something else. */
    isAuthentic: z.boolean(),
  })
  .strict();
export type AnchorHistoryEntry = z.infer<typeof anchorHistoryEntrySchema>;

export const pendingAuditEventSchema = z
  .object({
    action: z.string().min(1).max(100),
    recordType: z.string().max(100).optional(),
    recordId: z.string().max(200).optional(),
    detail: z.string().max(2000).optional(),
    /** Whose event it is, when a session ended and so no longer holds the audit key (a lock, a sign-out). */
    actorId: z.string().max(200).optional(),
  })
  .strict();
export type PendingAuditEvent = z.infer<typeof pendingAuditEventSchema>;

export const sealedPendingSchema = z
  .object({ n: z.number().int().positive(), at: z.iso.datetime(), tag: hex64 })
  .strict();

export const auditChannels = {
  /**
   * Moves the anchor on. `links` run from the entry after the stored head to the new head (from
   * entry 1 when nothing is anchored yet); anything that does not follow on is refused and the
   * anchor stays where it is, so a log cut and then grown past it still shows.
   */
  'audit:anchor-head': {
    request: z.object({ links: z.array(auditLinkSchema).min(1).max(maxAuditLinks) }).strict(),
    reply: z.object({
      outcome: z.enum(['stored', 'older-than-stored', 'does-not-follow', 'cannot-verify']),
      anchor: anchorStateSchema,
    }),
  },
  'audit:read-anchor': {
    request: noRequest,
    reply: z.object({ anchor: anchorStateSchema, keyProtection: keyProtectionSchema }),
  },
  /** The anchor's history, newest first: every start, adoption and restore, each with its MAC checked. */
  'audit:anchor-history': {
    request: noRequest,
    reply: z.object({ entries: z.array(anchorHistoryEntrySchema) }),
  },
  /**
   * After a restore: moves the anchor to the head written in the backup's header, for a backup
   * this process opened (`readId`), checked and read to its last chunk. Never to anything else,
   * never to nothing, and only for a Registered Manager (the proof).
   */
  'audit:rebase-anchor': {
    request: withManagerProof(z.object({ readId: z.uuid() })),
    reply: z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('rebased'),
        previous: z.object({ seq: z.number().int().positive(), mac: z.string() }).nullable(),
        head: z.object({ seq: z.number().int().positive(), mac: hex64 }),
      }),
      z.object({
        outcome: z.literal('refused'),
        code: z.enum(['not-in-restore', 'not-read-through', 'no-head', 'cannot-verify']),
        message: z.string(),
      }),
    ]),
  },
  /** A failed or refused sign-in, stamped and MAC'd by the main process before it is stored. */
  'audit:seal-pending': {
    request: z.object({ event: pendingAuditEventSchema }).strict(),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('sealed'), sealed: sealedPendingSchema }),
      z.object({ outcome: z.literal('cannot-verify'), message: z.string() }),
    ]),
  },
  /**
   * Before pending events are chained in: which are the main process's own, unchanged, and how
   * many it sealed that are not among them (deleted while waiting).
   */
  'audit:check-pending': {
    request: z
      .object({
        rows: z
          .array(
            z
              .object({
                event: pendingAuditEventSchema,
                n: z.number().int().positive().optional(),
                at: z.string().max(40),
                tag: z.string().max(64).optional(),
              })
              .strict(),
          )
          .max(10_000),
      })
      .strict(),
    reply: z.object({
      authentic: z.array(z.boolean()),
      missing: z.number().int().nonnegative(),
      /** False when the main process's own count was changed outside the app, so `missing` is unknown. */
      isCountKnown: z.boolean(),
    }),
  },
} as const;
