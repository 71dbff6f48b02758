import { useCallback } from 'react';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';
import { queuePanAlert } from '../pan-groups';
import { fileContactForm } from './file-contact-form';
import { useContactFormRepository } from './useContactFormRepository';

type Signed = Parameters<typeof fileContactForm>[4];

/**
 * Files a form with its drawn signature, as the person who unlocked `signer`, then alerts the PT
 * and the PAN group (DESIGN rule 2), and for a safeguarding concern those who hear of one. An alert
 * that cannot be queued never undoes the filing: the outbox shows it.
 */
export function useFileContactForm() {
  const db = useDatabase();
  const session = useSession();
  const repository = useContactFormRepository();
  return useCallback(
    async (form: ContactForm, signed: Signed, summary: string) => {
      const result = await fileContactForm(db, repository, session, form, signed);
      if (!result.ok) return result;
      const alert = (event: 'formFiled' | 'safeguardingConcern', attachForm: boolean) =>
        queuePanAlert(db, session, {
          youngPersonId: form.youngPersonId,
          event,
          reference: form.reference,
          summary,
          ...(attachForm ? { contactFormId: form.id } : {}),
        });
      await Promise.allSettled([
        alert('formFiled', true),
        ...(form.isSafeguardingConcern ? [alert('safeguardingConcern', false)] : []),
      ]);
      return result;
    },
    [db, repository, session],
  );
}
