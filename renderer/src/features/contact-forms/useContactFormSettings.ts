import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useSession } from '../../security/session-context';
import { useContactFormRepository } from './useContactFormRepository';

/** The home's contact-form settings, kept live (undefined while loading), and saving them (manager only). */
export function useContactFormSettings() {
  const repository = useContactFormRepository();
  const session = useSession();
  const current = useLiveQuery(() => repository.settings(), [repository]);
  const save = useCallback(
    (values: unknown) => repository.saveSettings(session, values),
    [repository, session],
  );
  return { current, save };
}

/** The home's hours to file a contact form (48 unless the manager changed it); undefined while loading. */
export function useDueHours(): number | undefined {
  return useContactFormSettings().current?.dueHours;
}
