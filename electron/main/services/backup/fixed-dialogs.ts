import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupDialogs } from './backup-service';
import { isBackupFileName } from './backup-service';

/**
 * Dialogs that answer without asking, for the end-to-end harness and the tests: the folder is
 * always `folder`, and the file "picked" is the newest backup in it (or none).
 */
export function fixedBackupDialogs(folder: string): BackupDialogs {
  return {
    async chooseFolder() {
      await mkdir(folder, { recursive: true });
      return folder;
    },
    async chooseBackupFile() {
      let names: string[];
      try {
        names = (await readdir(folder)).filter(isBackupFileName).sort();
      } catch {
        return null;
      }
      const newest = names.at(-1);
      return newest === undefined ? null : join(folder, newest);
    },
  };
}
