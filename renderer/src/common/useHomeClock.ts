import { useEffect, useState } from 'react';
import { defaultTimeZone } from '@shared/schemas/home';
import { useHomeSettings } from './useHomeSettings';
import { calendarDateOf } from '@shared/home-time';

const tickMs = 30_000;

export type HomeClock = {
  readonly homeName: string;
  readonly timeZone: string;
  /** Today (YYYY-MM-DD) in the home's zone. */
  readonly today: string;
};

/**
 * The home's name, zone and today's date there. Ticks every half minute, so a door screen left
 * open overnight moves on to the new day (and flags last night's visitors) by itself.
 */
export function useHomeClock(): HomeClock {
  const { state } = useHomeSettings();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), tickMs);
    return () => window.clearInterval(timer);
  }, []);
  const home = state.isLoading ? undefined : state.home;
  const timeZone = home?.timeZone ?? defaultTimeZone;
  return { homeName: home?.name ?? 'the home', timeZone, today: calendarDateOf(now, timeZone) };
}
