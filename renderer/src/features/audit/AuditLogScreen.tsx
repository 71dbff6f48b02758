import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { AuditVerification } from '@shared/rules/audit-chain';
import { Banner } from '../../ui/Banner';
import { useDatabase } from '../../app/database-context';
import { auditLog } from '../../db/repositories/audit-log-repository';
import { staffRepository } from '../../db/repositories/staff-repository';
import { useSession } from '../../security/session-context';
import { auditActionLabel } from './audit-action-labels';
import { AuditAnchorPanel } from './AuditAnchorPanel';
import { useAuditAnchor } from './useAuditAnchor';

const pageSize = 50;
const whenFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The manager's view of who did what, newest first, and a check that nobody has altered it:
 * every entry's keyed hash, the chain between them, and the separately kept head.
 */
export function AuditLogScreen() {
  const db = useDatabase();
  const session = useSession();
  const log = useMemo(() => auditLog(db), [db]);
  const [limit, setLimit] = useState(pageSize);
  const [verification, setVerification] = useState<AuditVerification | 'checking' | undefined>();
  const [checks, setChecks] = useState(0);
  const anchor = useAuditAnchor(log, checks);
  // Live: new entries (including this screen's own "checked the log") appear without a reload.
  const entries = useLiveQuery(() => log.page(session.roles, { limit }), [log, session.roles, limit]);
  const names =
    useLiveQuery(
      async () =>
        new Map((await staffRepository(db).list(session.cipher)).map((member) => [member.id, member.name])),
      [db, session.cipher],
    ) ?? new Map<string, string>();
  const hasMore = entries !== undefined && entries.length === limit;

  const verify = async () => {
    setVerification('checking');
    const result = await log.verify(session.roles, session.auditKey);
    setVerification(result);
    setChecks((count) => count + 1);
    await log.write(
      { actorId: session.staff.id, auditKey: session.auditKey },
      [{ action: 'audit.verified', detail: result?.kind ?? 'not allowed' }],
      [],
      () => Promise.resolve(),
      new Date(),
    );
  };

  return (
    <div className="page">
      <h1>Audit log</h1>
      <p className="lede">
        Every sign-in, change and export, with who and when. Names, notes and form content are never written
        here.
      </p>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          onClick={() => void verify()}
          disabled={verification === 'checking'}
        >
          Check the log has not been altered
        </button>
      </div>
      {verification === 'checking' ? <p role="status">Checking every entry…</p> : null}
      {verification && verification !== 'checking' ? (
        verification.kind === 'intact' ? (
          <Banner tone="success">
            The log is intact: all {verification.count} entries check out, in order, with none missing.
          </Banner>
        ) : (
          <Banner tone="error">{verification.message}</Banner>
        )
      ) : null}
      <AuditAnchorPanel reading={anchor.reading} history={anchor.history} />
      {entries === undefined ? (
        <p role="status">Loading the log…</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Audit log entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Record</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <td>{entry.seq}</td>
                <td>{whenFormat.format(new Date(entry.at))}</td>
                <td>
                  {entry.actorId ? (
                    (names.get(entry.actorId) ?? 'Unknown account')
                  ) : (
                    <span className="muted">Not signed in</span>
                  )}
                </td>
                <td>{auditActionLabel(entry.action)}</td>
                <td>
                  {entry.recordType
                    ? `${entry.recordType}${entry.recordType === 'staff' && entry.recordId ? `: ${names.get(entry.recordId) ?? 'unknown'}` : ''}`
                    : ''}
                </td>
                <td className="muted">{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasMore && entries ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setLimit((current) => current + pageSize)}
        >
          Show older entries
        </button>
      ) : null}
    </div>
  );
}
