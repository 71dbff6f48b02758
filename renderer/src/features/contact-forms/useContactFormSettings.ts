import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useSession } from '../../security/session-context';
import { useContactFormRepository } from './useContactFormRepository';

/**
 * The home's contact-form settings, kept live (undefined while loading), whether they were changed
 * outside Family Links (then the policy's 48 hours apply), and saving them (manager only).
 */
export function useContactFormSettings() {
  const repository = useContactFormRepository();
  const session = useSession();
  const checked = useLiveQuery(() => repository.checkedSettings(session), [repository, session]);
  const save = useCallback(
    (values: unknown) => repository.saveSettings(session, values),
    [repository, session],
  );
  return { current: checked?.settings, damaged: checked?.damaged ?? false, save };
}

/** The home's hours to file a contact form (48 unless the manager changed it); undefined while loading. */
export function useDueHours(): number | undefined {
  return useContactFormSettings().current?.dueHours;
}
