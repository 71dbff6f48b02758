import type { RestrictionMatch } from '@shared/rules/restriction-check';
import { restrictionAuthorityLabels, restrictionKindLabels } from '@shared/schemas/registers';
import type { VisibleRestriction } from '@shared/rules/access';
import { nameMatchText } from './name-match-text';

type Props = {
  readonly matches: readonly RestrictionMatch[];
  /** As this person may see each restriction: the authority only for those who arrange contact. */
  readonly byId: ReadonlyMap<string, VisibleRestriction>;
  readonly youngPersonName: (id: string) => string;
  /** Each match's condition and instruction; off where the panel already says them once for all. */
  readonly showsEffect: boolean;
};

/**
 * Each restriction the visitor matched: for whom, what kind, how the name matched and what to do.
 * Need to know (DESIGN rule 8): the authority and its reference only for those who arrange contact.
 */
export function MatchList({ matches, byId, youngPersonName, showsEffect }: Props) {
  return (
    <ul className="door-matches">
      {matches.map((match) => {
        const shown = byId.get(match.restrictionId);
        return (
          <li key={match.restrictionId}>
            <p className="door-matches__kind">
              {restrictionKindLabels[match.kind]}: {youngPersonName(match.youngPersonId)}
            </p>
            <p>{nameMatchText(match.name, shown?.name ?? match.name.restrictedName)}</p>
            {showsEffect && match.effect.kind === 'warn' ? (
              <p>
                {match.effect.condition} {match.effect.instruction}
              </p>
            ) : null}
            {showsEffect && match.effect.kind === 'block' ? <p>{match.effect.reason}</p> : null}
            {shown?.view === 'full' ? (
              <p className="muted">
                On the authority of: {restrictionAuthorityLabels[shown.authority]}
                {shown.authorityReference ? `, reference ${shown.authorityReference}` : ''}.
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
