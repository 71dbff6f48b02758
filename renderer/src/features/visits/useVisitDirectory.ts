import { useLiveQuery } from 'dexie-react-hooks';
import { displayName } from '@shared/display-names';
import { useMemo } from 'react';
import type { Room } from '@shared/schemas/visits';
import type { StaffMember } from '@shared/schemas/staff';
import type { YoungPerson } from '@shared/schemas/people';
import { useDatabase } from '../../db/useDatabase';
import { roomRepository } from '../../db/repositories/room-repository';
import { staffRepository } from '../../db/repositories/staff-repository';
import { youngPeopleRepository } from '../../db/repositories/young-people-repository';
import { useSession } from '../../security/session-context';

/** Who and what a visit can name: young people, staff and rooms, with their names; undefined while loading. */
export type VisitDirectory = {
  readonly youngPeople: readonly YoungPerson[];
  readonly staff: readonly StaffMember[];
  readonly rooms: readonly Room[];
  readonly youngPersonName: (id: string) => string;
  readonly staffName: (id: string) => string;
  readonly roomName: (id: string) => string;
};

export function useVisitDirectory(): VisitDirectory | undefined {
  const db = useDatabase();
  const session = useSession();
  const loaded = useLiveQuery(async () => {
    const [youngPeople, staff, rooms] = await Promise.all([
      youngPeopleRepository(db).list(session),
      staffRepository(db).list(session.cipher),
      roomRepository(db).list(),
    ]);
    return { youngPeople, staff, rooms };
  }, [db, session]);
  return useMemo(() => {
    if (!loaded) return undefined;
    const youngPeople = new Map(loaded.youngPeople.map((person) => [person.id, displayName(person)]));
    const staff = new Map(loaded.staff.map((member) => [member.id, member.name]));
    const rooms = new Map(loaded.rooms.map((room) => [room.id, room.name]));
    return {
      ...loaded,
      youngPersonName: (id: string) => youngPeople.get(id) ?? 'Unknown young person',
      staffName: (id: string) => staff.get(id) ?? 'Unknown member of staff',
      roomName: (id: string) => rooms.get(id) ?? 'Unknown room',
    };
  }, [loaded]);
}
