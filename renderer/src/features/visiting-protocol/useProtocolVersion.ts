import { useCallback, useMemo } from 'react';
import { visitingProtocolRepository } from '../../db/repositories/visiting-protocol-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

/** Reads one version of the visiting protocol by number: the one a visitor answered, for their copy. */
export function useProtocolVersion() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => visitingProtocolRepository(db), [db]);
  return useCallback((version: number) => repository.version(session, version), [repository, session]);
}
