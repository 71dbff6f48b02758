import { formatUkDate } from '@shared/format-dates';
import { can } from '@shared/rules/access';
import { declarationKindLabels } from '@shared/schemas/declarations';
import { hashFor } from '../../common/routes';
import { useSession } from '../../security/session-context';
import { useHomeToday } from '../../common/useHomeToday';
import { staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { declarationStateText } from './declaration-state-text';
import { useDeclarationsNeedingAttention } from './useDeclarationsNeedingAttention';
import { LoadedList } from '../../ui/LoadedList';
import { Panel } from '../../ui/Panel';

/** For the manager's home screen: declarations waiting for a review, a supervision date or an outcome. */
export function DeclarationAttentionPanel() {
  const roles = useSession().roles;
  const today = useHomeToday();
  const attention = useDeclarationsNeedingAttention(today);
  const names = staffNamesById(useStaffMembers());
  if (!can(roles, 'declaration:read-all')) return null;

  return (
    <Panel titleId="declaration-attention-title" title="Staff declarations to look at">
      <LoadedList
        items={attention}
        loading="Checking staff declarations…"
        empty="Every declaration has been reviewed and discussed, or has a supervision date to come."
      >
        {(attention) => (
          <ul>
            {attention.map(({ declaration, attention: state }) => (
              <li key={declaration.id}>
                <a href={hashFor('declarations')}>{names.get(declaration.staffId) ?? 'A member of staff'}</a>:{' '}
                {declarationKindLabels[declaration.kind].toLowerCase()},{' '}
                {formatUkDate(declaration.happenedOn)}. {declarationStateText(state)}.
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
    </Panel>
  );
}
