import { useLiveQuery } from 'dexie-react-hooks';
import { displayName } from '@shared/display-names';
import { useDatabase } from '../../db/useDatabase';
import { staffRepository } from '../../db/repositories/staff-repository';
import { youngPeopleRepository } from '../../db/repositories/young-people-repository';
import { useSession } from '../../security/session-context';
import type { AuditNames } from './audit-entry-words';

export type AuditNameChoices = AuditNames & {
  /** For the filters, in name order. */
  readonly staffList: readonly { readonly id: string; readonly name: string }[];
  readonly youngPeopleList: readonly { readonly id: string; readonly name: string }[];
};

/** The names the log's ids stand for (staff, young people), kept live; undefined while loading. */
export function useAuditNames(): AuditNameChoices | undefined {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(async () => {
    const [staff, youngPeople] = await Promise.all([
      staffRepository(db).list(session.cipher),
      youngPeopleRepository(db).list(session),
    ]);
    const staffList = staff
      .map((member) => ({ id: member.id, name: member.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    const youngPeopleList = youngPeople.map((youngPerson) => ({
      id: youngPerson.id,
      name: displayName(youngPerson),
    }));
    return {
      staffList,
      youngPeopleList,
      staff: new Map(staffList.map((member) => [member.id, member.name])),
      youngPeople: new Map(youngPeopleList.map((youngPerson) => [youngPerson.id, youngPerson.name])),
    };
  }, [db, session]);
}
