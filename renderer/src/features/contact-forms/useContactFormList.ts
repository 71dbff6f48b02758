import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { copyContactFormListFields } from '../../db/repositories/contact-form-list-backfill';
import {
  contactFormListRepository,
  type ContactFormListCursor,
  type ContactFormListFilter,
  type ContactFormListItem,
} from '../../db/repositories/contact-form-list-repository';
import { useSession } from '../../security/session-context';

export type ContactFormListState = {
  readonly items: readonly ContactFormListItem[];
  /** True while a page is being read. */
  readonly isLoading: boolean;
  /** True when every matching form has been read. */
  readonly isComplete: boolean;
  /** Reads the next page (the list calls this as its end scrolls into view). */
  readonly loadMore: () => void;
};

const pageSize = 60;

/**
 * The Contact forms list for `filter`, a page at a time as the person scrolls: a page is read by
 * index keys, so the first screenful is as quick with ten years of forms as with ten. Forms
 * stored before their list fields were plain are copied out first (once). A new filter starts again.
 */
export function useContactFormList(filter: ContactFormListFilter): ContactFormListState {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => contactFormListRepository(db), [db]);
  const filterKey = JSON.stringify(filter);
  const [state, setState] = useState<{
    key: string;
    items: readonly ContactFormListItem[];
    next: ContactFormListCursor | undefined;
    isComplete: boolean;
  }>({ key: '', items: [], next: undefined, isComplete: false });
  const loading = useRef<string | undefined>(undefined);
  // The filter on screen now: a page read for an older filter that answers late is dropped.
  const latest = useRef(filterKey);
  const [isLoading, setIsLoading] = useState(true);

  const read = useCallback(
    async (key: string, cursor: ContactFormListCursor | undefined) => {
      if (loading.current === key) return;
      loading.current = key;
      setIsLoading(true);
      try {
        await copyContactFormListFields(db, session).catch((error: unknown) =>
          console.error('Older contact forms could not be prepared for the list', error),
        );
        const parsed = JSON.parse(key) as ContactFormListFilter;
        const page = await repository.page(session, parsed, { now: new Date(), pageSize, cursor });
        setState((current) => {
          if (key !== latest.current) return current;
          const items = current.key === key ? [...current.items, ...page.items] : page.items;
          return { key, items, next: page.next, isComplete: page.next === undefined };
        });
      } finally {
        if (loading.current === key) loading.current = undefined;
        setIsLoading(false);
      }
    },
    [db, session, repository],
  );

  useEffect(() => {
    latest.current = filterKey;
    void read(filterKey, undefined);
  }, [filterKey, read]);

  const isCurrent = state.key === filterKey;
  const loadMore = useCallback(() => {
    if (isCurrent && state.next && !loading.current) void read(filterKey, state.next);
  }, [isCurrent, state.next, read, filterKey]);

  return {
    items: isCurrent ? state.items : [],
    isLoading: isLoading || !isCurrent,
    isComplete: isCurrent && state.isComplete,
    loadMore,
  };
}
