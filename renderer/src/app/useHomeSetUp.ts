import { useLiveQuery } from 'dexie-react-hooks';
import type { HomeSettings } from '@shared/schemas/home';
import { homeSettingsRepository } from '../db/repositories/home-settings-repository';
import { staffRepository } from '../db/repositories/staff-repository';
import { useDatabase } from '../db/useDatabase';

/** The home's details and whether it has an account yet (first run if not); undefined while loading. */
export function useHomeSetUp(): { home: HomeSettings | undefined; hasAccounts: boolean } | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const [home, hasAccounts] = await Promise.all([
      homeSettingsRepository(db).get(),
      staffRepository(db).hasAnyone(),
    ]);
    return { home, hasAccounts };
  }, [db]);
}
