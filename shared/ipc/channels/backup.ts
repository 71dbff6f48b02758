import { z } from 'zod';
import '../../zod-setup';
import {
  backupChunkSchema,
  backupFailureSchema,
  backupFileSummarySchema,
  backupHeaderSchema,
  backupSettingsSchema,
} from '../../schemas/backup';
import { withManagerProof } from '../manager-proof';
import { noRequest } from '../no-request';

/**
 * Backups and restore. The renderer holds the keys, so it reads the tables, encrypts
 * them chunk by chunk and streams the chunks here; the main process writes them into the backup
 * folder (chosen through the system dialog and remembered here, never named in a request), checks
 * the file's SHA-256 before a restore, and hands the chunks back one at a time. No request names a
 * path: only ids this process gave out, or the name of a backup it listed in its own folder.
 */

const handleId = z.uuid();
const written = z
  .object({
    outcome: z.literal('written'),
    fileName: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    removed: z.array(z.string()),
  })
  .strict();

export const backupChannels = {
  'backup:get-settings': {
    request: noRequest,
    reply: backupSettingsSchema,
  },
  /** Manager only. Opens the system's folder dialog; the folder chosen is remembered for every later backup. */
  'backup:choose-folder': {
    request: withManagerProof(z.object({})),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('chosen'), settings: backupSettingsSchema }).strict(),
      z.object({ outcome: z.literal('cancelled') }).strict(),
      backupFailureSchema,
    ]),
  },
  /** Manager only. */
  'backup:set-options': {
    request: withManagerProof(
      z.object({ keep: z.number().int().min(1).max(100), intervalDays: z.number().int().min(1).max(31) }),
    ),
    reply: backupSettingsSchema,
  },
  /**
   * Anyone signed in with a certificate from the home's CA (a colleague's proof): a backup counts
   * towards `keep`, so one begun from a page where no one is signed in could push the real ones
   * out. The write id it returns is what append, finish and abort go by.
   */
  'backup:begin': {
    request: withManagerProof(z.object({ header: backupHeaderSchema })),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('started'), writeId: handleId }).strict(),
      backupFailureSchema,
    ]),
  },
  'backup:append': {
    request: z.object({ writeId: handleId, chunk: backupChunkSchema }).strict(),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('appended') }).strict(),
      backupFailureSchema,
    ]),
  },
  'backup:finish': {
    request: z.object({ writeId: handleId }).strict(),
    reply: z.discriminatedUnion('outcome', [written, backupFailureSchema]),
  },
  'backup:abort': {
    request: z.object({ writeId: handleId }).strict(),
    reply: z.object({ outcome: z.literal('aborted') }).strict(),
  },
  'backup:list': {
    request: noRequest,
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('listed'), files: z.array(backupFileSummarySchema) }).strict(),
      backupFailureSchema,
    ]),
  },
  /**
   * Opens a backup to restore: one listed in the backup folder by name, or one the person picks in
   * the system's file dialog (a new install has no folder yet). The whole file's checksum is
   * checked first; the reply carries its header and how many chunks it holds.
   */
  'backup:open': {
    request: z.discriminatedUnion('source', [
      z.object({ source: z.literal('folder'), fileName: z.string().min(1).max(255) }).strict(),
      z.object({ source: z.literal('dialog') }).strict(),
    ]),
    reply: z.discriminatedUnion('outcome', [
      z
        .object({
          outcome: z.literal('opened'),
          readId: handleId,
          fileName: z.string(),
          header: backupHeaderSchema,
          chunkCount: z.number().int().nonnegative(),
        })
        .strict(),
      z.object({ outcome: z.literal('cancelled') }).strict(),
      backupFailureSchema,
    ]),
  },
  'backup:read-chunk': {
    request: z.object({ readId: handleId, index: z.number().int().nonnegative().max(10_000_000) }).strict(),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('chunk'), chunk: backupChunkSchema }).strict(),
      backupFailureSchema,
    ]),
  },
  'backup:close': {
    request: z.object({ readId: handleId }).strict(),
    reply: z.object({ outcome: z.literal('closed') }).strict(),
  },
} as const;
