import { useLiveQuery } from 'dexie-react-hooks';
import type { HomeSettingsRepository } from '../../db/repositories/home-settings-repository';

/**
 * Whether the home's details or its lock setting were changed outside Family Links (kept live;
 * both false while loading), for the screen where the manager checks and saves them again.
 */
export function useSettingsDamage(repository: HomeSettingsRepository) {
  const damage = useLiveQuery(async () => {
    const [home, security] = await Promise.all([repository.check(), repository.checkSecurity()]);
    return { home: home.damaged, security: security.damaged };
  }, [repository]);
  return damage ?? { home: false, security: false };
}
