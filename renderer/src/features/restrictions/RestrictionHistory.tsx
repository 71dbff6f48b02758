import { formatUkDate } from '@shared/format-dates';
import {
  restrictionAuthorityLabels,
  restrictionKindLabels,
  type Restriction,
  type RestrictionReviewOutcome,
} from '@shared/schemas/registers';
import { restrictionVersions, type RestrictionVersion } from '@shared/rules/restriction-versions';
import { useRestrictionHistory } from './useRestrictionHistory';
import { ColumnHeads } from '../../ui/ColumnHeads';

const outcomeText: Readonly<Record<RestrictionReviewOutcome, string>> = {
  continues: 'Continues unchanged',
  changed: 'Changed',
  ended: 'Ended',
};

function datesOf(version: RestrictionVersion): string {
  const until = version.effectiveTo ? ` to ${formatUkDate(version.effectiveTo)}` : ', no end date';
  return `From ${formatUkDate(version.effectiveFrom)}${until}`;
}

type Props = {
  readonly restriction: Restriction;
  readonly staffNames: ReadonlyMap<string, string>;
};

/**
 * A restriction's versions, newest first (what each said, from when, who made and approved it),
 * and its reviews. Built from the record and the copies kept before each change.
 */
export function RestrictionHistory({ restriction, staffNames }: Props) {
  const history = useRestrictionHistory(restriction.id);
  if (history.kind === 'loading') return <p role="status">Loading the history…</p>;
  if (history.kind === 'not-permitted') return null;
  const nameOf = (id: string | undefined) => (id ? (staffNames.get(id) ?? 'A former colleague') : undefined);
  const versions = restrictionVersions(restriction, history.versions);
  const reviews = [...(restriction.reviews ?? [])].reverse();
  return (
    <>
      <h4>Versions</h4>
      <table className="table">
        <caption className="visually-hidden">
          Versions of the restriction on {restriction.name}, newest first
        </caption>
        <ColumnHeads columns={['Version', 'Restriction', 'Authority', 'Applies', 'Made by', 'Approved by']} />
        <tbody>
          {versions.map((version) => (
            <tr key={version.version}>
              <th scope="row">
                {version.version}
                {version.isCurrent ? <div className="muted">Current</div> : null}
                {version.neverApplied ? <div className="muted">Replaced from its first day</div> : null}
              </th>
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
              <td>{nameOf(version.madeById)}</td>
              <td>{nameOf(version.approvedById) ?? 'Not yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Reviews</h4>
      {reviews.length === 0 ? (
        <p className="muted">No review has been recorded yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">
            Reviews of the restriction on {restriction.name}, newest first
          </caption>
          <ColumnHeads columns={['Reviewed on', 'Reviewed by', 'Checked with', 'Decided']} />
          <tbody>
            {reviews.map((review) => (
              <tr key={review.recordedAt}>
                <th scope="row">{formatUkDate(review.reviewedOn)}</th>
                <td>{nameOf(review.reviewedById)}</td>
                <td>{review.checkedWith}</td>
                <td>
                  {outcomeText[review.outcome]}
                  <div className="muted">Version {review.version} reviewed</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
