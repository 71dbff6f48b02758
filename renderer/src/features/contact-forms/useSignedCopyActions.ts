import { useState } from 'react';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { useSession } from '../../security/session-context';
import { useDisclosure } from '../disclosures';
import { useContactFormRepository } from './useContactFormRepository';
import { useExportFolder } from './useExportFolder';

export type CopyMessage = { readonly tone: 'success' | 'error' | 'info'; readonly text: string };

/**
 * Print and Save a copy of a filed form's signed PDF. Each asks why first (the disclosure log,
 * seed 003) and does nothing if the person cancels; a saved copy is also audited with the
 * SHA-256 of the bytes that left. Printing prints the signed pages as shown.
 */
export function useSignedCopyActions(
  form: ContactForm,
  pdf: Uint8Array | undefined,
  sha256: string | undefined,
) {
  const session = useSession();
  const repository = useContactFormRepository();
  const disclosure = useDisclosure();
  const exportFolder = useExportFolder();
  const [message, setMessage] = useState<CopyMessage | undefined>();
  // Printed or saved, it is the same signed copy leaving: only the way it leaves differs.
  const askWhy = (kind: 'print' | 'pdf') =>
    disclosure.ask({
      what: `Signed contact form ${form.reference}`,
      kind,
      youngPersonId: form.youngPersonId,
      ...(sha256 ? { sha256 } : {}),
    });

  const print = async () => {
    setMessage(undefined);
    const recorded = await askWhy('print');
    if (!recorded) return;
    document.documentElement.classList.add('printing-signed-copy');
    window.addEventListener(
      'afterprint',
      () => document.documentElement.classList.remove('printing-signed-copy'),
      { once: true },
    );
    window.print();
  };

  const save = async () => {
    setMessage(undefined);
    if (!pdf || !exportFolder) {
      setMessage({
        tone: 'error',
        text: 'This window is not connected to Family Links’ background service, so no copy can be saved.',
      });
      return;
    }
    const recorded = await askWhy('pdf');
    if (!recorded) return;
    const folder = await exportFolder.choose(`Choose where to save ${form.reference}`);
    if (!folder.ok || folder.value.outcome !== 'chosen') {
      setMessage({
        tone: 'info',
        text: folder.ok ? 'No folder was chosen, so no copy was saved.' : folder.error.message,
      });
      return;
    }
    const written = await exportFolder.write(folder.value.exportId, `${form.reference}.pdf`, pdf);
    if (!written.ok || written.value.outcome !== 'written') {
      setMessage({
        tone: 'error',
        text: `No copy was saved: ${written.ok && written.value.outcome === 'failed' ? written.value.message : 'the folder could not be written to.'}`,
      });
      return;
    }
    await repository.recordExport(session, recorded.id, [
      { formId: form.id, fileName: written.value.fileName, sha256: written.value.sha256 },
    ]);
    setMessage({ tone: 'success', text: `Saved as ${written.value.fileName} in ${folder.value.folder}.` });
  };

  return { print, save, message, dialogProps: disclosure.dialogProps };
}
