import { useState } from 'react';
import { can } from '@shared/rules/access';
import { displayPersonName } from '@shared/display-names';
import { formatUkDate } from '@shared/format-dates';
import { contactPlanWords } from '@shared/rules/contact-plan-booking';
import type { ContactAgainstPlan } from '@shared/rules/contact-plan';
import {
  contactPlanAgreedByLabels,
  contactArrangementSchema,
  type ContactArrangementView,
} from '@shared/schemas/contact-plans';
import type { YoungPerson } from '@shared/schemas/people';
import { Banner } from '../../ui/Banner';
import { whatToDoNext } from '@shared/rules/what-to-do-next';
import { DamagedRecordNotice } from '../../ui/DamagedRecordNotice';
import { useSession } from '../../security/session-context';
import { useOpenPanel } from '../../common/useOpenPanel';
import { useFamilyOf } from '../../common/useFamilyOf';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { ContactArrangementForm } from './ContactArrangementForm';
import { ContactArrangementHistory } from './ContactArrangementHistory';
import { useContactAgainstPlan } from './useContactAgainstPlan';
import { useContactPlan } from './useContactPlan';
import { RowButton } from '../../ui/RowButton';
import { ToolbarButton } from '../../ui/ToolbarButton';

type Props = {
  readonly youngPerson: Pick<YoungPerson, 'id' | 'placementStartsOn' | 'placementEndsOn'>;
  readonly youngPersonName: string;
  readonly today: string;
};

const statusWords: Readonly<Record<ContactAgainstPlan['status'], string>> = {
  green: 'Kept to the plan',
  amber: 'One period missed',
  red: 'Behind the plan',
  notDue: 'Nothing to count yet',
};

/**
 * The young person's contact plan (DESIGN, "Contact plan"): what has been agreed with each family
 * member. Everyone on shift reads what was agreed; those who lead contact also see who agreed it,
 * the contact held against it this term, and change it (each change kept as a version).
 */
export function ContactPlanSection({ youngPerson, youngPersonName, today }: Props) {
  const session = useSession();
  const { plan, repository } = useContactPlan(youngPerson.id);
  const family = useFamilyOf(youngPerson.id);
  const timeZone = useHomeTimeZone();
  const against = useContactAgainstPlan(youngPerson, plan?.arrangements, today, timeZone);
  const canManage = can(session.roles, 'contact-plan:manage');
  const { panel: editing, done: message, open, close } = useOpenPanel<'new' | ContactArrangementView>();
  const [historyOf, setHistoryOf] = useState<string | undefined>();
  const nameOf = (personId: string) => {
    const found = family?.find((entry) => entry.person.id === personId);
    return found
      ? `${displayPersonName(found.person)} (${found.relationship.relationship})`
      : 'Someone no longer linked';
  };
  const figureOf = (id: string) => against?.figures.find((figure) => figure.arrangementId === id);
  const existing =
    editing !== undefined && editing !== 'new' ? contactArrangementSchema.safeParse(editing) : undefined;

  return (
    <section aria-labelledby="contact-plan-title">
      <h2 id="contact-plan-title">Contact plan</h2>
      <p className="lede">
        The contact agreed for {youngPersonName} with each family member. Restrictions are the limits; the
        plan is what should happen.
      </p>
      {message ? <Banner tone="success">{message}</Banner> : null}
      {editing && family ? (
        <ContactArrangementForm
          repository={repository}
          youngPersonId={youngPerson.id}
          youngPersonName={youngPersonName}
          today={today}
          family={family}
          existing={existing?.success ? existing.data : undefined}
          onDone={(saved) =>
            close(
              saved === undefined
                ? undefined
                : saved.version === 1
                  ? `The arrangement with ${nameOf(saved.personId)} is added to the plan.`
                  : `The arrangement with ${nameOf(saved.personId)} is changed (version ${saved.version}); the earlier version is kept.`,
            )
          }
        />
      ) : canManage ? (
        <ToolbarButton isDisabled={family === undefined} onClick={() => open('new')}>
          Add an arrangement
        </ToolbarButton>
      ) : null}
      {plan?.damagedIds.map((id) => (
        <DamagedRecordNotice key={id} advice={whatToDoNext(session.roles, 'damaged-record')} />
      ))}
      {plan === undefined ? (
        <p role="status">Loading the contact plan…</p>
      ) : plan.arrangements.length === 0 ? (
        plan.damagedIds.length > 0 ? null : (
          <p className="empty">No contact plan is recorded for {youngPersonName} yet.</p>
        )
      ) : (
        <table className="table">
          <caption className="visually-hidden">{youngPersonName}’s contact plan</caption>
          <thead>
            <tr>
              <th scope="col">With</th>
              <th scope="col">What is agreed</th>
              {against ? (
                <th scope="col">
                  This term ({formatUkDate(against.term.startsOn)} to {formatUkDate(against.term.endsOn)})
                </th>
              ) : null}
              <th scope="col">Review by</th>
              {canManage ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {plan.arrangements.map((arrangement) => {
              const figure = figureOf(arrangement.id);
              return (
                <tr key={arrangement.id}>
                  <th scope="row">{nameOf(arrangement.personId)}</th>
                  <td>
                    {contactPlanWords(arrangement)}
                    {arrangement.agreement ? (
                      <div className="field__hint">
                        Agreed by {contactPlanAgreedByLabels[arrangement.agreement.agreedBy].toLowerCase()}{' '}
                        {arrangement.agreement.agreedByName} on {formatUkDate(arrangement.agreement.agreedOn)}
                        . Version {arrangement.version}.
                      </div>
                    ) : null}
                  </td>
                  {against ? (
                    <td>
                      {figure ? (
                        <>
                          {figure.value}
                          <div className="field__hint">{statusWords[figure.status]}</div>
                        </>
                      ) : (
                        'Not in force this term'
                      )}
                    </td>
                  ) : null}
                  <td>{arrangement.reviewOn ? formatUkDate(arrangement.reviewOn) : 'Not set'}</td>
                  {canManage ? (
                    <td>
                      <div className="toolbar">
                        <RowButton
                          name={`Change the arrangement with ${nameOf(arrangement.personId)}: ${contactPlanWords(arrangement)}`}
                          onClick={() => open(arrangement)}
                        >
                          Change
                        </RowButton>
                        {arrangement.version > 1 ? (
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-expanded={historyOf === arrangement.id}
                            onClick={() =>
                              setHistoryOf((shown) => (shown === arrangement.id ? undefined : arrangement.id))
                            }
                          >
                            {historyOf === arrangement.id ? 'Hide earlier versions' : 'Earlier versions'}
                          </button>
                        ) : null}
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {historyOf ? (
        <ContactArrangementHistory repository={repository} arrangementId={historyOf} name={nameOf} />
      ) : null}
    </section>
  );
}
