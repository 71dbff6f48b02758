import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { contactFormListRepository } from '../../db/repositories/contact-form-list-repository';
import { normaliseReference } from '../../db/repositories/contact-form-reference';
import { useSession } from '../../security/session-context';

/** The id of the form with exactly this reference that this person may read; null if none, undefined while looking. */
export function useFormIdByReference(reference: string): string | null | undefined {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => contactFormListRepository(db), [db]);
  return useLiveQuery(async () => {
    const wanted = normaliseReference(reference);
    const page = await repository.page(session, { reference: wanted }, { now: new Date() });
    return page.items.find((item) => item.reference === wanted)?.id ?? null;
  }, [repository, session, reference]);
}
