import { contactFormListRepository } from '../../db/repositories/contact-form-list-repository';
import { normaliseReference } from '../../db/repositories/contact-form-reference';
import { useLiveRead } from '../../common/useLiveRead';

/** The id of the form with exactly this reference that this person may read; null if none, undefined while looking. */
export function useFormIdByReference(reference: string): string | null | undefined {
  return useLiveRead(
    contactFormListRepository,
    async (repository, session) => {
      const wanted = normaliseReference(reference);
      const page = await repository.page(session, { reference: wanted }, { now: new Date() });
      return page.items.find((item) => item.reference === wanted)?.id ?? null;
    },
    [reference],
  ).value;
}
