import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { declarationRepository } from '../../db/repositories/declaration-repository';
import { useSession } from '../../security/session-context';

/** The declarations this person may see (their own; the manager's: everyone's), newest first, kept live. */
export function useDeclarations() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => declarationRepository(db), [db]);
  const declarations = useLiveQuery(() => repository.listVisible(session), [repository, session]);
  return { declarations, repository };
}
