import type { FamilyLinksApi } from '@shared/ipc/client';
import { windowApi } from './window-api';

/** The backup channels of `window.api`: the main process in the app, the real service in tests. */
export type BackupPort = Pick<
  FamilyLinksApi,
  | 'backup:get-settings'
  | 'backup:choose-folder'
  | 'backup:set-options'
  | 'backup:begin'
  | 'backup:append'
  | 'backup:finish'
  | 'backup:abort'
  | 'backup:list'
  | 'backup:open'
  | 'backup:read-chunk'
  | 'backup:close'
  | 'auth:challenge'
>;

export function windowBackupPort(): BackupPort | undefined {
  return windowApi();
}
