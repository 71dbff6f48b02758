import type { FamilyLinksApi } from '@shared/ipc/client';
import type { IpcReply } from '@shared/ipc/contract';
import type { IpcResult } from '@shared/ipc/ipc-result';
import type { BackupHeader } from '@shared/schemas/backup';
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

/**
 * What writing a backup needs: a way to begin one that carries the proof of whoever asked
 * (security/backup-writes.ts makes it), and the channels that go by the write id it hands back.
 */
export type BackupWritePort = Pick<FamilyLinksApi, 'backup:append' | 'backup:finish' | 'backup:abort'> & {
  readonly begin: (header: BackupHeader) => Promise<IpcResult<IpcReply<'backup:begin'>>>;
};

export function windowBackupPort(): BackupPort | undefined {
  return windowApi();
}
