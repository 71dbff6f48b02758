import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { roomRepository } from '../../db/repositories/room-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

/** The rooms list, kept live (undefined while loading), and the manager's changes to it. */
export function useRooms() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => roomRepository(db), [db]);
  const rooms = useLiveQuery(() => repository.list(), [repository]);
  const changes = useMemo(
    () => ({
      add: (values: unknown) => repository.add(session, values),
      rename: (id: string, values: unknown) => repository.rename(session, id, values),
      setBookable: (id: string, isActive: boolean) => repository.setBookable(session, id, isActive),
    }),
    [repository, session],
  );
  return { rooms, changes };
}
export type RoomChanges = ReturnType<typeof useRooms>['changes'];
