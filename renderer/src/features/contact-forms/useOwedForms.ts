import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../security/session-context';
import { useContactFormRepository } from './useContactFormRepository';

/** The forms the signed-in person still owes, soonest due first, with the home's hours; kept live, undefined while loading. */
export function useOwedForms() {
  const repository = useContactFormRepository();
  const session = useSession();
  return useLiveQuery(async () => {
    const [forms, settings] = await Promise.all([repository.owedBy(session), repository.settings()]);
    return { forms, dueHours: settings.dueHours };
  }, [repository, session]);
}
