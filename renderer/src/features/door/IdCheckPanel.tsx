import type { RestrictionMatch } from '@shared/rules/restriction-check';
import { restrictionKindLabels } from '@shared/schemas/registers';
import { nameMatchText } from './name-match-text';

type Props = {
  readonly toCheck: readonly RestrictionMatch[];
  /** The restricted person's name as this member of staff may see it. */
  readonly restrictedName: (match: RestrictionMatch) => string;
  readonly youngPersonName: (id: string) => string;
  readonly onNotThem: (restrictionId: string) => void;
  readonly onTreatAsThem: (restrictionId: string) => void;
};

/**
 * "Check their ID" (DESIGN rule 6: "a near-spelling alone asks staff to check ID and record that
 * they did"). The name is close to a restricted person's, not the same: staff look at photo ID and
 * say which it is. "This is not them" is kept with the entry and audited; "treat them as" makes the
 * restriction act as for an exact match.
 */
export function IdCheckPanel({ toCheck, restrictedName, youngPersonName, onNotThem, onTreatAsThem }: Props) {
  return (
    <section className="door-panel door-panel--id" aria-labelledby="door-id-title">
      <h2 id="door-id-title">Check their ID</h2>
      <p className="door-panel__instruction">
        The name is close to a restricted person’s name, but not the same. Ask to see photo ID before going
        any further.
      </p>
      <ul className="door-id-checks">
        {toCheck.map((match) => {
          const name = restrictedName(match);
          return (
            <li key={match.restrictionId}>
              <p className="door-matches__kind">
                {restrictionKindLabels[match.kind]}: {youngPersonName(match.youngPersonId)}
              </p>
              <p>{nameMatchText(match.name, name)}</p>
              <div className="door-id-checks__actions">
                <button type="button" className="button" onClick={() => onNotThem(match.restrictionId)}>
                  ID checked: this is not {name}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => onTreatAsThem(match.restrictionId)}
                >
                  Treat them as {name}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="field__hint">
        No ID, or not sure? Treat them as the restricted person and speak to the duty manager.
      </p>
    </section>
  );
}
