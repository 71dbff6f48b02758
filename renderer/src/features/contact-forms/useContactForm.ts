import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../security/session-context';
import { useCaseFileCopyRepository } from './useCaseFileCopyRepository';
import { useContactFormRepository } from './useContactFormRepository';

/** One form (if this person may read it), its addenda and whether its copy is waiting; `null` when not found, undefined while loading. */
export function useContactForm(id: string) {
  const repository = useContactFormRepository();
  const copies = useCaseFileCopyRepository();
  const session = useSession();
  return useLiveQuery(async () => {
    const form = await repository.get(session, id);
    if (!form) return null;
    const [addenda, waiting, settings] = await Promise.all([
      repository.addendaOf(session, id),
      copies.waiting(),
      repository.settings(),
    ]);
    return {
      form,
      addenda,
      isCopyWaiting: waiting.some((copy) => copy.id === id),
      dueHours: settings.dueHours,
    };
  }, [repository, copies, session, id]);
}
