import type { VisitorEntry } from '@shared/schemas/registers';
import { dayAndTime } from '@shared/home-time';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useEntryVersions } from './useEntryVersions';
import { leftText } from './left-text';

type Props = { readonly entryId: string; readonly directory: DoorDirectory; readonly timeZone: string };

function VersionDetails({
  entry,
  directory,
  timeZone,
}: {
  entry: VisitorEntry;
  directory: DoorDirectory;
  timeZone: string;
}) {
  return (
    <dl className="details register-version__details">
      <dt>Visitor</dt>
      <dd>{entry.visitorName}</dd>
      {entry.kind === 'turnedAway' ? (
        <>
          <dt>At the door</dt>
          <dd>Turned away{entry.turnedAwayNote ? `. Note: ${entry.turnedAwayNote}` : ''}</dd>
        </>
      ) : null}
      <dt>Organisation or relationship</dt>
      <dd>{entry.organisationOrRelationship || '—'}</dd>
      <dt>Visiting</dt>
      <dd>{entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ') || '—'}</dd>
      <dt>Reason</dt>
      <dd>{entry.reason || '—'}</dd>
      <dt>Left</dt>
      <dd>{leftText(entry, timeZone, { turnedAway: 'Never came in' })}</dd>
      {entry.admittedUnder.length > 0 ? (
        <>
          <dt>Conditions</dt>
          <dd>{entry.admittedUnder.map((item) => item.condition).join(' ')}</dd>
        </>
      ) : null}
      <dt>ID checked</dt>
      <dd>{entry.isIdChecked ? 'Yes' : 'No'}</dd>
      <dt>Vehicle</dt>
      <dd>{entry.vehicle || '—'}</dd>
      <dt>Badge</dt>
      <dd>{entry.badgeNumber || '—'}</dd>
    </dl>
  );
}

/** Every version of a corrected entry, the original first, each correction with its reason. */
export function EntryVersions({ entryId, directory, timeZone }: Props) {
  const versions = useEntryVersions(entryId);
  if (versions === undefined) return <p role="status">Loading the versions…</p>;
  return (
    <ol className="register-versions">
      {versions.map((version, index) => (
        <li key={version.id} className="register-version">
          <p className="register-version__title">
            {index === 0 ? 'Original entry' : `Correction ${index}`}, recorded{' '}
            {dayAndTime(version.recordedAt, timeZone)}
            {index === versions.length - 1 && index > 0 ? ' (current)' : ''}
          </p>
          {version.amendmentReason ? <p>What was wrong: {version.amendmentReason}</p> : null}
          <VersionDetails entry={version} directory={directory} timeZone={timeZone} />
        </li>
      ))}
    </ol>
  );
}
