import { useCallback, useMemo } from 'react';
import type { TermName } from '@shared/schemas/academic-year';
import { ok } from '@shared/result';
import { reviewRepository } from '../../db/repositories/review-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';
import { useAsyncResult } from '../../common/useAsyncResult';
import type { RecordsSource } from './DrillDown';

/**
 * The records behind one figure, opened, with the names of the staff and people in them. The
 * repository opens only records of young people this person may review.
 */
export function useRecordsBehind(source: RecordsSource) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => reviewRepository(db), [db]);
  const load = useCallback(async () => {
    const refs =
      'pick' in source
        ? await repository.recordsOf(
            session,
            source.youngPersonId,
            source.yearId,
            source.termName,
            new Date(),
            source.pick,
          )
        : ok(source);
    if (!refs.ok) return refs;
    const result = await repository.recordsBehind(session, refs.value);
    if (!result.ok) return result;
    const personIds = result.value.flatMap((record) =>
      record.type === 'visit' ? record.visit.personIds : record.form.personIds,
    );
    const [staff, people] = await Promise.all([
      repository.staffNames(session),
      repository.peopleNames(session, personIds),
    ]);
    return ok({ records: result.value, staff, people });
  }, [repository, session, source]);
  return useAsyncResult(load);
}

/** One young person's review for a term, with family members' names; refused outside this person's scope. */
export function useYoungPersonReview(youngPersonId: string, yearId: string, termName: TermName) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => reviewRepository(db), [db]);
  const load = useCallback(
    () => repository.youngPersonReview(session, youngPersonId, yearId, termName, new Date()),
    [repository, session, youngPersonId, yearId, termName],
  );
  return useAsyncResult(load);
}
