import { useLiveQuery } from 'dexie-react-hooks';
import type { SecuritySettings } from '@shared/schemas/security-settings';
import { readSecuritySettings } from '../db/repositories/home-settings-reads';
import { useDatabase } from '../db/useDatabase';

/** The home's security settings (when the screen locks itself), kept live; undefined while loading. */
export function useSecuritySettings(): SecuritySettings | undefined {
  const db = useDatabase();
  return useLiveQuery(() => readSecuritySettings(db), [db]);
}
