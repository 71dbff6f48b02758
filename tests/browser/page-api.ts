import type { FamilyLinksApi } from '../../shared/ipc/client';

const page: typeof globalThis & { api?: FamilyLinksApi } = globalThis;

/** The window.api the harness installs in a probe's page, as the renderer would find it. */
export function api(): FamilyLinksApi {
  if (!page.api) throw new Error('window.api is missing from this page.');
  return page.api;
}
