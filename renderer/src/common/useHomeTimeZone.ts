import { defaultTimeZone } from '@shared/schemas/home';
import { useHomeSettings } from './useHomeSettings';

/** The home's IANA time zone (Europe/London unless the manager chose another). */
export function useHomeTimeZone(): string {
  const { state } = useHomeSettings();
  return state.isLoading ? defaultTimeZone : (state.home?.timeZone ?? defaultTimeZone);
}
