import { dayAndTime } from '@shared/home-time';
import type { AnchorHistoryEntry } from '@shared/ipc/channels/audit';
import type { AuditAnchorView } from './useAuditAnchor';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { Banner } from '../../ui/Banner';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { Panel } from '../../ui/Panel';

/** When, on the home's clock; the record is the main process's, so an unreadable time is said so. */
const when = (iso: string, timeZone: string) =>
  Number.isNaN(Date.parse(iso)) ? 'unknown time' : dayAndTime(iso, timeZone);

const kindText: Readonly<Record<AnchorHistoryEntry['kind'], string>> = {
  started: 'Started',
  adopted: 'Taken over from the previous version',
  rebased: 'Moved to a restored backup’s end',
  'refused-rebase': 'Refused to move',
};

const protectionText: Partial<
  Record<NonNullable<NonNullable<AuditAnchorView['reading']>['keyProtection']>, string>
> = {
  weak: 'On this computer the key that seals this record is protected only by a fixed key (Linux without a keyring): someone who can read Family Links’ files could forge it. Ask IT to set up the computer’s keyring.',
  none: 'This computer offers no protected storage, so the key that seals this record is stored as it is: someone who can read Family Links’ files could forge it.',
};

/**
 * The main process's own record of where the audit log ends (outside the database, sealed with a
 * key only it holds), and the history of that record: what a manager checks when a log cannot be
 * verified, or after a restore.
 */
export function AuditAnchorPanel({ reading, history }: AuditAnchorView) {
  const timeZone = useHomeTimeZone();
  if (!reading || reading.state === 'unavailable') return null;
  const protection = reading.keyProtection ? protectionText[reading.keyProtection] : undefined;
  return (
    <Panel titleId="audit-anchor-title" title="Where the log ends">
      {reading.state === 'anchored' ? (
        <p>
          This computer’s own record, kept outside the database and sealed, says this computer’s entries reach
          its entry {reading.head.seq} (recorded {when(reading.storedAt, timeZone)}).
        </p>
      ) : reading.state === 'none' ? (
        <p>This computer has no record of where the log ends yet: it starts with the first entry.</p>
      ) : (
        <Banner tone="error">
          {reading.message} Until a restore from a backup sets it again, no check can vouch that nothing was
          cut off the end of the log.
        </Banner>
      )}
      {protection ? <Banner tone="info">{protection}</Banner> : null}
      {history === 'unavailable' ? (
        <p className="muted">The history of this record could not be read.</p>
      ) : history && history.length > 0 ? (
        <table className="table">
          <caption>History of this record, newest first</caption>
          <ColumnHeads columns={['When', 'What', 'Entries', 'Backup', 'By', 'Sealed']} />
          <tbody>
            {history.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>{entry.at ? when(entry.at, timeZone) : 'unknown'}</td>
                <td>
                  {kindText[entry.kind]}
                  {entry.note ? <span className="muted">: {entry.note}</span> : null}
                </td>
                <td>
                  {entry.previousSeq !== undefined && entry.previousSeq !== null
                    ? `${entry.previousSeq} → `
                    : ''}
                  {entry.newSeq ?? ''}
                </td>
                <td className="breaks-anywhere">{entry.backupFileName ?? ''}</td>
                <td>{entry.by ?? ''}</td>
                <td>
                  {entry.isAuthentic ? 'Yes' : <strong>No: written or changed outside Family Links</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
