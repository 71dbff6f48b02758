import { useContext } from 'react';
import { DatabaseContext } from '../platform/database-context';
import { FamilyLinksDb } from './database';

/** The open database; only hooks that call repositories should need it. */
export function useDatabase(): FamilyLinksDb {
  const db = useContext(DatabaseContext);
  if (!(db instanceof FamilyLinksDb)) throw new Error('useDatabase() was called outside <DatabaseGate>');
  return db;
}
