import { open, readdir, rename, rm, stat, statfs, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncFolder } from '../atomic-file';

/**
 * The file operations the backup service uses, as a small interface so the tests can stand in a
 * full disk, a folder this computer may not write to, or a share that drops mid-write.
 */
export type BackupFileWriter = {
  write(bytes: Uint8Array): Promise<void>;
  /** Flushes to disk, then closes. */
  syncAndClose(): Promise<void>;
  close(): Promise<void>;
};

export type BackupFileReader = {
  read(position: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
};

export type BackupFileSystem = {
  /** Creates a new file (never replaces one). */
  create(path: string): Promise<BackupFileWriter>;
  openForReading(path: string): Promise<BackupFileReader & { readonly size: number }>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  list(folder: string): Promise<string[]>;
  isFolder(path: string): Promise<boolean>;
  /** Bytes free to this process on the disk holding `folder`; undefined when the system cannot say. */
  freeBytes?(folder: string): Promise<number | undefined>;
};

function writerOver(handle: FileHandle): BackupFileWriter {
  return {
    async write(bytes) {
      let offset = 0;
      while (offset < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
        offset += bytesWritten;
      }
    },
    async syncAndClose() {
      await handle.sync();
      await handle.close();
    },
    close: () => handle.close(),
  };
}

export const nodeBackupFileSystem: BackupFileSystem = {
  async create(path) {
    return writerOver(await open(path, 'wx', 0o600));
  },
  async openForReading(path) {
    const handle = await open(path, 'r');
    const { size } = await handle.stat();
    return {
      size,
      async read(position, length) {
        const buffer = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return buffer.subarray(0, done);
      },
      close: () => handle.close(),
    };
  },
  // The folder is flushed after the rename, so a finished backup's name survives a power cut.
  async rename(from, to) {
    await rename(from, to);
    await syncFolder(dirname(to));
  },
  remove: (path) => rm(path, { force: true }),
  async freeBytes(folder) {
    try {
      const disk = await statfs(folder);
      return disk.bavail * disk.bsize;
    } catch {
      // A share that does not report its space: the write itself still fails plainly if it fills.
      return undefined;
    }
  },
  list: (folder) => readdir(folder),
  async isFolder(path) {
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  },
};
