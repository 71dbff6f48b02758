import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ChainedAuditEntry } from '@shared/rules/audit-chain';
import type { AuditLogFilter } from '@shared/rules/audit-log-filter';
import { auditLogSearch } from '../../db/repositories/audit-log-search';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

export type AuditLogMatches = {
  /** The matching entries' numbers, newest first; undefined while the filter is being applied. */
  readonly seqs: readonly number[] | undefined;
  /** The entries read so far, by number: only those that have been on screen (or near it). */
  readonly loaded: ReadonlyMap<number, ChainedAuditEntry>;
  /** Reads the entries at these positions in `seqs` that are not read yet. */
  readonly ensureLoaded: (from: number, to: number) => void;
};

/**
 * The audit log narrowed by `filter`, kept live (a new entry that matches, the screen's own
 * export included, appears without a reload). Only entry numbers are found for the whole log;
 * the entries themselves are read a screenful at a time as the list asks for them.
 */
export function useAuditLogSearch(filter: AuditLogFilter, timeZone: string): AuditLogMatches {
  const db = useDatabase();
  const session = useSession();
  const search = useMemo(() => auditLogSearch(db), [db]);
  const key = JSON.stringify(filter);
  const found = useLiveQuery(
    async () => ({
      key,
      seqs: await search.matchingSeqs(session.roles, JSON.parse(key) as AuditLogFilter, timeZone),
    }),
    [search, session.roles, key, timeZone],
  );
  // A result for a filter no longer on screen is not shown while the new one is worked out.
  const seqs = found?.key === key ? found.seqs : undefined;

  const [loaded, setLoaded] = useState<ReadonlyMap<number, ChainedAuditEntry>>(() => new Map());
  const reading = useRef(new Set<number>());
  const ensureLoaded = useCallback(
    (from: number, to: number) => {
      if (!seqs) return;
      const wanted = seqs
        .slice(Math.max(0, from), Math.max(0, to))
        .filter((seq) => !loaded.has(seq) && !reading.current.has(seq));
      if (wanted.length === 0) return;
      for (const seq of wanted) reading.current.add(seq);
      void search
        .entries(session.roles, wanted)
        .then((entries) =>
          // Entries never change once written, so what was read stays good for every filter.
          setLoaded((current) => {
            const next = new Map(current);
            for (const entry of entries) next.set(entry.seq, entry);
            return next;
          }),
        )
        .finally(() => {
          for (const seq of wanted) reading.current.delete(seq);
        });
    },
    [seqs, loaded, search, session.roles],
  );
  return { seqs, loaded, ensureLoaded };
}
