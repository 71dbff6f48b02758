import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { contactFormRepository } from '../../db/repositories/contact-form-repository';

/** The contact-form repository for this window's database. */
export function useContactFormRepository() {
  const db = useDatabase();
  return useMemo(() => contactFormRepository(db), [db]);
}
