import { useEffect, useState, type ReactNode } from 'react';
import { FamilyLinksDb, openFamilyLinksDb } from '../db/database';
import { DatabaseContext } from './database-context';

type GateState =
  | { readonly kind: 'opening' }
  | { readonly kind: 'open'; readonly db: FamilyLinksDb }
  | { readonly kind: 'failed'; readonly message: string };

/** Opens the one database before anything else renders, and explains plainly when it cannot. */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'opening' });

  useEffect(() => {
    const db = new FamilyLinksDb();
    let isCurrent = true;
    void openFamilyLinksDb(db).then((result) => {
      if (!isCurrent) return;
      setState(result.ok ? { kind: 'open', db: result.value } : { kind: 'failed', message: result.error.message });
    });
    return () => {
      isCurrent = false;
      db.close();
    };
  }, []);

  switch (state.kind) {
    case 'opening':
      return (
        <main className="page page--narrow">
          <p role="status">Opening Family Links…</p>
        </main>
      );
    case 'failed':
      return (
        <main className="page page--narrow" aria-labelledby="open-failed-title">
          <h1 id="open-failed-title">Family Links cannot open its records</h1>
          <p role="alert">{state.message}</p>
        </main>
      );
    case 'open':
      return <DatabaseContext.Provider value={state.db}>{children}</DatabaseContext.Provider>;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
