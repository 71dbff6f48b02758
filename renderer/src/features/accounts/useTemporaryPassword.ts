import { useCallback, useState } from 'react';
import type { PasswordContext } from '@shared/rules/password-strength';

/**
 * "Make a temporary password": random words that meet the strength rule for this person. The
 * generator (and the word lists behind the strength rule) load only when asked for.
 */
export function useTemporaryPassword() {
  const [made, setMade] = useState<string | undefined>();
  const make = useCallback(async (context: PasswordContext): Promise<string | undefined> => {
    const { temporaryPassword } = await import('@shared/rules/temporary-password');
    const password = temporaryPassword(context);
    setMade(password);
    return password;
  }, []);
  return { made, make, forget: useCallback(() => setMade(undefined), []) };
}
