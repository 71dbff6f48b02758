import { useCallback } from 'react';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';
import { fileContactForm } from './file-contact-form';
import { useContactFormRepository } from './useContactFormRepository';

type Signed = Parameters<typeof fileContactForm>[4];

/**
 * Files a form with its drawn signature, as the person who unlocked `signer`, with its alerts to
 * the PT and the PAN group (DESIGN rule 2) and, for a safeguarding concern, to those who hear of
 * one: all in one transaction, so a form is never filed without them.
 */
export function useFileContactForm() {
  const db = useDatabase();
  const session = useSession();
  const repository = useContactFormRepository();
  return useCallback(
    (form: ContactForm, signed: Signed, summary: string) =>
      fileContactForm(db, repository, session, form, signed, summary),
    [db, repository, session],
  );
}
