import { restrictionRepository } from '../../db/repositories/restriction-repository';
import { useLiveRead } from '../../common/useLiveRead';

/** One young person's restrictions as this person may see them, kept live; undefined while loading. */
export function useRestrictions(youngPersonId: string) {
  const { repository, value: restrictions } = useLiveRead(
    restrictionRepository,
    (repository, session) => repository.listForYoungPerson(session, youngPersonId),
    [youngPersonId],
  );
  return { restrictions, repository };
}
