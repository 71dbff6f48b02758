import { useState, type FormEvent } from 'react';
import type { SignerInput } from '@shared/ipc/channels/signing';
import { useSigner } from './useSigner';

/**
 * The password step before a signed copy: the person types their password again, and once it
 * opens their signing key the screen goes on to ask why the copy is leaving (the disclosure
 * question). `forget` drops the unlocked key when the copy is saved, cancelled or abandoned.
 */
export function useSignerPassword() {
  const unlock = useSigner();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [isWorking, setIsWorking] = useState(false);
  const [signer, setSigner] = useState<SignerInput | undefined>();

  const begin = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setPasswordError(undefined);
    if (password === '') {
      setPasswordError('Enter your password to sign.');
      return;
    }
    setIsWorking(true);
    const unlocked = await unlock(password);
    setIsWorking(false);
    if (!unlocked.ok) {
      if (unlocked.error.code === 'wrong-password')
        setPasswordError(unlocked.error.fields?.['password'] ?? unlocked.error.message);
      setProblem(unlocked.error.message);
      return;
    }
    setPassword('');
    setSigner(unlocked.value);
  };

  return {
    password,
    setPassword,
    problem,
    passwordError,
    isWorking,
    signer,
    begin,
    forget: () => setSigner(undefined),
  };
}

export type SignerPassword = ReturnType<typeof useSignerPassword>;
