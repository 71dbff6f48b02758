import { formatUkDate } from '@shared/format-dates';
import { restrictionKindLabels } from '@shared/schemas/registers';
import { can, type VisibleRestriction } from '@shared/rules/access';
import { hashFor } from '../../common/routes';
import { useSession } from '../../security/session-context';
import { reviewWindowDays, useRestrictionsNeedingAttention } from './useRestrictionsNeedingAttention';
import { useHomeToday } from '../../common/useHomeToday';
import { Panel } from '../../ui/Panel';

type Item = { readonly restriction: VisibleRestriction; readonly youngPersonName: string };

function AttentionList({ items, dateText }: { items: readonly Item[]; dateText: (item: Item) => string }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.restriction.id}>
          <a href={hashFor('young-people', item.restriction.youngPersonId)}>{item.youngPersonName}</a>:{' '}
          {item.restriction.name}, {restrictionKindLabels[item.restriction.kind].toLowerCase()}.{' '}
          {dateText(item)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Restrictions someone should look at: one waiting for the manager's approval, a review coming
 * up (or missed), or one that lapsed but was never ended.
 */
export function RestrictionAttentionPanel() {
  const roles = useSession().roles;
  const today = useHomeToday();
  const attention = useRestrictionsNeedingAttention(today);
  if (!can(roles, 'restriction:read-instruction')) return null;

  return (
    <Panel titleId="restriction-attention-title" title="Restrictions to look at">
      {attention === undefined ? (
        <p role="status">Checking the restriction register…</p>
      ) : attention.dueForReview.length === 0 &&
        attention.lapsed.length === 0 &&
        attention.awaitingApproval.length === 0 ? (
        <p className="empty">
          No reviews due in the next {reviewWindowDays} days, no lapsed restrictions
          {can(roles, 'restriction:approve') ? ' and none waiting for your approval' : ''}.
        </p>
      ) : (
        <>
          {attention.awaitingApproval.length > 0 ? (
            <>
              <h3>Waiting for your approval</h3>
              <p className="muted">They apply already: approve each on the young person’s page.</p>
              <AttentionList
                items={attention.awaitingApproval}
                dateText={({ restriction: { effectiveFrom } }) => `From ${formatUkDate(effectiveFrom)}.`}
              />
            </>
          ) : null}
          {attention.dueForReview.length > 0 ? (
            <>
              <h3>Due for review in the next {reviewWindowDays} days</h3>
              <AttentionList
                items={attention.dueForReview}
                dateText={({ restriction: { reviewOn = today } }) =>
                  reviewOn < today
                    ? `Review was due ${formatUkDate(reviewOn)}.`
                    : `Review by ${formatUkDate(reviewOn)}.`
                }
              />
            </>
          ) : null}
          {attention.lapsed.length > 0 ? (
            <>
              <h3>Lapsed but not ended</h3>
              <p className="muted">
                Their end date has passed. Check whether each should be renewed, or end it with the reason.
              </p>
              <AttentionList
                items={attention.lapsed}
                dateText={({ restriction: { effectiveTo } }) =>
                  effectiveTo ? `Lapsed on ${formatUkDate(effectiveTo)}.` : ''
                }
              />
            </>
          ) : null}
        </>
      )}
    </Panel>
  );
}
