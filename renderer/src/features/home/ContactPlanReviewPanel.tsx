import { formatUkDate } from '@shared/format-dates';
import { can } from '@shared/rules/access';
import { contactPlanFrequencyLabels, contactPlanKindLabels } from '@shared/schemas/contact-plans';
import { hashFor } from '../../common/routes';
import { useHomeToday } from '../../common/useHomeToday';
import { useSession } from '../../security/session-context';
import { useContactPlansToReview } from './useContactPlansToReview';
import { reviewWindowDays } from './useRestrictionsNeedingAttention';
import { LoadedList } from '../../ui/LoadedList';
import { Panel } from '../../ui/Panel';

/**
 * Contact-plan arrangements whose review is coming up or was missed (seed 004 §5.2.1: contact in
 * keeping with the Placement Plan, which is reviewed): for those who keep the plans. Each opens
 * the young person's page, where the arrangement is changed with a new review date or ended.
 */
export function ContactPlanReviewPanel() {
  const { roles } = useSession();
  const today = useHomeToday();
  const due = useContactPlansToReview(today);
  if (!can(roles, 'contact-plan:manage')) return null;
  return (
    <Panel titleId="contact-plan-review-title" title="Contact plans to review">
      <LoadedList
        items={due}
        loading="Checking the contact plans…"
        empty={<>No contact plan reviews due in the next {reviewWindowDays} days.</>}
      >
        {(due) => (
          <ul>
            {due.map(({ arrangement, youngPersonName, personName }) => {
              const reviewOn = arrangement.reviewOn ?? today;
              return (
                <li key={arrangement.id}>
                  <a href={hashFor('young-people', arrangement.youngPersonId)}>{youngPersonName}</a>:{' '}
                  {contactPlanKindLabels[arrangement.kind].toLowerCase()} with {personName} (
                  {contactPlanFrequencyLabels[arrangement.frequency].toLowerCase()}).{' '}
                  {reviewOn < today
                    ? `Review was due ${formatUkDate(reviewOn)}.`
                    : `Review by ${formatUkDate(reviewOn)}.`}
                </li>
              );
            })}
          </ul>
        )}
      </LoadedList>
    </Panel>
  );
}
