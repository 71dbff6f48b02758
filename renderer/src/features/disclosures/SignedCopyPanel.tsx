import type { ReactNode } from 'react';
import type { SignerPassword } from '../../security/useSignerPassword';
import { Banner } from '../../ui/Banner';
import { DisclosureReasonDialog } from './DisclosureReasonDialog';
import { SignerPasswordForm } from './SignerPasswordForm';
import type { DisclosureDialogProps } from './useDisclosure';

type Props = Pick<DisclosureDialogProps, 'request' | 'onAnswer'> & {
  /** Whether this window can sign and save files (only the desktop app can). */
  readonly isAvailable: boolean;
  /** What needs the desktop app, as the panel calls its copies ("Signed PDFs"). */
  readonly copies: string;
  readonly titleId: string;
  readonly title: ReactNode;
  /** Inside another section (the chronology's): a group under a smaller heading, not a region. */
  readonly isNested?: boolean;
  /** What the copy holds and how it is signed. */
  readonly children: ReactNode;
  /** The password form's accessible name, saying what is being signed. */
  readonly signLabel: string;
  readonly signing: SignerPassword;
  /** Leaving the password step: the panel closes without a copy. */
  readonly onCancel: () => void;
};

/**
 * The steps of a signed copy (DESIGN: signed PDFs): the password again, then why the copy is leaving
 * the app (the disclosure question). Cancelling that question forgets the unlocked key.
 */
export function SignedCopyPanel({
  isAvailable,
  copies,
  titleId,
  title,
  isNested = false,
  children,
  signLabel,
  signing,
  onCancel,
  request,
  onAnswer,
}: Props) {
  if (!isAvailable) {
    return (
      <Banner tone="error">
        {copies} need the Family Links desktop app: this window has no background service to sign or save
        files.
      </Banner>
    );
  }
  const steps = (
    <>
      {isNested ? <h3 id={titleId}>{title}</h3> : <h2 id={titleId}>{title}</h2>}
      {children}
      <SignerPasswordForm label={signLabel} signing={signing} onCancel={onCancel} />
      <DisclosureReasonDialog request={request} onAnswer={onAnswer} onCancel={() => signing.forget()} />
    </>
  );
  return isNested ? (
    <div className="panel" role="group" aria-labelledby={titleId}>
      {steps}
    </div>
  ) : (
    <section className="panel" aria-labelledby={titleId}>
      {steps}
    </section>
  );
}
