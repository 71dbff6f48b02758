import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { HomeSettings } from '@shared/schemas/home';
import { useDatabase } from '../db/useDatabase';
import { homeSettingsRepository } from '../db/repositories/home-settings-repository';

export type HomeSettingsState =
  { readonly isLoading: true } | { readonly isLoading: false; readonly home: HomeSettings | undefined };

/** The home's details, kept live: saving them anywhere updates every screen that shows them. */
export function useHomeSettings() {
  const db = useDatabase();
  const repository = useMemo(() => homeSettingsRepository(db), [db]);
  const home = useLiveQuery(async () => ({ home: await repository.get() }), [repository]);
  const state: HomeSettingsState =
    home === undefined ? { isLoading: true } : { isLoading: false, home: home.home };
  return { state, repository };
}
