import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import type { Session } from '../session';

/**
 * Signed copies for the case-file folder (a network share, kept by the main process): where they
 * go, in the audit log.
 */
export function caseFileCopyRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const records = recordWriter(db, clock);
  return {
    /** The manager chose a case-file folder; `detail` is the folder and whether it can be reached. */
    async recordFolderChange(session: Session, detail: string): Promise<void> {
      await records.write(session, {
        events: [
          {
            action: 'settings.case-file-folder-changed',
            recordType: 'settings',
            recordId: 'case-file-folder',
            detail,
          },
        ],
      });
    },
  };
}
export type CaseFileCopyRepository = ReturnType<typeof caseFileCopyRepository>;
