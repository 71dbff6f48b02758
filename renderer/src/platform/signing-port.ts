import type { FamilyLinksApi } from '@shared/ipc/client';
import { windowApi } from './window-api';

/** The signing channels of `window.api`: the main process in the app, the real service in tests. */
export type SigningPort = Pick<FamilyLinksApi, 'signing:create-authority' | 'signing:issue-certificate'>;

export function windowSigningPort(): SigningPort | undefined {
  return windowApi();
}
