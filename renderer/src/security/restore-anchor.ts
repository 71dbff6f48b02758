import type { AnchorRebase } from '../db/backup/restore-backup';
import { unlockAccount } from '../db/encryption/key-wrapping';
import { accountRepository } from '../db/repositories/account-repository';
import { windowApi } from '../platform/window-api';
import { callWithProofKey, openProofKey } from './manager-proof';

/**
 * After a restore, the main process's copy of where the audit log ends moves to the head written
 * in the backup's header (electron/main/services/audit-anchor.ts). It does so only for a backup it
 * opened and checked itself (`readId`, while still open and read to its end) and only for a
 * Registered Manager: the proof is signed with the signing key of the manager whose password
 * opened the backup, unlocked here from the restored keyring with that same password.
 */
export function mainProcessRebase(): AnchorRebase {
  return async ({ readId, restored, staffId, password }) => {
    const api = windowApi();
    // No main process (a bare browser): there is no anchor to move.
    if (!api) return { moved: true };
    try {
      const keys = await accountRepository(restored).keysOf(staffId);
      const unlocked = keys ? await unlockAccount(keys, password) : undefined;
      const signing = unlocked?.ok ? unlocked.value.secrets.signing : undefined;
      const proofKey = signing ? await openProofKey(signing) : undefined;
      if (!proofKey)
        return { moved: false, problem: 'the manager’s account in the backup has no signing key' };
      const result = await callWithProofKey(api, proofKey, 'audit:rebase-anchor', { readId });
      if (!result.ok) return { moved: false, problem: result.error.message };
      if (result.value.outcome !== 'rebased') return { moved: false, problem: result.value.message };
      return { moved: true };
    } catch (error) {
      console.error('Could not move the audit anchor after a restore', error);
      return { moved: false, problem: 'the main process could not be reached' };
    }
  };
}
