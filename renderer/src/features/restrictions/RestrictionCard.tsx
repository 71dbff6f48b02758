import { useState } from 'react';
import { restrictionKindLabels } from '@shared/schemas/registers';
import { can, type VisibleRestriction } from '@shared/rules/access';
import type { RestrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';
import { EndRestrictionForm } from './EndRestrictionForm';
import { RestrictionDetails } from './RestrictionDetails';
import { RestrictionHistory } from './RestrictionHistory';
import { restrictionStatus } from './restriction-status';
import { RestrictionStatusBadge } from './RestrictionStatusBadge';

type Props = {
  readonly restriction: VisibleRestriction;
  readonly repository: RestrictionRepository;
  readonly today: string;
  readonly timeZone: string;
  readonly staffNames: ReadonlyMap<string, string>;
  readonly onMessage: (message: { tone: 'success' | 'error'; text: string }) => void;
};

/** One restriction: what it means, where it stands, and what the person may do with it. */
export function RestrictionCard({ restriction, repository, today, timeZone, staffNames, onMessage }: Props) {
  const session = useSession();
  const [isEnding, setIsEnding] = useState(false);
  const [isShowingHistory, setIsShowingHistory] = useState(false);
  const status = restrictionStatus(restriction, today);
  const isOpen = restriction.endedAt === undefined;
  const canApprove =
    restriction.view === 'full' &&
    restriction.approvedById === undefined &&
    isOpen &&
    can(session.roles, 'restriction:approve');
  const canEnd = isOpen && can(session.roles, 'restriction:record');
  const titleId = `restriction-${restriction.id}`;
  const historyId = `restriction-history-${restriction.id}`;

  const approve = async () => {
    const result = await repository.approve(session, restriction.id);
    onMessage(
      result.ok
        ? { tone: 'success', text: `The restriction on ${restriction.name} is approved.` }
        : { tone: 'error', text: result.error.message },
    );
  };

  return (
    <article className="panel" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {restriction.name}: {restrictionKindLabels[restriction.kind]}
      </h3>
      <p>
        <RestrictionStatusBadge status={status} timeZone={timeZone} />
      </p>
      {status.kind === 'inForce' ? (
        <p>
          If {restriction.name} asks for contact or comes to the door, follow the conditions below and speak
          to the duty manager.
        </p>
      ) : null}
      <RestrictionDetails restriction={restriction} staffNames={staffNames} />
      {canApprove || canEnd || restriction.view === 'full' ? (
        <div className="toolbar">
          {canApprove ? (
            <button type="button" className="button" onClick={() => void approve()}>
              Approve
            </button>
          ) : null}
          {canEnd && !isEnding ? (
            <button type="button" className="button button--secondary" onClick={() => setIsEnding(true)}>
              End restriction
            </button>
          ) : null}
          {restriction.view === 'full' ? (
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={isShowingHistory}
              aria-controls={historyId}
              onClick={() => setIsShowingHistory((shown) => !shown)}
            >
              {isShowingHistory ? 'Hide history' : 'History'}
            </button>
          ) : null}
        </div>
      ) : null}
      {isEnding ? (
        <EndRestrictionForm
          repository={repository}
          restriction={restriction}
          onDone={(ended) => {
            setIsEnding(false);
            if (ended)
              onMessage({
                tone: 'success',
                text: `The restriction on ${ended.name} has ended. It stays in the register with your reason.`,
              });
          }}
        />
      ) : null}
      <div id={historyId}>
        {isShowingHistory ? (
          <RestrictionHistory restrictionId={restriction.id} name={restriction.name} timeZone={timeZone} />
        ) : null}
      </div>
    </article>
  );
}
