import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReviewSample } from '@shared/schemas/review';
import { useDatabase } from '../../db/useDatabase';
import { reviewSampleRepository } from '../../db/repositories/review-sample-repository';
import { useSession } from '../../security/session-context';

/** The manager's samples, newest first, and the repository to draw and review with. */
export function useSamples() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => reviewSampleRepository(db), [db]);
  const [samples, setSamples] = useState<ReviewSample[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const reload = useCallback(async () => {
    const result = await repository.list(session);
    if (result.ok) setSamples(result.value);
    else setFailure(result.error.message);
  }, [repository, session]);
  useEffect(() => {
    let isCurrent = true;
    void repository.list(session).then((result) => {
      if (!isCurrent) return;
      if (result.ok) setSamples(result.value);
      else setFailure(result.error.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [repository, session]);
  return { samples, failure, repository, session, reload };
}
