import { useState, type FormEvent } from 'react';
import { Banner } from '../../ui/Banner';
import { useRenewCertificate } from './useRenewCertificate';
import { FormActions } from '../../ui/FormActions';
import { ControlledPasswordField } from '../../ui/ControlledPasswordField';
import { SubmitForm } from '../../ui/SubmitForm';
import { OpeningPanel } from '../../ui/OpeningPanel';

/**
 * A manager renews their own signing certificate: needed when it has expired, or was issued before
 * certificates named roles (settings changes then say so). Their password is typed again.
 */
export function RenewCertificateForm({ onDone }: { onDone: (notAfter: string | undefined) => void }) {
  const renew = useRenewCertificate();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [isWorking, setIsWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setPasswordError(undefined);
    if (password === '') return setPasswordError('Enter your password.');
    setIsWorking(true);
    try {
      const result = await renew(password);
      if (!result.ok) {
        setPasswordError(result.error.fields?.['password']);
        setFailure(result.error.message);
        return;
      }
      onDone(result.value.notAfter);
    } finally {
      setIsWorking(false);
    }
  };

  return (
    <OpeningPanel titleId="renew-title" title="Renew my certificate">
      <p className="lede">
        A new signing certificate from the home’s certificate authority, naming your roles, valid for five
        years. Documents you signed before stay valid.
      </p>
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      <SubmitForm label="Renew my certificate" onSubmit={submit}>
        <ControlledPasswordField
          label="Your password"
          error={passwordError}
          value={password}
          onChange={setPassword}
        />
        <FormActions
          submitLabel={isWorking ? 'Renewing…' : 'Renew my certificate'}
          isBusy={isWorking}
          onCancel={() => onDone(undefined)}
        />
      </SubmitForm>
    </OpeningPanel>
  );
}
