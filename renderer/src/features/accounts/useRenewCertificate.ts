import { useCallback } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { renewOwnCertificate } from '../../security/renew-certificate';
import { useSession } from '../../security/session-context';

/** For the Staff screen: `const renew = useRenewCertificate(); await renew(passwordTyped)`. */
export function useRenewCertificate() {
  const db = useDatabase();
  const session = useSession();
  return useCallback((password: string) => renewOwnCertificate(db, session, password), [db, session]);
}
