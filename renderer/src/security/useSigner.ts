import { useCallback } from 'react';
import type { SignerInput } from '@shared/ipc/channels/signing';
import type { Result } from '@shared/result';
import { useDatabase } from '../db/useDatabase';
import { useSession } from './session-context';
import { unlockSigner, type UnlockSignerFailure } from './unlock-signer';

/**
 * For screens that sign: `const unlock = useSigner(); const signer = await unlock(passwordTyped);`
 * then pass `signer.value` as `signer` to the signing channel. See unlock-signer.ts.
 */
export function useSigner(): (password: string) => Promise<Result<SignerInput, UnlockSignerFailure>> {
  const db = useDatabase();
  const session = useSession();
  return useCallback((password: string) => unlockSigner(db, session, password), [db, session]);
}
