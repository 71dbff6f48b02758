import { can } from '@shared/rules/access';
import { hashFor } from '../../common/routes';
import { useSession } from '../../security/session-context';

/**
 * The home screen's way in for those a young person's record names (PT, CC, LM): what they owe
 * the young people they hold (seed 004 §5.2.1, §5.2.2). Nothing for anyone else.
 */
export function MyYoungPeopleLink() {
  const { roles } = useSession();
  if (!can(roles, 'my-young-people:view')) return null;
  return (
    <section className="panel" aria-labelledby="my-young-people-link-title">
      <h2 id="my-young-people-link-title">Your young people</h2>
      <p>
        <a href={hashFor('my-young-people')}>My young people</a>: what you owe each young person you hold this
        week and this term, with the contact to record or book one step away.
      </p>
    </section>
  );
}
