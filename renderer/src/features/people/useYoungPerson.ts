import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { YoungPerson } from '@shared/schemas/people';
import { useDatabase } from '../../db/useDatabase';
import { youngPeopleRepository } from '../../db/repositories/young-people-repository';
import { useSession } from '../../security/session-context';

export type YoungPersonState =
  { readonly isLoading: true } | { readonly isLoading: false; readonly youngPerson: YoungPerson | undefined };

/** One young person, kept live; `youngPerson` is undefined when the id matches nobody. */
export function useYoungPerson(id: string) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => youngPeopleRepository(db), [db]);
  const found = useLiveQuery(
    async () => ({ youngPerson: await repository.get(session, id) }),
    [repository, session, id],
  );
  const state: YoungPersonState =
    found === undefined ? { isLoading: true } : { isLoading: false, youngPerson: found.youngPerson };
  return { state, repository };
}
