import { useLiveQuery } from 'dexie-react-hooks';
import type { ContactPlanRepository } from '../../db/repositories/contact-plan-repository';
import { useSession } from '../../security/session-context';

/** Earlier versions of one arrangement, newest first, kept live; undefined while loading or for those who may not read them. */
export function useArrangementHistory(repository: ContactPlanRepository, arrangementId: string) {
  const session = useSession();
  return useLiveQuery(() => repository.history(session, arrangementId), [repository, session, arrangementId]);
}
