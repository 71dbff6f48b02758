import { declarationRepository } from '../../db/repositories/declaration-repository';
import { useLiveRead } from '../../common/useLiveRead';

/** The declarations this person may see (their own; the manager's: everyone's), newest first, kept live. */
export function useDeclarations() {
  const { repository, value: declarations } = useLiveRead(
    declarationRepository,
    (repository, session) => repository.listVisible(session),
    [],
  );
  return { declarations, repository };
}
