import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DialogPort } from './documents';

/** The folders the fixed dialogs answer with, all under one root (the harness's temporary folder). */
export function fixedDocumentFolders(root: string): {
  readonly caseFile: string;
  readonly exports: string;
  readonly saved: string;
} {
  return { caseFile: join(root, 'case-file'), exports: join(root, 'exports'), saved: join(root, 'saved') };
}

/**
 * Dialogs that answer without asking, for the end-to-end harness and the tests: the case-file
 * folder is `<root>/case-file`, exports go to `<root>/exports`, and a report is saved as
 * `<root>/saved/<suggested name>`. The case-file folder is made only the first time it is chosen, so
 * a test can remove it afterwards to play a network share that has gone offline.
 */
export function fixedDocumentDialogs(root: string): DialogPort {
  const folders = fixedDocumentFolders(root);
  return {
    async chooseFolder({ purpose }) {
      const folder = purpose === 'case-file' ? folders.caseFile : folders.exports;
      await mkdir(folder, { recursive: true });
      return folder;
    },
    async chooseSavePath({ defaultFileName }) {
      await mkdir(folders.saved, { recursive: true });
      return join(folders.saved, defaultFileName);
    },
  };
}
