import { useState } from 'react';
import { formatUkDate } from '@shared/format-dates';
import { restrictionKindLabels, type Restriction } from '@shared/schemas/registers';
import type { StaffMember } from '@shared/schemas/staff';
import { can, type VisibleRestriction } from '@shared/rules/access';
import { restrictionOnDay } from '@shared/rules/restriction-versions';
import type { RestrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';
import { ChangeRestrictionForm } from './ChangeRestrictionForm';
import { EndRestrictionForm } from './EndRestrictionForm';
import { RestrictionDetails } from './RestrictionDetails';
import { RestrictionHistory } from './RestrictionHistory';
import { restrictionStatus } from './restriction-status';
import { RestrictionStatusBadge } from './RestrictionStatusBadge';
import { ReviewRestrictionForm } from './ReviewRestrictionForm';

type Props = {
  readonly restriction: VisibleRestriction;
  readonly repository: RestrictionRepository;
  readonly today: string;
  readonly timeZone: string;
  readonly staff: readonly StaffMember[];
  readonly staffNames: ReadonlyMap<string, string>;
  readonly onMessage: (message: { tone: 'success' | 'error'; text: string }) => void;
};

type OpenForm = 'review' | 'change' | 'end' | undefined;

const awaitingApproval = (saved: Restriction) =>
  saved.approvedById === undefined ? ' It applies from its date and waits for the manager’s approval.' : '';

/**
 * One restriction: what it means today (the version in force, and any change still to come),
 * where it stands, and what the person may do with it.
 */
export function RestrictionCard({
  restriction: stored,
  repository,
  today,
  timeZone,
  staff,
  staffNames,
  onMessage,
}: Props) {
  const session = useSession();
  const [openForm, setOpenForm] = useState<OpenForm>();
  const [isShowingHistory, setIsShowingHistory] = useState(false);
  const { restriction, upcoming, firstFrom } = restrictionOnDay(stored, today);
  const status = restrictionStatus(restriction, today);
  const isOpen = restriction.endedAt === undefined;
  const canApprove =
    stored.view === 'full' &&
    stored.approvedById === undefined &&
    isOpen &&
    can(session.roles, 'restriction:approve');
  const canEnd = isOpen && can(session.roles, 'restriction:record');
  // Reviewing and changing start from the whole record, which only its readers open.
  const canRevise = canEnd && stored.view === 'full';
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
  const toggle = (form: Exclude<OpenForm, undefined>) => () =>
    setOpenForm((open) => (open === form ? undefined : form));
  /** A form's `onDone`: the form closes, and if it saved something, `said` tells the person what. */
  const closeSaying =
    <Saved,>(said: (saved: Saved) => string) =>
    (saved: Saved | undefined) => {
      setOpenForm(undefined);
      if (saved) onMessage({ tone: 'success', text: said(saved) });
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
      {upcoming && isOpen ? (
        <p className="muted">
          Changes on {formatUkDate(upcoming.effectiveFrom)} to: {restrictionKindLabels[upcoming.kind]}
          {upcoming.conditions ? ` (${upcoming.conditions})` : ''}.
        </p>
      ) : null}
      <RestrictionDetails
        restriction={restriction}
        staffNames={staffNames}
        {...(firstFrom === restriction.effectiveFrom ? {} : { firstFrom })}
      />
      {canApprove || canEnd || stored.view === 'full' ? (
        <div className="toolbar">
          {canApprove ? (
            <button type="button" className="button" onClick={() => void approve()}>
              Approve
            </button>
          ) : null}
          {canRevise ? (
            <>
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={openForm === 'review'}
                onClick={toggle('review')}
              >
                Record a review
              </button>
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={openForm === 'change'}
                onClick={toggle('change')}
              >
                Change
              </button>
            </>
          ) : null}
          {canEnd && openForm !== 'end' ? (
            <button type="button" className="button button--secondary" onClick={() => setOpenForm('end')}>
              End restriction
            </button>
          ) : null}
          {stored.view === 'full' ? (
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
      {openForm === 'review' && stored.view === 'full' ? (
        <ReviewRestrictionForm
          repository={repository}
          restriction={stored}
          today={today}
          staff={staff}
          onDone={closeSaying(({ restriction: saved, outcome }) => {
            const decided = {
              continues: `It continues; next review by ${saved.reviewOn ? formatUkDate(saved.reviewOn) : 'no date set'}.`,
              changed: `It is changed from ${formatUkDate(saved.effectiveFrom)}.${awaitingApproval(saved)}`,
              ended: 'It has ended, and stays in the register with your reason.',
            }[outcome];
            return `The review of the restriction on ${saved.name} is recorded. ${decided}`;
          })}
        />
      ) : null}
      {openForm === 'change' && stored.view === 'full' ? (
        <ChangeRestrictionForm
          repository={repository}
          restriction={stored}
          today={today}
          onDone={closeSaying(
            (changed: Restriction) =>
              `The restriction on ${changed.name} is changed from ${formatUkDate(changed.effectiveFrom)}. The version before is kept in its history.${awaitingApproval(changed)}`,
          )}
        />
      ) : null}
      {openForm === 'end' ? (
        <EndRestrictionForm
          repository={repository}
          restriction={restriction}
          onDone={closeSaying(
            (ended: Restriction) =>
              `The restriction on ${ended.name} has ended. It stays in the register with your reason.`,
          )}
        />
      ) : null}
      <div id={historyId}>
        {isShowingHistory && stored.view === 'full' ? (
          <RestrictionHistory restriction={stored} staffNames={staffNames} />
        ) : null}
      </div>
    </article>
  );
}
