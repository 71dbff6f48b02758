import type { FamilyLinksApi } from '@shared/ipc/client';

declare global {
  interface Window {
    /** Built by the preload (or the test harness) from the IPC contract; absent in a bare browser. */
    readonly api?: FamilyLinksApi;
  }
}

/** The bridge to the main process's services, or undefined when the page runs without one. */
export function windowApi(): FamilyLinksApi | undefined {
  return window.api;
}
