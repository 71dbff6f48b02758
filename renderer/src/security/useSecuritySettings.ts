import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { SecuritySettings } from '@shared/schemas/security-settings';
import { homeSettingsRepository } from '../db/repositories/home-settings-repository';
import { useDatabase } from '../db/useDatabase';

/** The home's security settings (when the screen locks itself), kept live; undefined while loading. */
export function useSecuritySettings(): SecuritySettings | undefined {
  const db = useDatabase();
  const repository = useMemo(() => homeSettingsRepository(db), [db]);
  return useLiveQuery(() => repository.getSecurity(), [repository]);
}
