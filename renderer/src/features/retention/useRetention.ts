import { useCallback, useMemo, useState } from 'react';
import type { RetentionSettings } from '@shared/schemas/retention';
import {
  retentionRepository,
  type PastRetention,
  type RetentionRepository,
} from '../../db/repositories/retention-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';
import { useLoadedValue } from '../../common/useLoadedValue';

type RetentionDecision = Parameters<RetentionRepository['recordDecision']>[1];

/** The periods, and the records past them or why they could not be listed. */
type Loaded = { settings: RetentionSettings; past?: PastRetention; problem?: string };

/**
 * The retention periods and the records past them on `today` (worked out again after the periods
 * change), and the manager's decisions, recorded in the audit log. `problem` says why the records
 * could not be listed.
 */
export function useRetention(today: string) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => retentionRepository(db), [db]);
  const [version, setVersion] = useState(0);
  const load = useCallback(async (): Promise<Loaded> => {
    const [settings, found] = await Promise.all([
      repository.settings(),
      repository.pastRetention(session, today),
    ]);
    return found.ok ? { settings, past: found.value } : { settings, problem: found.error.message };
  }, [repository, session, today]);
  const loaded = useLoadedValue(load, 'Could not read the retention periods', version);

  const saveSettings = useCallback(
    async (input: unknown) => {
      const saved = await repository.saveSettings(session, input);
      if (saved.ok) setVersion((count) => count + 1);
      return saved;
    },
    [repository, session],
  );
  const recordDecision = useCallback(
    (input: RetentionDecision) => repository.recordDecision(session, input),
    [repository, session],
  );
  return { ...loaded, saveSettings, recordDecision };
}
