import { can } from '@shared/rules/access';
import { hashFor } from '../../common/routes';
import { useSession } from '../../security/session-context';
import { Panel } from '../../ui/Panel';

/**
 * The home screen's way in for those a young person's record names (PT, CC, LM): what they owe
 * the young people they hold (seed 004 §5.2.1, §5.2.2). Nothing for anyone else.
 */
export function MyYoungPeopleLink() {
  const { roles } = useSession();
  if (!can(roles, 'my-young-people:view')) return null;
  return (
    <Panel titleId="my-young-people-link-title" title="Your young people">
      <p>
        <a href={hashFor('my-young-people')}>My young people</a>: what you owe each young person you hold this
        week and this term, with the contact to record or book one step away.
      </p>
    </Panel>
  );
}
