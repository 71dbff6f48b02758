import type { ReactNode } from 'react';
import { warningInstruction, type DoorCheck } from '@shared/rules/door-check';
import type { RestrictionMatch } from '@shared/rules/restriction-check';
import { IdCheckPanel } from './IdCheckPanel';
import { MatchList } from './MatchList';
import type { VisibleRestriction } from '@shared/rules/access';
import type { DoorRestrictions } from './useDoorRestrictions';
import type { LiveDoorCheck } from './useLiveDoorCheck';
import { whatToDoNext } from '@shared/rules/what-to-do-next';
import { useSession } from '../../security/session-context';
import { unreachable } from '@shared/unreachable';

const blockHeading = 'Do not admit. Speak to the duty manager.';
const unreadableHeading = 'Do not admit anyone. Speak to the registered manager.';

type Props = {
  readonly check: LiveDoorCheck;
  readonly restrictions: DoorRestrictions | undefined;
  readonly youngPersonName: (id: string) => string;
  /** For a warning: who will supervise, and "I have read this". */
  readonly warnActions: ReactNode;
  /** For a block: the manager's override (or nothing, for everyone else). */
  readonly blockActions: ReactNode;
  /** For a block or a warning: recording that they were turned away. */
  readonly turnAway: ReactNode;
  readonly onNotThem: (restrictionId: string) => void;
  readonly onTreatAsThem: (restrictionId: string) => void;
  /** Undoes an ID check made by mistake. */
  readonly onReopenIdCheck: (restrictionId: string) => void;
};

function summaryOf(check: LiveDoorCheck, isUnreadable: boolean): string {
  if (check.state === 'waiting') return 'The answer shows here as you type the name.';
  if (check.state === 'loading') return 'Loading the restriction register…';
  switch (check.result.kind) {
    case 'incomplete':
      return 'Type their full name to check it.';
    case 'clear':
      // A restriction that cannot be read could be this visitor's: nothing is clear.
      return isUnreadable ? '' : 'No restrictions found for this name.';
    case 'checkId':
      return 'Check their ID before going any further.';
    case 'warn':
      return 'A restriction applies to this visitor. Read it before signing them in.';
    case 'block':
      return '';
    default:
      return unreachable(check.result, 'door check');
  }
}

/** Why the name was not enough, and where what was left out belongs. */
function IncompleteNote({ result }: { result: Extract<DoorCheck, { kind: 'incomplete' }> }) {
  if (result.reason === 'unfinished')
    return <p className="door-check__note">It looks like part of a name. Type the whole surname.</p>;
  return (
    <div className="door-check__note">
      <p>
        {result.reason === 'one word'
          ? 'A first name or a surname alone is not enough to check: type their first name and surname.'
          : 'There is no person’s name here yet: type the name of the person at the door.'}
      </p>
      {result.leftOut.organisation ? (
        <p>
          A company or organisation is not checked as a name: put it under “Organisation or relationship”.
        </p>
      ) : result.leftOut.otherWords ? (
        <p>
          Words such as “courier” or “mum” are not checked as names: put them under “Organisation or
          relationship”.
        </p>
      ) : null}
    </div>
  );
}

/**
 * The restriction check's answer, beside the name field. Nothing is green until there is a full
 * name to check; a close name asks for ID; a warning is amber with the condition and what to do; a
 * block is red and interrupts (role="alert"): do not admit. Each ID check made can be undone.
 */
export function DoorCheckPanel(props: Props) {
  const { check, restrictions, youngPersonName } = props;
  const session = useSession();
  const result = check.state === 'checked' ? check.result : undefined;
  const isUnreadable = (restrictions?.damagedIds.length ?? 0) > 0;
  const byId = restrictions?.byId ?? new Map<string, VisibleRestriction>();
  const restrictedName = (match: RestrictionMatch) =>
    byId.get(match.restrictionId)?.name ?? match.name.restrictedName;
  const statusClass =
    result?.kind === 'clear' && !isUnreadable
      ? 'door-check__clear'
      : result?.kind === 'incomplete'
        ? 'door-check__incomplete'
        : 'door-check__status';

  return (
    <div className="door-check" aria-label="The restriction check" role="group">
      <p role="status" className={statusClass}>
        {summaryOf(check, isUnreadable)}
      </p>
      {isUnreadable ? (
        <section
          className="door-panel door-panel--block"
          role="alert"
          aria-labelledby="door-unreadable-title"
        >
          <h2 id="door-unreadable-title">{unreadableHeading}</h2>
          <p>
            A restriction record has been changed outside Family Links and cannot be trusted, so no one can be
            checked against it. {whatToDoNext(session.roles, 'damaged-record')}
          </p>
        </section>
      ) : null}
      {result?.kind === 'incomplete' ? <IncompleteNote result={result} /> : null}
      {result && result.kind !== 'incomplete' && result.idCheckedNot.length > 0 ? (
        <ul className="door-id-done">
          {result.idCheckedNot.map((match) => (
            <li key={match.restrictionId}>
              <span>ID checked: this is not {restrictedName(match)}.</span>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => props.onReopenIdCheck(match.restrictionId)}
              >
                Undo<span className="visually-hidden"> the ID check against {restrictedName(match)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {result?.kind === 'checkId' ? (
        <IdCheckPanel
          toCheck={result.toCheck}
          restrictedName={restrictedName}
          youngPersonName={youngPersonName}
          onNotThem={props.onNotThem}
          onTreatAsThem={props.onTreatAsThem}
        />
      ) : null}
      {result?.kind === 'checkId' && result.matches.length > 0 ? (
        <section className="door-panel door-panel--warn" aria-labelledby="door-also-title">
          <h2 id="door-also-title">Also restricted</h2>
          <MatchList matches={result.matches} byId={byId} youngPersonName={youngPersonName} showsEffect />
        </section>
      ) : null}
      {result?.kind === 'warn' ? (
        <section className="door-panel door-panel--warn" aria-labelledby="door-warn-title">
          <h2 id="door-warn-title">Restricted: read before signing in</h2>
          <p className="door-panel__instruction">{warningInstruction(result.matches)}</p>
          <MatchList
            matches={result.matches}
            byId={byId}
            youngPersonName={youngPersonName}
            showsEffect={false}
          />
          {props.warnActions}
          {props.turnAway}
        </section>
      ) : null}
      {result?.kind === 'block' ? (
        <section className="door-panel door-panel--block" role="alert" aria-labelledby="door-block-title">
          <h2 id="door-block-title">{blockHeading}</h2>
          <MatchList matches={result.matches} byId={byId} youngPersonName={youngPersonName} showsEffect />
          {props.turnAway}
          {props.blockActions}
        </section>
      ) : null}
    </div>
  );
}
