import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Visit } from '@shared/schemas/visits';
import { doorDiaryRepository } from '../../db/repositories/door-diary';
import { roomRepository } from '../../db/repositories/room-repository';
import { visitRepository } from '../../db/repositories/visit-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

export type DoorDiary = {
  readonly visits: readonly Visit[];
  readonly roomName: (id: string | undefined) => string;
};

/** Today's booked visits at the door (the home's day), with the rooms' names; kept live, undefined while loading. */
export function useDoorDiary(today: string, timeZone: string): DoorDiary | undefined {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(async () => {
    const [visits, rooms] = await Promise.all([
      doorDiaryRepository(db).expectedOn(session, today, timeZone),
      roomRepository(db).list(),
    ]);
    const names = new Map(rooms.map((room) => [room.id, room.name]));
    return {
      visits,
      roomName: (id: string | undefined) => (id ? (names.get(id) ?? 'a room no longer listed') : ''),
    };
  }, [db, session, today, timeZone]);
}

/** Marks a booked visit cancelled from the door, with the reason (audited, and the PAN group told, as from Visits). */
export function useCancelVisit(timeZone: string) {
  const db = useDatabase();
  const session = useSession();
  return useMemo(
    () => (visitId: string, reason: string) =>
      visitRepository(db).setStatus(session, visitId, { status: 'cancelled', reason }, { timeZone }),
    [db, session, timeZone],
  );
}
