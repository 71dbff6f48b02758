import { createContext, useContext } from 'react';
import type { FamilyLinksDb } from '../db/database';

export const DatabaseContext = createContext<FamilyLinksDb | undefined>(undefined);

/** The open database; only hooks that call repositories should need it. */
export function useDatabase(): FamilyLinksDb {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase() was called outside <DatabaseGate>');
  return db;
}
