import type { VisitorEntry } from '@shared/schemas/registers';
import { dayAndTime } from '@shared/home-time';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useEntryVersions } from './useEntryVersions';

type Props = { readonly entryId: string; readonly directory: DoorDirectory; readonly timeZone: string };

function VersionDetails({ entry, directory }: { entry: VisitorEntry; directory: DoorDirectory }) {
  return (
    <dl className="details register-version__details">
      <dt>Visitor</dt>
      <dd>{entry.visitorName}</dd>
      <dt>Organisation or relationship</dt>
      <dd>{entry.organisationOrRelationship || '—'}</dd>
      <dt>Visiting</dt>
      <dd>{entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ') || '—'}</dd>
      <dt>Reason</dt>
      <dd>{entry.reason}</dd>
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
          <VersionDetails entry={version} directory={directory} />
        </li>
      ))}
    </ol>
  );
}
