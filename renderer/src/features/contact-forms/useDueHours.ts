import { useLiveQuery } from 'dexie-react-hooks';
import { useContactFormRepository } from './useContactFormRepository';

/** The home's hours to file a contact form (48 unless the manager changed it); undefined while loading. */
export function useDueHours(): number | undefined {
  const repository = useContactFormRepository();
  return useLiveQuery(async () => (await repository.settings()).dueHours, [repository]);
}
