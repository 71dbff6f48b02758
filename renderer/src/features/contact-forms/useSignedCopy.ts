import { useLiveQuery } from 'dexie-react-hooks';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { useDatabase } from '../../db/useDatabase';
import { signingRecordOf, type SigningRecord } from '../../db/repositories/contact-form-signing-record';
import { useSession } from '../../security/session-context';
import { signedCopyVerdict, type SignedCopyVerdict } from './signed-copy-verdict';
import { useContactFormRepository } from './useContactFormRepository';

export type SignedCopy = {
  readonly pdf: Uint8Array | undefined;
  readonly sha256: string | undefined;
  readonly record: SigningRecord | undefined;
  readonly verdict: SignedCopyVerdict;
};

/** A filed form's signed PDF as kept here, its signing record and whether they agree; undefined while loading. */
export function useSignedCopy(form: ContactForm): SignedCopy | undefined {
  const db = useDatabase();
  const session = useSession();
  const repository = useContactFormRepository();
  return useLiveQuery(async () => {
    const [file, record] = await Promise.all([
      repository.signedFile(session, form.id),
      signingRecordOf(db, session, form),
    ]);
    const sha256 = file ? await sha256OfBytes(file.pdf) : undefined;
    return {
      pdf: file?.pdf,
      sha256,
      record,
      verdict: signedCopyVerdict({
        formSha256: form.signedPdfSha256,
        fileSha256: sha256,
        recordSha256: record?.sha256,
        isRecordAuthentic: record?.isAuthentic,
      }),
    };
  }, [db, session, repository, form]);
}

async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
