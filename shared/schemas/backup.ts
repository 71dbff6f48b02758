import { z } from 'zod';
import { kdfParamsSchema } from './keyring';

/**
 * A backup file: one line naming the format, one line of header, then one line per
 * chunk, then `END <sha256>` over every byte before it. The header is readable without a password
 * and holds nothing personal: the schema version, table names and counts, and the keyring (each
 * account's key material, already wrapped by that person's password, as it sits in IndexedDB).
 * Every chunk is AES-GCM under the home's data key, so opening one needs a password the backup's
 * keyring accepts. Rows inside are exactly as stored: their personal fields are sealed already.
 * Each chunk is bound to its backup and its place (the backup id and its number are the seal's
 * additional data), and the last is the manifest (`backupManifestV2Schema`), which lists every chunk
 * before it with its SHA-256, so a restore proves the rows whole (`backupFormatVersionSchema`).
 */
export const backupMagicLine = 'FAMILY-LINKS-BACKUP 1';
export const backupFileExtension = '.flbackup';

/** Base64 text: what crosses the bridge and what the file holds, one chunk a line. */
export const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Expected base64 text.' });

/** The largest chunk one call carries (base64 characters): well under any IPC message limit. */
export const maxBackupChunkLength = 8 * 1024 * 1024;
export const backupChunkSchema = base64Schema.max(maxBackupChunkLength);

export const backupReasonSchema = z.enum(['manual', 'scheduled', 'before-upgrade']);
export type BackupReason = z.infer<typeof backupReasonSchema>;

const sealedBase64Schema = z.object({ iv: base64Schema.max(64), data: base64Schema.max(4096) }).strict();

export const backupKeyringEntrySchema = z
  .object({
    staffId: z.string().min(1).max(100),
    username: z.string().min(1).max(200),
    isManager: z.boolean(),
    salt: base64Schema.max(200),
    kdf: kdfParamsSchema,
    wrappedDataKey: sealedBase64Schema,
  })
  .strict();
export type BackupKeyringEntry = z.infer<typeof backupKeyringEntrySchema>;

export const backupTableNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/);

/**
 * How a backup proves its rows whole, named in its header and again in its sealed manifest (the
 * last chunk). 1: each table's SHA-256 over its rows' texts, one running digest a table. 2: each
 * chunk's SHA-256 over its bytes as sealed, listed in order, so each is taken natively in one call
 * (WebCrypto cannot stream). Restores read every version; backups are written at the newest.
 */
export const backupFormatVersionSchema = z.union([z.literal(1), z.literal(2)]);
export type BackupFormatVersion = z.infer<typeof backupFormatVersionSchema>;
export const currentBackupFormatVersion = 2 satisfies BackupFormatVersion;

const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
/**
 * The manifest is one chunk (at most `maxBackupChunkLength` of base64, about 6 MB of text), and an
 * entry takes under 100 characters: 60,000 chunks of 1,000 rows is far beyond any home.
 */
const maxManifestChunks = 60_000;

/** The last chunk of a format-1 backup: each table's rows and the SHA-256 of their texts. */
export const backupManifestV1Schema = z
  .object({
    tables: z
      .array(
        z
          .object({
            name: backupTableNameSchema,
            rows: z.number().int().nonnegative(),
            sha256: sha256HexSchema,
          })
          .strict(),
      )
      .max(200),
  })
  .strict();

/**
 * The last chunk of a format-2 backup: each table's rows, and every chunk before this one in
 * order (chunk i is entry i), with its table, its rows and the SHA-256 of its text's UTF-8 bytes
 * (what was sealed, and what opening it gives back).
 */
export const backupManifestV2Schema = z
  .object({
    formatVersion: z.literal(2),
    tables: z
      .array(z.object({ name: backupTableNameSchema, rows: z.number().int().nonnegative() }).strict())
      .max(200),
    chunks: z
      .array(
        z
          .object({
            table: backupTableNameSchema,
            rows: z.number().int().positive(),
            sha256: sha256HexSchema,
          })
          .strict(),
      )
      .max(maxManifestChunks),
  })
  .strict();
export type BackupManifestV1 = z.infer<typeof backupManifestV1Schema>;
export type BackupManifestV2 = z.infer<typeof backupManifestV2Schema>;

export const backupHeaderSchema = z
  .object({
    format: z.literal('family-links-backup'),
    formatVersion: backupFormatVersionSchema,
    backupId: z.uuid(),
    createdAt: z.iso.datetime(),
    reason: backupReasonSchema,
    schemaVersion: z.number().int().positive().max(100_000),
    appVersion: z.string().max(50),
    tables: z
      .array(z.object({ name: backupTableNameSchema, rows: z.number().int().nonnegative() }).strict())
      .max(200),
    keyring: z.array(backupKeyringEntrySchema).min(1).max(1000),
    /** The backup id sealed under the data key: a quick check that a password opens this file. */
    keyCheck: sealedBase64Schema,
    /**
     * Where the audit log ended when the backup began (its head: the last entry's number and MAC).
     * A restore moves the main process's anchor here, and nowhere else. Absent in older backups.
     */
    auditHead: z
      .object({ seq: z.number().int().positive(), mac: z.string().regex(/^[0-9a-f]{64}$/) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** Where backups go, how many are kept and how often one is due (kept by the main process). */
export const backupSettingsSchema = z
  .object({
    folder: z.string().min(1),
    folderIsDefault: z.boolean(),
    keep: z.number().int().min(1).max(100),
    intervalDays: z.number().int().min(1).max(31),
    lastBackupAt: z.iso.datetime().optional(),
    lastBackupFile: z.string().optional(),
    /**
     * Set when the settings this computer remembered were changed outside Family Links (or cannot be
     * checked): the defaults are used instead, and this says so, until the manager saves the schedule.
     */
    untrustedMessage: z.string().min(1).optional(),
  })
  .strict();
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const defaultBackupKeep = 8;
export const defaultBackupIntervalDays = 7;

export const backupFileSummarySchema = z
  .object({
    fileName: z.string().min(1).max(255),
    sizeBytes: z.number().int().nonnegative(),
    createdAt: z.iso.datetime().optional(),
    reason: backupReasonSchema.optional(),
    schemaVersion: z.number().int().optional(),
  })
  .strict();
export type BackupFileSummary = z.infer<typeof backupFileSummarySchema>;

export const backupFailureCodeSchema = z.enum([
  'folder-unavailable',
  'disk-full',
  'no-permission',
  'write-failed',
  'not-found',
  'no-file-chosen',
  'not-a-backup',
  'damaged',
  'busy',
  'unknown-id',
]);
export type BackupFailureCode = z.infer<typeof backupFailureCodeSchema>;

export const backupFailureSchema = z
  .object({ outcome: z.literal('failed'), code: backupFailureCodeSchema, message: z.string() })
  .strict();
export type BackupFailure = z.infer<typeof backupFailureSchema>;
