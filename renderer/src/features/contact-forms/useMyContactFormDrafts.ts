import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { z } from 'zod';
import { contactKinds, type ContactKind } from '@shared/schemas/contact-forms';
import { useDatabase } from '../../db/useDatabase';
import { draftRepository } from '../../db/repositories/draft-repository';
import { useSession } from '../../security/session-context';
import { contactFormDraftPrefix, formIdOfDraftKey } from './contact-form-draft-key';
import { useContactFormRepository } from './useContactFormRepository';

/** What "My drafts" shows of one unfinished draft. */
export type MyContactFormDraft = {
  readonly formId: string;
  readonly youngPersonId: string | undefined;
  readonly kind: ContactKind | undefined;
  readonly keptAt: string;
  /** The form's reference when it has been saved before (the draft holds changes not saved yet). */
  readonly reference: string | undefined;
};

// A draft holds whatever the screen held: read only what the list shows, and nothing else.
const draftGist = z.object({
  youngPersonId: z.string().optional().catch(undefined),
  kind: z.enum(contactKinds).optional().catch(undefined),
});

/**
 * The signed-in person's own unfinished contact-form drafts (typed, not saved, or changes not yet
 * saved to a stored form), newest first; undefined while loading. `discard` removes one.
 */
export function useMyContactFormDrafts() {
  const db = useDatabase();
  const session = useSession();
  const forms = useContactFormRepository();
  const drafts = useMemo(() => draftRepository(db, session.cipher, session.staff.id), [db, session]);
  const list = useLiveQuery(async (): Promise<MyContactFormDraft[]> => {
    const kept = await drafts.list(contactFormDraftPrefix);
    return Promise.all(
      kept.flatMap((draft) => {
        const formId = formIdOfDraftKey(draft.formKey);
        if (!formId) return [];
        const gist = draftGist.safeParse(draft.values);
        return [
          forms.get(session, formId).then((stored) => ({
            formId,
            youngPersonId: (gist.success && gist.data.youngPersonId) || stored?.youngPersonId,
            kind: (gist.success && gist.data.kind) || stored?.kind,
            keptAt: draft.updatedAt,
            reference: stored?.reference,
          })),
        ];
      }),
    );
  }, [drafts, forms, session]);
  const discard = useCallback(
    (formId: string) => drafts.remove(`${contactFormDraftPrefix}${formId}`),
    [drafts],
  );
  return { drafts: list, discard };
}

/** Whether this person has a kept draft for the form `formId` (a new form not saved yet); undefined while looking. */
export function useHasContactFormDraft(formId: string): boolean | undefined {
  const db = useDatabase();
  const session = useSession();
  const drafts = useMemo(() => draftRepository(db, session.cipher, session.staff.id), [db, session]);
  return useLiveQuery(
    async () => (await drafts.list(`${contactFormDraftPrefix}${formId}`)).length > 0,
    [drafts, formId],
  );
}
