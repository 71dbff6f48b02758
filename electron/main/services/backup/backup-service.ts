import { createHash, randomUUID, type Hash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import type { IpcReply } from '../../../../shared/ipc/contract';
import {
  backupFileExtension,
  backupHeaderSchema,
  backupMagicLine,
  backupSettingsSchema,
  defaultBackupIntervalDays,
  defaultBackupKeep,
  type BackupFailure,
  type BackupFailureCode,
  type BackupFileSummary,
  type BackupHeader,
  type BackupReason,
  type BackupSettings,
} from '../../../../shared/schemas/backup';
import { backupsToRemove } from '../../../../shared/rules/backup-retention';
import { writeFileAtomically } from '../atomic-file';
import type { RestoreRecord } from '../audit-anchor';
import { readJsonFile } from '../json-file';
import {
  nodeBackupFileSystem,
  type BackupFileReader,
  type BackupFileSystem,
  type BackupFileWriter,
} from './backup-files';
import { errorCodeOf, fileFailureKind, isPermissionFailure } from '../file-failure-kind';
import type { ClockAndLog } from '../clock-and-log';
import type { MainKey } from '../main-key';

/** The system dialogs the service needs; Electron's in the app, fixed answers in the tests. */
export type BackupDialogs = {
  chooseFolder(): Promise<string | null>;
  chooseBackupFile(): Promise<string | null>;
};

export type BackupServiceOptions = ClockAndLog & {
  /** Where the service keeps its settings (userData in the app). */
  readonly settingsFolder: string;
  /** Used until someone chooses a folder (a folder under userData in the app). */
  readonly defaultFolder: string;
  readonly dialogs: BackupDialogs;
  readonly fileSystem?: BackupFileSystem;
  /** Tags the backup settings, so a settings file edited on disk cannot quieten or redirect backups. */
  readonly mainKey: MainKey;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const backupNamePattern =
  /^family-links-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-(manual|scheduled|before-upgrade)(-\d{1,3})?\.flbackup$/;
/**
 * `backup-settings.json` in userData: tagged with the main key (main-key.ts), so an edit on disk
 * (keep 1, a long interval, another folder) is never obeyed. `unconfirmed` marks settings saved
 * since an untrusted read, until the manager saves the schedule again.
 */
const rememberedSchema = backupSettingsSchema
  .omit({ folderIsDefault: true, folder: true, untrustedMessage: true })
  .extend({ folder: z.string().min(1).optional(), unconfirmed: z.literal(true).optional() })
  .strict();
type Remembered = z.infer<typeof rememberedSchema>;
const storedSettingsSchema = rememberedSchema.extend({ tag: z.string().optional() });
const settingsPurpose = 'backup-settings';

const defaultSettings: Remembered = { keep: defaultBackupKeep, intervalDays: defaultBackupIntervalDays };

/** What the manager is told when the remembered settings are not used. */
export const untrustedSettingsMessage = `The backup settings on this computer were changed outside Family Links (or saved by an older version), so they are not trusted. Until the Registered Manager chooses them again, backups go to the folder on this computer, one is due every ${defaultBackupIntervalDays} days and the last ${defaultBackupKeep} are kept. Choose the folder again if backups were kept elsewhere, then save the schedule.`;

const failed = (code: BackupFailureCode, message: string): BackupFailure => ({
  outcome: 'failed',
  code,
  message,
});

/** A write failure as words a person can act on; nothing is half-written (the partial file goes). */
export function writeFailure(error: unknown): BackupFailure {
  const kept = 'Your records are safe in the app; nothing was changed.';
  switch (fileFailureKind(error)) {
    case 'disk-full':
      return failed(
        'disk-full',
        `The backup folder is full, so the backup could not be saved. ${kept} Free some space or choose another folder, then back up again.`,
      );
    case 'no-permission':
      return failed(
        'no-permission',
        `This computer is not allowed to save in the backup folder. ${kept} Ask whoever manages the folder for access, or choose another folder.`,
      );
    case 'folder-unavailable':
      return failed(
        'folder-unavailable',
        `The backup folder cannot be reached just now (is the network drive connected?). ${kept} Try again when it is back.`,
      );
    case 'write-failed':
      return failed(
        'write-failed',
        `The backup could not be saved (${errorCodeOf(error) || 'unknown error'}). ${kept} Try again.`,
      );
  }
}

/** `family-links-backup-2026-11-29T21-30-05Z-manual.flbackup`: sorts by time, says why it was made. */
export function backupFileName(at: Date, reason: BackupReason, suffix = 0): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  return `family-links-backup-${stamp}-${reason}${suffix > 0 ? `-${suffix}` : ''}${backupFileExtension}`;
}

export function isBackupFileName(name: string): boolean {
  return backupNamePattern.test(name);
}

/** When a backup was made, from the name this service gave it (`backupFileName`). */
function backupMadeAt(name: string): Date | undefined {
  const stamp = /^family-links-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z/.exec(name);
  if (!stamp) return undefined;
  const madeAt = new Date(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}Z`);
  return Number.isNaN(madeAt.getTime()) ? undefined : madeAt;
}

/**
 * A backup begun and then left (the window closed mid-way, or a script that never finishes) stops
 * blocking the next one after this long without a chunk: a real backup appends one every moment.
 */
const abandonedAfterMs = 10 * 60 * 1000;

/**
 * What a backup must leave free on the disk it is written to. Anyone signed in can start a backup,
 * and backups from the retention span are never removed to make room (backup-retention.ts), so
 * without a floor enough of them, or one endless one, could fill the disk that also holds the
 * records' database and the case-file copies, and the app could then save nothing at all.
 */
export const keepFreeBytes = 512 * 1024 ** 2;
/** How many bytes are written between looks at the free space: a look per chunk would cost more than it tells. */
const freeSpaceLookEvery = 32 * 1024 ** 2;

/** What the person is told when a backup stops at the floor (`keepFreeBytes`). */
const nearlyFullMessage =
  'The disk the backups are kept on is nearly full (less than 512 MB would be left), so this backup was stopped before it filled it. Your records are safe in the app; nothing was changed. Free some space or choose another folder, then back up again.';

type OpenWrite = {
  readonly writer: BackupFileWriter;
  readonly tempPath: string;
  readonly folder: string;
  readonly hash: Hash;
  size: number;
  /** Chunks appended so far: a backup the renderer wrote ends with its manifest, so has one at least. */
  chunks: number;
  readonly header: BackupHeader;
  /** When it was begun or last had a chunk appended (ms since the epoch). */
  lastActiveAt: number;
  /** The file's size when the free space was last looked at. */
  sizeAtLastLook: number;
};
type OpenRead = {
  readonly reader: BackupFileReader;
  readonly chunks: readonly (readonly [number, number])[];
  readonly fileName: string;
  readonly sha256: string;
  readonly header: BackupHeader;
  /** Which chunks have been handed out: a restore has read the whole file only when all have. */
  readonly chunksRead: Set<number>;
};

/**
 * Backups on the main side: settings, streaming a backup into a temporary file in the
 * chosen folder, then flushing it and renaming it into place (so a reader never sees half a
 * backup), keeping what the retention rule says (shared/rules/backup-retention.ts), and checking
 * a file whole before a restore reads it chunk by chunk.
 * Plain Node: the dialogs and the file system are passed in.
 */
export function createBackupService(options: BackupServiceOptions) {
  const fs = options.fileSystem ?? nodeBackupFileSystem;
  const now = options.now ?? (() => new Date());
  const settingsPath = join(options.settingsFolder, 'backup-settings.json');
  const writes = new Map<string, OpenWrite>();
  const reads = new Map<string, OpenRead>();

  /**
   * The settings as remembered, and whether they can be trusted: only a file this process tagged
   * is obeyed. One edited, untagged, damaged or uncheckable gives the defaults (the folder on this
   * computer, never the one it names) and why, so nothing goes where the file alone says.
   */
  async function readRemembered(): Promise<{ remembered: Remembered; untrustedMessage?: string }> {
    let file;
    try {
      file = await readJsonFile(settingsPath, storedSettingsSchema);
    } catch (error) {
      options.log?.('Could not read the backup settings', error);
      return { remembered: defaultSettings, untrustedMessage: untrustedSettingsMessage };
    }
    if (file.state === 'missing') return { remembered: defaultSettings };
    const keyState = await options.mainKey.state();
    if (keyState.state !== 'ready')
      return {
        remembered: defaultSettings,
        untrustedMessage: `The backup settings cannot be checked on this computer, so the defaults are used (backups go to the folder on this computer, one is due every ${defaultBackupIntervalDays} days and the last ${defaultBackupKeep} are kept): ${keyState.message}`,
      };
    if (file.state === 'damaged') {
      options.log?.('The backup settings file is damaged; using the defaults', file.detail);
      return { remembered: defaultSettings, untrustedMessage: untrustedSettingsMessage };
    }
    const { tag, ...remembered } = file.value;
    if (!(await options.mainKey.verify(settingsPurpose, remembered, tag))) {
      options.log?.('The backup settings do not carry this computer’s tag; the defaults are used');
      return { remembered: defaultSettings, untrustedMessage: untrustedSettingsMessage };
    }
    return { remembered, ...(remembered.unconfirmed ? { untrustedMessage: untrustedSettingsMessage } : {}) };
  }

  async function loadSettings(): Promise<BackupSettings> {
    const { remembered, untrustedMessage } = await readRemembered();
    const { folder, unconfirmed: _unconfirmed, ...rest } = remembered;
    return {
      ...rest,
      folder: folder ?? resolve(options.defaultFolder),
      folderIsDefault: folder === undefined,
      ...(untrustedMessage ? { untrustedMessage } : {}),
    };
  }

  /**
   * Saves `change` over the settings as read (the defaults when they are not trusted), tagged.
   * Only the manager saving the schedule (`confirms`) clears a warning that they were not trusted.
   */
  async function saveSettings(change: Partial<Remembered>, confirms: boolean): Promise<BackupSettings> {
    const { remembered, untrustedMessage } = await readRemembered();
    const { unconfirmed: _unconfirmed, ...current } = remembered;
    const next: Remembered = {
      ...current,
      ...change,
      ...(untrustedMessage !== undefined && !confirms ? { unconfirmed: true as const } : {}),
    };
    const tag = await options.mainKey.mac(settingsPurpose, next);
    // Without the main key the settings are still written, and read back as not trusted (and say why).
    await writeFileAtomically(settingsPath, JSON.stringify({ ...next, ...(tag ? { tag } : {}) }, null, 2));
    return loadSettings();
  }

  async function readableFolder(): Promise<{ folder: string } | BackupFailure> {
    const { folder, folderIsDefault } = await loadSettings();
    if (folderIsDefault) await mkdir(folder, { recursive: true });
    if (!(await fs.isFolder(folder)))
      return failed(
        'folder-unavailable',
        'The backup folder cannot be reached just now (is the network drive connected?). Try again when it is back, or choose another folder.',
      );
    return { folder };
  }

  async function closeRead(readId: string): Promise<void> {
    const open = reads.get(readId);
    reads.delete(readId);
    await open?.reader.close().catch(() => undefined);
  }

  /** Checks the whole file (magic line, header, checksum) and finds where each chunk is. */
  async function openFile(path: string, fileName: string): Promise<IpcReply<'backup:open'>> {
    let reader: (BackupFileReader & { readonly size: number }) | undefined;
    try {
      reader = await fs.openForReading(path);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT')
        return failed('not-found', 'That backup is no longer in the folder.');
      if (isPermissionFailure(error))
        return failed(
          'no-permission',
          'This computer is not allowed to read that backup. Ask whoever manages the folder for access.',
        );
      return failed(
        'folder-unavailable',
        'The backup could not be read just now (is the network drive connected?). Try again.',
      );
    }
    const notBackup = failed(
      'not-a-backup',
      'That file is not a Family Links backup. Choose a file whose name ends in .flbackup.',
    );
    const damaged = failed(
      'damaged',
      'This backup is damaged: its contents do not match the checksum written when it was made, so it cannot be trusted. Nothing was restored. Choose another (older) backup.',
    );
    try {
      const magic = encoder.encode(`${backupMagicLine}\n`);
      const start = await reader.read(0, magic.byteLength);
      if (decoder.decode(start) !== decoder.decode(magic)) return notBackup;
      const tailLength = Math.min(reader.size, 200);
      const tail = decoder.decode(await reader.read(reader.size - tailLength, tailLength));
      const endMatch = /\nEND ([0-9a-f]{64})\n$/.exec(tail);
      if (!endMatch?.[1]) return damaged;
      const expected = endMatch[1];
      const bodyLength = reader.size - (endMatch[0].length - 1);
      const hash = createHash('sha256');
      const lines: [number, number][] = [];
      let lineStart = 0;
      const block = 1024 * 1024;
      for (let position = 0; position < bodyLength; position += block) {
        const bytes = await reader.read(position, Math.min(block, bodyLength - position));
        hash.update(bytes);
        for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) {
          lines.push([lineStart, position + index - lineStart]);
          lineStart = position + index + 1;
        }
      }
      if (hash.digest('hex') !== expected || lineStart !== bodyLength || lines.length < 2) return damaged;
      const [headerStart, headerLength] = lines[1] ?? [0, 0];
      let header: BackupHeader;
      try {
        header = backupHeaderSchema.parse(
          JSON.parse(decoder.decode(await reader.read(headerStart, headerLength))),
        );
      } catch {
        return damaged;
      }
      const readId = randomUUID();
      reads.set(readId, {
        reader,
        chunks: lines.slice(2),
        fileName,
        sha256: expected,
        header,
        chunksRead: new Set(),
      });
      // At most a few restores open at once: a forgotten one is closed when the fifth opens.
      if (reads.size > 4) {
        const [oldest] = reads.keys();
        if (oldest !== undefined) await closeRead(oldest);
      }
      reader = undefined;
      return { outcome: 'opened', readId, fileName, header, chunkCount: lines.length - 2 };
    } finally {
      await reader?.close().catch(() => undefined);
    }
  }

  /** Removes what the retention rule says has had its time (shared/rules/backup-retention.ts). */
  async function prune(folder: string, schedule: { keep: number; intervalDays: number }): Promise<string[]> {
    const backups = (await fs.list(folder)).flatMap((name) => {
      const madeAt = isBackupFileName(name) ? backupMadeAt(name) : undefined;
      return madeAt ? [{ name, madeAt }] : [];
    });
    const removed: string[] = [];
    for (const name of backupsToRemove(backups, schedule, now())) {
      try {
        await fs.remove(join(folder, name));
        removed.push(name);
      } catch (error) {
        options.log?.('Could not remove an old backup', { name, error });
      }
    }
    return removed;
  }

  /** Ends a write: its file closed and the partial file removed, its id no longer accepted. */
  async function dropWrite(writeId: string): Promise<void> {
    const open = writes.get(writeId);
    writes.delete(writeId);
    if (!open) return;
    await open.writer.close().catch(() => undefined);
    await fs
      .remove(open.tempPath)
      .catch((error: unknown) => options.log?.('Could not remove a partial backup', error));
  }

  /** Whether writing `bytes` more into `folder` would leave less than the floor free (unknown counts as room). */
  async function wouldFillDisk(folder: string, bytes: number): Promise<boolean> {
    const free = await fs.freeBytes?.(folder);
    return free !== undefined && free - bytes < keepFreeBytes;
  }

  /** Lets go of writes nobody has added to for a while, so a left one cannot block backups. */
  async function abortAbandoned(): Promise<void> {
    const idleSince = now().getTime() - abandonedAfterMs;
    for (const [writeId, open] of [...writes]) {
      if (open.lastActiveAt > idleSince) continue;
      options.log?.('Abandoning a backup nobody finished', { tempPath: open.tempPath });
      await dropWrite(writeId);
    }
  }

  return {
    getSettings: (): Promise<BackupSettings> => loadSettings(),

    async chooseFolder(): Promise<IpcReply<'backup:choose-folder'>> {
      const chosen = await options.dialogs.chooseFolder();
      if (chosen === null) return { outcome: 'cancelled' };
      if (!(await fs.isFolder(chosen)))
        return failed('folder-unavailable', 'That folder cannot be reached. Choose another one.');
      const settings = await saveSettings({ folder: resolve(chosen) }, false);
      return { outcome: 'chosen', settings };
    },

    async setOptions(request: { keep: number; intervalDays: number }): Promise<BackupSettings> {
      // The manager choosing the schedule is what makes untrusted settings trusted again.
      return saveSettings({ keep: request.keep, intervalDays: request.intervalDays }, true);
    },

    async begin(request: { header: BackupHeader }): Promise<IpcReply<'backup:begin'>> {
      await abortAbandoned();
      if (writes.size > 0)
        return failed('busy', 'A backup is already being made. Wait for it to finish, then try again.');
      const folder = await readableFolder().catch((error: unknown) => writeFailure(error));
      if ('outcome' in folder) return folder;
      if (await wouldFillDisk(folder.folder, 0)) return failed('disk-full', nearlyFullMessage);
      const tempPath = join(folder.folder, `.family-links-backup-${randomUUID()}.partial`);
      let writer: BackupFileWriter | undefined;
      try {
        writer = await fs.create(tempPath);
        const opening = encoder.encode(`${backupMagicLine}\n${JSON.stringify(request.header)}\n`);
        await writer.write(opening);
        const hash = createHash('sha256').update(opening);
        const writeId = randomUUID();
        writes.set(writeId, {
          writer,
          tempPath,
          folder: folder.folder,
          hash,
          size: opening.byteLength,
          chunks: 0,
          header: request.header,
          lastActiveAt: now().getTime(),
          sizeAtLastLook: opening.byteLength,
        });
        return { outcome: 'started', writeId };
      } catch (error) {
        await writer?.close().catch(() => undefined);
        await fs.remove(tempPath).catch(() => undefined);
        return writeFailure(error);
      }
    },

    async append(request: { writeId: string; chunk: string }): Promise<IpcReply<'backup:append'>> {
      const open = writes.get(request.writeId);
      if (!open)
        return failed('unknown-id', 'This backup was already finished or abandoned. Start it again.');
      try {
        const line = encoder.encode(`${request.chunk}\n`);
        if (open.size + line.byteLength - open.sizeAtLastLook >= freeSpaceLookEvery) {
          if (await wouldFillDisk(open.folder, line.byteLength)) {
            await dropWrite(request.writeId);
            return failed('disk-full', nearlyFullMessage);
          }
          open.sizeAtLastLook = open.size;
        }
        await open.writer.write(line);
        open.hash.update(line);
        open.size += line.byteLength;
        open.chunks += 1;
        open.lastActiveAt = now().getTime();
        return { outcome: 'appended' };
      } catch (error) {
        await this.abort(request);
        return writeFailure(error);
      }
    },

    async finish(request: { writeId: string }): Promise<IpcReply<'backup:finish'>> {
      const open = writes.get(request.writeId);
      if (!open)
        return failed('unknown-id', 'This backup was already finished or abandoned. Start it again.');
      // A backup with no chunk holds no records, not even its manifest (write-backup.ts always ends
      // with one). Kept, it would count towards `keep` and push a real backup out of the folder, and
      // move `lastBackupAt` so the scheduled one waits: the app must never lose a record.
      if (open.chunks === 0) {
        await this.abort(request);
        return failed(
          'write-failed',
          'That backup held no records, so it was not kept. The backups already in the folder are untouched.',
        );
      }
      const sha256 = open.hash.digest('hex');
      try {
        const trailer = encoder.encode(`END ${sha256}\n`);
        await open.writer.write(trailer);
        await open.writer.syncAndClose();
        writes.delete(request.writeId);
        const at = now();
        const existing = new Set(await fs.list(open.folder));
        let suffix = 0;
        while (existing.has(backupFileName(at, open.header.reason, suffix))) suffix += 1;
        const fileName = backupFileName(at, open.header.reason, suffix);
        await fs.rename(open.tempPath, join(open.folder, fileName));
        const settings = await saveSettings(
          { lastBackupAt: at.toISOString(), lastBackupFile: fileName },
          false,
        );
        const removed = await prune(open.folder, settings);
        return { outcome: 'written', fileName, sizeBytes: open.size + trailer.byteLength, sha256, removed };
      } catch (error) {
        await this.abort(request);
        return writeFailure(error);
      }
    },

    async abort(request: { writeId: string }): Promise<IpcReply<'backup:abort'>> {
      await dropWrite(request.writeId);
      return { outcome: 'aborted' };
    },

    async list(): Promise<IpcReply<'backup:list'>> {
      try {
        const folder = await readableFolder();
        if ('outcome' in folder) return folder;
        const names = (await fs.list(folder.folder)).filter(isBackupFileName).sort().reverse();
        const files: BackupFileSummary[] = [];
        for (const fileName of names) {
          files.push(await summarise(fs, join(folder.folder, fileName), fileName));
        }
        return { outcome: 'listed', files };
      } catch (error) {
        return writeFailure(error);
      }
    },

    async open(
      request: { source: 'folder'; fileName: string } | { source: 'dialog' },
    ): Promise<IpcReply<'backup:open'>> {
      if (request.source === 'dialog') {
        const chosen = await options.dialogs.chooseBackupFile();
        if (chosen === null) return { outcome: 'cancelled' };
        return openFile(chosen, basename(chosen));
      }
      // Only a name this service would have written, inside its own folder: never a path.
      if (!isBackupFileName(request.fileName) || basename(request.fileName) !== request.fileName)
        return failed('not-found', 'That backup is not in the backup folder.');
      const folder = await readableFolder().catch((error: unknown) => writeFailure(error));
      if ('outcome' in folder) return folder;
      return openFile(join(folder.folder, request.fileName), request.fileName);
    },

    async readChunk(request: { readId: string; index: number }): Promise<IpcReply<'backup:read-chunk'>> {
      const open = reads.get(request.readId);
      if (!open) return failed('unknown-id', 'This backup is no longer open. Start the restore again.');
      const span = open.chunks[request.index];
      if (!span) return failed('damaged', 'The backup has no part with that number.');
      try {
        const chunk = decoder.decode(await open.reader.read(span[0], span[1]));
        open.chunksRead.add(request.index);
        return { outcome: 'chunk', chunk };
      } catch {
        return failed(
          'folder-unavailable',
          'The backup could not be read just now (is the network drive connected?). Nothing was restored; try again.',
        );
      }
    },

    /**
     * What this process knows first-hand of an open restore: the file it checked, the audit head
     * its header names, and whether every chunk has been read (what an anchor rebase goes by).
     */
    restoreRecord(readId: string): RestoreRecord | undefined {
      const open = reads.get(readId);
      if (!open) return undefined;
      return {
        fileName: open.fileName,
        sha256: open.sha256,
        auditHead: open.header.auditHead,
        isReadThrough: open.chunksRead.size === open.chunks.length,
      };
    },

    async close(request: { readId: string }): Promise<IpcReply<'backup:close'>> {
      await closeRead(request.readId);
      return { outcome: 'closed' };
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;

/** Name, size, and what its header says (when it can be read). */
async function summarise(fs: BackupFileSystem, path: string, fileName: string): Promise<BackupFileSummary> {
  const reader = await fs.openForReading(path);
  try {
    const firstBytes = decoder.decode(await reader.read(0, Math.min(reader.size, 256 * 1024)));
    const [, headerLine] = firstBytes.split('\n');
    const header = backupHeaderSchema.safeParse(safeJson(headerLine ?? ''));
    return {
      fileName,
      sizeBytes: reader.size,
      ...(header.success
        ? {
            createdAt: header.data.createdAt,
            reason: header.data.reason,
            schemaVersion: header.data.schemaVersion,
          }
        : {}),
    };
  } finally {
    await reader.close();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
