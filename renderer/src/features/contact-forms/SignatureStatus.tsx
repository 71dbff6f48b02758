import { formatDeadlineInstant } from '@shared/rules/contact-form-deadline';
import { Banner } from '../../ui/Banner';
import type { SignedCopyVerdict } from './signed-copy-verdict';
import type { SignatureCheckState } from './useSignatureCheck';

type Props = {
  /** Whether the bytes held here are the ones the form and the audit log say were signed. */
  readonly verdict: SignedCopyVerdict;
  /** The signature itself, as the main process checked it. */
  readonly check: SignatureCheckState | undefined;
  readonly fallbackSigner: string;
  readonly fallbackAt: string;
  readonly timeZone: string;
  /** What to do when the copy cannot be relied on; it depends on who is reading (`whatToDoNext`). */
  readonly advice: string;
};

/**
 * "Signature valid" only when both hold: the copy is the one recorded as signed, and its signature
 * checks against this home's certificate authority. The signer and time then come from the
 * signature, not from what the app stored beside it.
 */
export function SignatureStatus({ verdict, check, fallbackSigner, fallbackAt, timeZone, advice }: Props) {
  if (verdict.kind === 'changed')
    return (
      <Banner tone="error">
        Do not rely on this copy: {verdict.why} {advice}
      </Banner>
    );
  if (verdict.kind === 'no-copy')
    return (
      <p className="signed-copy__status">
        <span className="badge">No copy here</span> This form was filed before signed copies were kept here
        (an import). Its signed file’s SHA-256 is below.
      </p>
    );
  if (check === undefined || check.state === 'checking')
    return (
      <p className="signed-copy__status" role="status">
        Checking the signature…
      </p>
    );
  if (check.state === 'invalid')
    return (
      <Banner tone="error">
        Do not rely on this copy: its signature does not check. {check.message} {advice}
      </Banner>
    );
  if (check.state === 'valid')
    return (
      <p className="signed-copy__status">
        <span className="badge">Signature valid</span> Signed by {check.signerName} on{' '}
        {formatDeadlineInstant(check.signedAt, timeZone)}, with a certificate from this home. The signature
        covers the whole file, and the copy held here is the one the audit log recorded.
      </p>
    );
  return (
    <p className="signed-copy__status">
      <span className="badge">Signature not checked</span> Signed by {fallbackSigner} on{' '}
      {formatDeadlineInstant(fallbackAt, timeZone)}; the copy held here is the one the audit log recorded.{' '}
      {check.state === 'unverifiable'
        ? check.message
        : 'This window is not connected to Family Links’ background service, so the signature itself was not checked.'}
    </p>
  );
}
