import { youngPeopleRepository } from '../db/repositories/young-people-repository';
import { useLiveRead } from './useLiveRead';

/** Every young person, by the name staff use, kept live; `youngPeople` is undefined while loading. */
export function useYoungPeople() {
  const { repository, value: youngPeople } = useLiveRead(
    youngPeopleRepository,
    (repository, session) => repository.list(session),
    [],
  );
  return { youngPeople, repository };
}
