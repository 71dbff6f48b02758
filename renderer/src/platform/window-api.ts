import type { FamilyLinksApi } from '@shared/ipc/client';

declare global {
  interface Window {
    /** Built by the preload (or the test harness) from the IPC contract; absent in a bare browser. */
    readonly api?: FamilyLinksApi;
  }
}

/** The bridge to the main process's services, or undefined when the page runs without one. */
export function windowApi(): FamilyLinksApi | undefined {
  // Repositories run in unit tests under Node too, where there is no window at all.
  return typeof window === 'undefined' ? undefined : window.api;
}
