import { panGroupRepository } from '../../db/repositories/pan-group-repository';
import { useLiveRead } from '../../common/useLiveRead';

/** A young person's PAN group as stored (null when nobody has been added yet), kept live; undefined while loading. */
export function usePanGroup(youngPersonId: string) {
  const { repository, value: group } = useLiveRead(
    panGroupRepository,
    async (repository, session) => (await repository.get(session, youngPersonId)) ?? null,
    [youngPersonId],
  );
  return { group, repository };
}
