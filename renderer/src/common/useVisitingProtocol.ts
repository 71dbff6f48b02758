import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { visitingProtocolRepository } from '../db/repositories/visiting-protocol-repository';
import { useDatabase } from '../db/useDatabase';
import { useSession } from '../security/session-context';

/**
 * The home's visiting protocol, kept live: every version (newest first; undefined while loading),
 * each person's latest answer, and the manager's publish. The door, the people register and the
 * protocol's own screen read it here.
 */
export function useVisitingProtocol() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => visitingProtocolRepository(db), [db]);
  const versions = useLiveQuery(() => repository.all(session), [repository, session]);
  const latestAnswers = useLiveQuery(() => repository.latestAnswers(session), [repository, session]);
  const actions = useMemo(
    () => ({
      publish: (values: unknown) => repository.publish(session, values),
      askFor: (personId: string | undefined) => repository.askFor(session, personId),
    }),
    [repository, session],
  );
  return { versions, current: versions?.[0], latestAnswers, ...actions };
}
