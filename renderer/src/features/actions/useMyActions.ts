import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../security/session-context';
import { useFormActionRepository } from './useFormActionRepository';

/** The signed-in person's own actions (open, and done in the last fortnight), kept live; undefined while loading. */
export function useMyActions() {
  const repository = useFormActionRepository();
  const session = useSession();
  return useLiveQuery(() => repository.mine(session), [repository, session]);
}
