import type { YoungPerson } from '@shared/schemas/people';
import { youngPeopleRepository } from '../../db/repositories/young-people-repository';
import { useLiveRead } from '../../common/useLiveRead';

export type YoungPersonState =
  { readonly isLoading: true } | { readonly isLoading: false; readonly youngPerson: YoungPerson | undefined };

/** One young person, kept live; `youngPerson` is undefined when the id matches nobody. */
export function useYoungPerson(id: string) {
  const { repository, value: found } = useLiveRead(
    youngPeopleRepository,
    async (repository, session) => ({ youngPerson: await repository.get(session, id) }),
    [id],
  );
  const state: YoungPersonState =
    found === undefined ? { isLoading: true } : { isLoading: false, youngPerson: found.youngPerson };
  return { state, repository };
}
