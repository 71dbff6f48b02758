import { useLiveQuery } from 'dexie-react-hooks';
import { displayName } from '@shared/display-names';
import type { Person, YoungPerson } from '@shared/schemas/people';
import type { StaffMember } from '@shared/schemas/staff';
import { useDatabase } from '../db/useDatabase';
import { peopleRepository } from '../db/repositories/people-repository';
import { staffRepository } from '../db/repositories/staff-repository';
import { youngPeopleRepository } from '../db/repositories/young-people-repository';
import { useSession } from '../security/session-context';

export type DoorDirectory = {
  readonly youngPeople: readonly YoungPerson[];
  readonly staff: readonly StaffMember[];
  readonly people: readonly Person[];
  readonly youngPersonName: (id: string) => string;
  readonly staffName: (id: string | undefined) => string;
};

/** The names the door needs: young people, colleagues and registered family and friends; kept live. */
export function useDoorDirectory(): DoorDirectory | undefined {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(async () => {
    const [youngPeople, staff, people] = await Promise.all([
      youngPeopleRepository(db).list(session),
      staffRepository(db).list(session.cipher),
      peopleRepository(db).listPeople(session),
    ]);
    const youngNames = new Map(youngPeople.map((youngPerson) => [youngPerson.id, displayName(youngPerson)]));
    const staffNames = new Map(staff.map((member) => [member.id, member.name]));
    return {
      youngPeople,
      staff,
      people,
      youngPersonName: (id: string) => youngNames.get(id) ?? 'a young person no longer listed',
      staffName: (id: string | undefined) => (id ? (staffNames.get(id) ?? 'a former colleague') : ''),
    };
  }, [db, session]);
}
