import { useEffect } from 'react';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once nobody has used the keyboard, mouse or screen for `minutes`. Checked on a
 * short tick against the time of the last activity, so a computer that slept still locks at once.
 */
export function useIdleTimer(minutes: number, onIdle: () => void, isActive: boolean): void {
  useEffect(() => {
    if (!isActive) return;
    let lastActivity = Date.now();
    const markActive = () => {
      lastActivity = Date.now();
    };
    for (const name of activityEvents)
      window.addEventListener(name, markActive, { passive: true, capture: true });
    const tick = window.setInterval(() => {
      if (Date.now() - lastActivity >= minutes * 60_000) onIdle();
    }, 1000);
    return () => {
      window.clearInterval(tick);
      for (const name of activityEvents) window.removeEventListener(name, markActive, { capture: true });
    };
  }, [minutes, onIdle, isActive]);
}
