import { restrictionAuthorityLabels } from '@shared/schemas/registers';
import type { VisibleRestriction } from '@shared/rules/access';
import { formatUkDate } from '@shared/format-dates';
import { DetailsList } from '../../ui/DetailsList';

type Props = {
  readonly restriction: VisibleRestriction;
  readonly staffNames: ReadonlyMap<string, string>;
  /** When it has changed since: the day its first version took over. */
  readonly firstFrom?: string;
};

/**
 * What a restriction says. The authority, reference and description are shown only when the
 * data layer gave them (view "full"): a care worker's copy does not hold them at all.
 */
export function RestrictionDetails({ restriction, staffNames, firstFrom }: Props) {
  const rows: [string, string][] = [
    ['Conditions', restriction.conditions || 'None written'],
    ['Also known as', restriction.aliases.length > 0 ? restriction.aliases.join(', ') : 'No other names'],
    [
      'Applies',
      `From ${formatUkDate(restriction.effectiveFrom)}${restriction.effectiveTo ? ` to ${formatUkDate(restriction.effectiveTo)}` : ', no end date'}`,
    ],
    ['Review by', restriction.reviewOn ? formatUkDate(restriction.reviewOn) : 'No review date'],
  ];
  if (firstFrom) rows.splice(3, 0, ['First applied', `From ${formatUkDate(firstFrom)}`]);
  if (restriction.view === 'full') {
    const nameOf = (id: string | undefined) =>
      id ? (staffNames.get(id) ?? 'A former colleague') : 'Not yet';
    rows.push(
      ['Authority', restrictionAuthorityLabels[restriction.authority]],
      ['Reference', restriction.authorityReference || 'None'],
      ['Description', restriction.description || 'None'],
      ['Recorded by', nameOf(restriction.recordedById)],
      ['Approved by', nameOf(restriction.approvedById)],
    );
    if (restriction.endedAt) rows.push(['Why it ended', restriction.endedReason || 'No reason recorded']);
  }
  return <DetailsList rows={rows} />;
}
