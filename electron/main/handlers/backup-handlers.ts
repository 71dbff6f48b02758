import type { IpcHandlers } from '../ipc-router';
import type { ManagerProofs } from '../services/authority/manager-proofs';
import type { BackupService } from '../services/backup/backup-service';
import { colleagueOnly, managerOnly } from './manager-only';

type BackupChannel = Extract<keyof IpcHandlers, `backup:${string}`>;

/**
 * The backup channels, bound to the backup service; where and how often are the manager's to set,
 * and only someone signed in may begin a backup.
 */
export function createBackupHandlers(
  backup: BackupService,
  proofs: ManagerProofs,
): Pick<IpcHandlers, BackupChannel> {
  return {
    'backup:get-settings': async () => ({ ok: true, value: await backup.getSettings() }),
    'backup:choose-folder': managerOnly(proofs, 'backup:choose-folder', async () => ({
      ok: true,
      value: await backup.chooseFolder(),
    })),
    'backup:set-options': managerOnly(proofs, 'backup:set-options', async (request) => ({
      ok: true,
      value: await backup.setOptions(request),
    })),
    // Only someone signed in may begin one; append, finish and abort need the write id it returns.
    'backup:begin': colleagueOnly(proofs, 'backup:begin', async (request) => ({
      ok: true,
      value: await backup.begin(request),
    })),
    'backup:append': async (request) => ({ ok: true, value: await backup.append(request) }),
    'backup:finish': async (request) => ({ ok: true, value: await backup.finish(request) }),
    'backup:abort': async (request) => ({ ok: true, value: await backup.abort(request) }),
    'backup:list': async () => ({ ok: true, value: await backup.list() }),
    'backup:open': async (request) => ({ ok: true, value: await backup.open(request) }),
    'backup:read-chunk': async (request) => ({ ok: true, value: await backup.readChunk(request) }),
    'backup:close': async (request) => ({ ok: true, value: await backup.close(request) }),
  };
}
