import { useEffect, useRef, useState } from 'react';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { filedFormSummary } from '@shared/rules/alert-text';
import { Banner } from '../../ui/Banner';
import { useSigner } from '../../security/useSigner';
import { SignaturePadField, type SignaturePadHandle } from '../../ui/SignaturePadField';
import type { FilingOutcome } from './file-contact-form';
import { statusOf, statusText } from './contact-form-status-text';
import { useContactFormRepository } from './useContactFormRepository';
import { useFileContactForm } from './useFileContactForm';
import { FormActions } from '../../ui/FormActions';
import { ControlledPasswordField } from '../../ui/ControlledPasswordField';
import { OpeningPanel } from '../../ui/OpeningPanel';
import { SubmitForm } from '../../ui/SubmitForm';

type Props = {
  readonly form: ContactForm;
  readonly timeZone: string;
  readonly onFiled: (outcome: FilingOutcome) => void;
  readonly onCancel: () => void;
};

/**
 * Signing and filing (DESIGN: signed PDFs): the author draws their signature and enters their
 * password again; the main process signs the PDF with their own key. Once filed, the form cannot
 * change. The PT and the PAN group are alerted in the same step: if that cannot be done, nothing
 * is filed and the person is told why.
 */
export function FilingPanel({ form, timeZone, onFiled, onCancel }: Props) {
  const repository = useContactFormRepository();
  const fileForm = useFileContactForm();
  const unlock = useSigner();
  const [signature, setSignature] = useState<string | undefined>();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ signature?: string; password?: string; form?: string }>({});
  const [isFiling, setIsFiling] = useState(false);
  const signatureRef = useRef<SignaturePadHandle>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // The first field in error takes the focus once its message is shown, as on the app's other
  // forms (react-hook-form's shouldFocusError), so the person lands on what to put right and a
  // screen reader reads its message with it. A problem only the banner explains leaves it be.
  useEffect(() => {
    if (errors.signature) signatureRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
  }, [errors]);
  const ready = repository.readyToFile(form);
  const now = new Date();
  const status = statusOf(form, now);

  const file = async () => {
    const problems: typeof errors = {};
    if (!signature) problems.signature = 'Sign in the box first.';
    if (password === '') problems.password = 'Enter your password.';
    setErrors(problems);
    if (!signature || password === '') return;
    setIsFiling(true);
    try {
      const signer = await unlock(password);
      if (!signer.ok) {
        // Said once, beside the password: the banner is for what no field explains.
        setErrors(
          signer.error.code === 'wrong-password'
            ? { password: signer.error.message }
            : { form: signer.error.message },
        );
        return;
      }
      const summary = filedFormSummary(form.kind, form.contactStartedAt, timeZone);
      const result = await fileForm(
        form,
        { pngBase64: signature.replace(/^data:image\/png;base64,/, ''), signer: signer.value },
        summary,
      );
      if (!result.ok) {
        setErrors({ form: result.error.message });
        return;
      }
      setPassword('');
      onFiled(result.value);
    } finally {
      setIsFiling(false);
    }
  };

  return (
    <OpeningPanel titleId="filing-title" title={<>Sign and file {form.reference}</>}>
      {!ready.ok ? (
        <>
          <Banner tone="error">
            {ready.error.message} {Object.values(ready.error.fields ?? {}).join(' ')}
          </Banner>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Back to the form
          </button>
        </>
      ) : (
        <SubmitForm label="Sign and file" onSubmit={() => file()}>
          {errors.form ? <Banner tone="error">{errors.form}</Banner> : null}
          <p>
            Once filed, this form cannot be changed: a correction is a signed addendum. A signed copy goes to
            the young person’s case file. It is {statusText(form, now)}
            {status.kind === 'overdue' ? ': the copy will say how late it was filed.' : '.'}
          </p>
          <SignaturePadField ref={signatureRef} onChange={setSignature} error={errors.signature} />
          <ControlledPasswordField
            ref={passwordRef}
            label="Your password"
            hint="The same one you sign in with: it unlocks your own signing key."
            error={errors.password}
            value={password}
            onChange={setPassword}
          />
          <FormActions
            submitLabel={isFiling ? 'Signing…' : 'Sign and file'}
            isBusy={isFiling}
            onCancel={onCancel}
            cancelLabel="Not yet"
            isCancelDisabled={isFiling}
          />
        </SubmitForm>
      )}
    </OpeningPanel>
  );
}
