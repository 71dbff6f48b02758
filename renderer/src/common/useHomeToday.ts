import { useEffect, useState } from 'react';
import { calendarDateOf } from '@shared/home-time';
import { useHomeTimeZone } from './useHomeTimeZone';

const checkEveryMs = 60_000;

/**
 * Today's date (YYYY-MM-DD) in the home's time zone. Checked every minute, so a screen left open
 * overnight moves on to the new day by itself.
 */
export function useHomeToday(): string {
  const timeZone = useHomeTimeZone();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), checkEveryMs);
    return () => window.clearInterval(timer);
  }, []);
  return calendarDateOf(now, timeZone);
}
