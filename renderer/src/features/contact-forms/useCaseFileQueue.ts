import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useSession } from '../../security/session-context';
import { retryCaseFileCopies } from './retry-case-file-copies';
import { useCaseFileCopyRepository } from './useCaseFileCopyRepository';
import { useContactFormRepository } from './useContactFormRepository';

/**
 * The signed copies still waiting for the case-file folder, kept live (undefined while loading),
 * each form's reference (for those this person may read), and `tryNow`, which tries them all.
 */
export function useCaseFileQueue() {
  const repository = useContactFormRepository();
  const copies = useCaseFileCopyRepository();
  const session = useSession();
  const waiting = useLiveQuery(() => copies.waiting(), [copies]);
  const references = useLiveQuery(async () => {
    const forms = await Promise.all((waiting ?? []).map((copy) => repository.get(session, copy.id)));
    return new Map(forms.flatMap((form) => (form ? [[form.id, form.reference] as const] : [])));
  }, [repository, session, waiting]);
  const tryNow = useCallback(
    (ids: readonly string[]) => retryCaseFileCopies(copies, session, [...ids]),
    [copies, session],
  );
  return { waiting, references, tryNow };
}
