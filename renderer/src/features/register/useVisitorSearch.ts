import { useEffect, useState } from 'react';
import type { VisitorSearchHit } from '@shared/rules/visitor-search';
import { useDebouncedValue } from '../../common/useDebouncedValue';
import { useVisitorLog } from '../../common/useVisitorLog';

export type VisitorSearchState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preparing' }
  | { readonly kind: 'ready'; readonly query: string; readonly hits: readonly VisitorSearchHit[] };

/**
 * Past visitors matching what is typed, newest first. The first search of a session waits while
 * the register's names are opened into memory (a few seconds for years of entries); every
 * keystroke after that is answered from memory.
 */
export function useVisitorSearch(query: string): VisitorSearchState {
  const register = useVisitorLog();
  const settled = useDebouncedValue(query.trim(), 100);
  const [state, setState] = useState<VisitorSearchState>({ kind: 'idle' });

  useEffect(() => {
    let isCurrent = true;
    if (!settled) return;
    const timer = window.setTimeout(() => {
      if (isCurrent) setState((current) => (current.kind === 'ready' ? current : { kind: 'preparing' }));
    }, 0);
    void register.search(settled).then((hits) => {
      if (isCurrent) setState({ kind: 'ready', query: settled, hits });
    });
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [register, settled]);

  return settled ? state : { kind: 'idle' };
}
