import { useState } from 'react';
import { Banner } from '../../ui/Banner';
import { useSessionApi, type LockReason } from '../../security/session-context';
import { FormActions } from '../../ui/FormActions';
import { useAuthServicePreloaded } from '../../security/useAuthService';
import { ControlledPasswordField } from '../../ui/ControlledPasswordField';
import { SubmitForm } from '../../ui/SubmitForm';

const reasons: Readonly<Record<LockReason, string>> = {
  button: 'You locked Family Links.',
  idle: 'Family Links locked because nobody used it for a while.',
  'screen-locked': 'Family Links locked because the computer was locked.',
  suspended: 'Family Links locked because the computer went to sleep.',
  shutdown: 'Family Links locked because the computer is shutting down.',
};

/**
 * Shown while locked: no records on screen, no keys in memory. The same person unlocks with their
 * password and finds what they were typing; anyone else signs in as themselves.
 */
export function LockScreen({ username, reason }: { username: string; reason: LockReason }) {
  const { signIn, signOut } = useSessionApi();
  useAuthServicePreloaded();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);

  const unlock = async () => {
    if (!password) {
      setFailure('Enter your password.');
      return;
    }
    setBusy(true);
    const result = await signIn(username, password);
    setBusy(false);
    if (!result.ok) {
      setPassword('');
      setFailure(result.error.message);
    }
  };

  return (
    <main className="page page--narrow" aria-labelledby="locked-title">
      <p className="shell__product">Family Links</p>
      <h1 id="locked-title">Locked</h1>
      <Banner tone="info">{reasons[reason]} Anything you were typing has been kept.</Banner>
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      <SubmitForm label="Unlock" onSubmit={() => unlock()}>
        <p>
          Signed in as <strong>{username}</strong>.
        </p>
        <ControlledPasswordField label="Password" autoFocus value={password} onChange={setPassword} />
        <FormActions
          submitLabel={isBusy ? 'Unlocking…' : 'Unlock'}
          isBusy={isBusy}
          onCancel={() => void signOut()}
          cancelLabel="Sign in as someone else"
        />
      </SubmitForm>
    </main>
  );
}
