import { useLiveQuery } from 'dexie-react-hooks';
import type { HomeSettings } from '@shared/schemas/home';
import { readHomeSettings } from '../db/repositories/home-settings-reads';
import { staffRepository } from '../db/repositories/staff-repository';
import { isJoining } from '../db/sync/sync-joining';
import { useDatabase } from '../db/useDatabase';

/**
 * The home's details, whether it has an account yet (first run if not) and whether this computer
 * is still joining the home's computers (first run too: its records are not all here yet, even
 * once staff rows have arrived); undefined while loading.
 */
export function useHomeSetUp():
  { home: HomeSettings | undefined; hasAccounts: boolean; joining: boolean } | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const [home, hasAccounts, joining] = await Promise.all([
      readHomeSettings(db),
      staffRepository(db).hasAnyone(),
      isJoining(db),
    ]);
    return { home, hasAccounts, joining };
  }, [db]);
}
