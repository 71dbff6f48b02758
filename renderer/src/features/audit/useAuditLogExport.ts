import { useCallback, useMemo } from 'react';
import { auditLogCsv } from '@shared/export/audit-log-csv';
import { sha256Hex } from '@shared/bytes';
import { auditLogSearch } from '../../db/repositories/audit-log-search';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';
import { downloadTextFile } from '../../common/download-file';
import { useDisclosure } from '../disclosures';
import { auditActionLabel } from './audit-action-labels';
import { auditActorWords, auditRecordWords, type AuditNames } from './audit-entry-words';

/**
 * The filtered entries leaving the app as a CSV file in words. Like every copy, it is asked about
 * first (seed 003: disclosures are noted) and goes nowhere if the question is cancelled; then the
 * file is saved and the audit log notes how many entries left and the file's SHA-256.
 * Render `<DisclosureReasonDialog {...dialogProps} />`.
 */
export function useAuditLogExport() {
  const db = useDatabase();
  const session = useSession();
  const search = useMemo(() => auditLogSearch(db), [db]);
  const disclosure = useDisclosure();

  const exportCsv = useCallback(
    async (request: {
      readonly seqs: readonly number[];
      readonly names: AuditNames;
      readonly timeZone: string;
      readonly what: string;
      readonly fileName: string;
      readonly youngPersonId?: string | undefined;
    }): Promise<'saved' | 'cancelled'> => {
      const entries = await search.entries(session.roles, request.seqs);
      const csv = auditLogCsv(
        entries.map((entry) => ({
          seq: entry.seq,
          at: entry.at,
          who: auditActorWords(entry, request.names),
          what: auditActionLabel(entry.action),
          record: auditRecordWords(entry, request.names),
          detail: entry.detail ?? '',
        })),
        request.timeZone,
      );
      const sha256 = await sha256Hex(csv);
      const recorded = await disclosure.ask({
        what: request.what,
        kind: 'csv',
        sha256,
        ...(request.youngPersonId ? { youngPersonId: request.youngPersonId } : {}),
      });
      if (!recorded) return 'cancelled';
      downloadTextFile(request.fileName, csv, 'text/csv;charset=utf-8');
      await search.recordExport(session, { disclosureId: recorded.id, entries: entries.length, sha256 });
      return 'saved';
    },
    [search, session, disclosure],
  );
  return { exportCsv, dialogProps: disclosure.dialogProps };
}
