import { useLiveQuery } from 'dexie-react-hooks';
import type { HomeSettings } from '@shared/schemas/home';
import { accountRepository } from '../db/repositories/account-repository';
import { homeSettingsRepository } from '../db/repositories/home-settings-repository';
import { useDatabase } from '../db/useDatabase';

/** The home's details and whether it has an account yet (first run if not); undefined while loading. */
export function useHomeSetUp(): { home: HomeSettings | undefined; hasAccounts: boolean } | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const [home, hasAccounts] = await Promise.all([
      homeSettingsRepository(db).get(),
      accountRepository(db).hasAccounts(),
    ]);
    return { home, hasAccounts };
  }, [db]);
}
