import type { FamilyLinksApi } from '../../../shared/ipc/client';

/** Names the harness puts on the page's `window`; one place, so Node and page code agree. */
export const invokeBindingName = '__familyLinksInvoke';
export const emitHookName = '__familyLinksEmit';

/** The page's global object as the harness sees it (this project has no DOM types: see README). */
export type HarnessGlobal = {
  /** The top frame's window (a browser global; declared here because Node types lack it). */
  readonly top?: unknown;
  api?: FamilyLinksApi;
  [invokeBindingName]?: (channel: unknown, request: unknown) => Promise<unknown>;
  [emitHookName]?: (name: string, payload: unknown) => void;
};
