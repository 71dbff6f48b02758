import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { defaultAutoLockMinutes } from '@shared/schemas/security-settings';
import { homeSettingsRepository } from '../db/repositories/home-settings-repository';
import { useDatabase } from '../db/useDatabase';

/** How soon an unattended screen locks, kept live: the manager's change applies at once. */
export function useAutoLockMinutes(): number {
  const db = useDatabase();
  const repository = useMemo(() => homeSettingsRepository(db), [db]);
  const settings = useLiveQuery(() => repository.getSecurity(), [repository]);
  return settings?.autoLockMinutes ?? defaultAutoLockMinutes;
}
