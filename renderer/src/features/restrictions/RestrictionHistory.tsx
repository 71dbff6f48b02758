import { formatUkDate } from '@shared/format-dates';
import { restrictionAuthorityLabels, restrictionKindLabels } from '@shared/schemas/registers';
import type { Restriction } from '@shared/schemas/registers';
import { useRestrictionHistory } from './useRestrictionHistory';
import { dayAndTime } from '@shared/home-time';

function datesOf(version: Restriction): string {
  const until = version.effectiveTo ? ` to ${formatUkDate(version.effectiveTo)}` : ', no end date';
  const review = version.reviewOn ? `; review by ${formatUkDate(version.reviewOn)}` : '';
  return `From ${formatUkDate(version.effectiveFrom)}${until}${review}`;
}

/** Every earlier version of one restriction, newest first: what it said until each change. */
export function RestrictionHistory({
  restrictionId,
  name,
  timeZone,
}: {
  restrictionId: string;
  name: string;
  timeZone: string;
}) {
  const history = useRestrictionHistory(restrictionId);
  if (history.kind === 'loading') return <p role="status">Loading the history…</p>;
  if (history.kind === 'not-permitted') return null;
  if (history.versions.length === 0)
    return (
      <p className="muted">No earlier versions: this restriction has not changed since it was recorded.</p>
    );
  return (
    <>
      <h4>Earlier versions</h4>
      <table className="table">
        <caption className="visually-hidden">
          Earlier versions of the restriction on {name}, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Replaced on</th>
            <th scope="col">Restriction</th>
            <th scope="col">Authority</th>
            <th scope="col">Dates</th>
            <th scope="col">Approved</th>
          </tr>
        </thead>
        <tbody>
          {history.versions.map(({ at, version }) => (
            <tr key={at}>
              <th scope="row">{dayAndTime(at, timeZone)}</th>
              <td>
                {restrictionKindLabels[version.kind]}
                {version.conditions ? <div className="muted">{version.conditions}</div> : null}
              </td>
              <td>
                {restrictionAuthorityLabels[version.authority]}
                {version.authorityReference ? (
                  <div className="muted">Ref. {version.authorityReference}</div>
                ) : null}
              </td>
              <td>{datesOf(version)}</td>
              <td>{version.approvedById ? 'Yes' : 'Not yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
