import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../security/session-context';
import { useFormActionRepository } from './useFormActionRepository';

/** The open actions of each young person this person reviews, kept live; undefined while loading. */
export function useActionsForReview() {
  const repository = useFormActionRepository();
  const session = useSession();
  return useLiveQuery(() => repository.openForReview(session), [repository, session]);
}
