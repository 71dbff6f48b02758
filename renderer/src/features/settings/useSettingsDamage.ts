import { useLiveQuery } from 'dexie-react-hooks';
import type { HomeSettingsRepository } from '../../db/repositories/home-settings-repository';
import { useSession } from '../../security/session-context';

/**
 * Whether the home's details or its lock setting were changed outside Family Links (kept live;
 * both false while loading), for the screen where the manager checks and saves them again.
 */
export function useSettingsDamage(repository: HomeSettingsRepository) {
  const session = useSession();
  const damage = useLiveQuery(async () => {
    const [home, security] = await Promise.all([
      repository.check(session),
      repository.checkSecurity(session),
    ]);
    return { home: home.damaged, security: security.damaged };
  }, [repository, session]);
  return damage ?? { home: false, security: false };
}
