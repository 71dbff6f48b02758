import { useState } from 'react';
import type { AuditVerification } from '@shared/rules/audit-chain';
import { Banner } from '../../ui/Banner';
import { staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { auditActionLabel, auditRecordTypeLabel } from './audit-action-labels';
import { useAuditLog } from './useAuditLog';
import { AuditAnchorPanel } from './AuditAnchorPanel';
import { useAuditAnchor } from './useAuditAnchor';
import './audit.css';

const pageSize = 50;
const whenFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The manager's view of who did what, newest first, and a check that nobody has altered it:
 * every entry's keyed hash, the chain between them, and the separately kept head.
 */
export function AuditLogScreen() {
  const [limit, setLimit] = useState(pageSize);
  const [verification, setVerification] = useState<AuditVerification | 'checking' | undefined>();
  const [checks, setChecks] = useState(0);
  const anchor = useAuditAnchor(checks);
  const { entries, check } = useAuditLog(limit);
  const names = staffNamesById(useStaffMembers());
  const hasMore = entries !== undefined && entries.length === limit;

  const verify = async () => {
    setVerification('checking');
    setVerification(await check());
    setChecks((count) => count + 1);
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
                <td className="audit-log__when">{whenFormat.format(new Date(entry.at))}</td>
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
                    ? `${auditRecordTypeLabel(entry.recordType)}${entry.recordType === 'staff' && entry.recordId ? `: ${names.get(entry.recordId) ?? 'unknown'}` : ''}`
                    : ''}
                </td>
                <td className="muted breaks-anywhere">{entry.detail}</td>
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
