import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  chronologyRange,
  filterChronology,
  matchesKindAndDates,
  type ChronologyFilter,
} from '@shared/rules/chronology';
import type { ChronologyEntry } from '../../db/repositories/chronology-entries';
import { chronologyRepository, type ChronologyRead } from '../../db/repositories/chronology-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

/** Records opened per step when a whole filtered list must be opened (a family member, a printed copy). */
const openStep = 400;

export type ChronologyState = {
  /** Undefined while the chronology is first read. */
  readonly read: ChronologyRead | undefined;
  /** The lines the filter asks for, newest first, each as opened as it is so far. */
  readonly entries: readonly ChronologyEntry[];
  /** True while records are being opened to find a family member's lines. */
  readonly isLookingThrough: boolean;
  /** Opens these lines' records (the lines on screen). */
  readonly ensureOpen: (entries: readonly ChronologyEntry[]) => void;
  /** Every line the filter asks for, opened: for the printed and signed copies. */
  readonly openAll: () => Promise<ChronologyEntry[]>;
};

/**
 * One young person's chronology for the screen: read once, filtered here (`filterChronology`), and
 * opened a screenful at a time. A family-member filter needs to know who each record concerns, so
 * it opens every record of the chosen kinds and dates, a step at a time, before it can answer.
 */
export function useChronology(
  youngPersonId: string,
  filter: ChronologyFilter,
  timeZone: string,
): ChronologyState {
  const db = useDatabase();
  const session = useSession();
  const [read, setRead] = useState<{ id: string; read: ChronologyRead } | undefined>();
  const [opened, setOpened] = useState<ReadonlyMap<string, ChronologyEntry>>(new Map());
  const pending = useRef(new Set<string>());

  useEffect(() => {
    let isCurrent = true;
    void chronologyRepository(db)
      .read(session, youngPersonId, timeZone)
      .then((value) => {
        if (!isCurrent) return;
        pending.current = new Set();
        setOpened(new Map());
        setRead({ id: youngPersonId, read: value });
      });
    return () => {
      isCurrent = false;
    };
  }, [db, session, youngPersonId, timeZone]);

  const current = read?.id === youngPersonId ? read.read : undefined;

  const openNow = useCallback(
    async (wanted: readonly ChronologyEntry[]) => {
      if (!current) return;
      const fresh = wanted.filter(
        (entry) => entry.personIds === undefined && !pending.current.has(entry.key),
      );
      if (fresh.length === 0) return;
      for (const entry of fresh) pending.current.add(entry.key);
      const done = await current.open(fresh);
      setOpened((before) => {
        const next = new Map(before);
        for (const entry of done) next.set(entry.key, entry);
        return next;
      });
    },
    [current],
  );

  const ensureOpen = useCallback((wanted: readonly ChronologyEntry[]) => void openNow(wanted), [openNow]);

  const all = useMemo(
    () => (current?.entries ?? []).map((entry) => opened.get(entry.key) ?? entry),
    [current, opened],
  );

  const { kinds, fromDate, toDate, personId } = filter;
  const kindsAndDates = useMemo(() => {
    const narrowed = { kinds, fromDate, toDate };
    const range = chronologyRange(narrowed, timeZone);
    return all.filter((entry) => matchesKindAndDates(entry, narrowed, range));
  }, [all, kinds, fromDate, toDate, timeZone]);

  // A family member's lines: open every candidate first, a step at a time, so the answer is whole.
  const unopenedCount = kindsAndDates.filter((entry) => entry.personIds === undefined).length;
  useEffect(() => {
    if (personId === undefined || unopenedCount === 0) return;
    void openNow(kindsAndDates.filter((entry) => entry.personIds === undefined).slice(0, openStep));
  }, [personId, unopenedCount, kindsAndDates, openNow]);

  const entries = useMemo(
    () => (personId === undefined ? kindsAndDates : filterChronology(kindsAndDates, { personId }, timeZone)),
    [kindsAndDates, personId, timeZone],
  );

  const openAll = useCallback(async () => {
    if (!current) return [];
    const byKey = new Map(kindsAndDates.map((entry) => [entry.key, entry]));
    const unopened = kindsAndDates.filter((entry) => entry.personIds === undefined);
    for (let start = 0; start < unopened.length; start += openStep)
      for (const entry of await current.open(unopened.slice(start, start + openStep)))
        byKey.set(entry.key, entry);
    const whole = kindsAndDates.map((entry) => byKey.get(entry.key) ?? entry);
    return personId === undefined ? whole : filterChronology(whole, { personId }, timeZone);
  }, [current, kindsAndDates, personId, timeZone]);

  return {
    read: current,
    entries,
    isLookingThrough: personId !== undefined && unopenedCount > 0,
    ensureOpen,
    openAll,
  };
}
