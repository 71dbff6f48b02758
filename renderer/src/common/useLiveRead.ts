import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { FamilyLinksDb } from '../db/database';
import type { Session } from '../db/session';
import { useDatabase } from '../db/useDatabase';
import { useSession } from '../security/session-context';

/**
 * A repository for this window's database and what `read` finds in it for the signed-in person,
 * kept live: Dexie reads again when a table it read changes, and again when the session or
 * anything in `inputs` changes. `value` is undefined while loading.
 */
export function useLiveRead<Repository, Value>(
  repositoryFor: (db: FamilyLinksDb) => Repository,
  read: (repository: Repository, session: Session) => Promise<Value> | Value,
  inputs: readonly unknown[],
): { readonly repository: Repository; readonly value: Value | undefined } {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => repositoryFor(db), [repositoryFor, db]);
  const value = useLiveQuery(() => read(repository, session), [repository, session, ...inputs]);
  return { repository, value };
}
