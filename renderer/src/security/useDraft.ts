import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useDatabase } from '../db/useDatabase';
import { draftRepository } from '../db/repositories/draft-repository';
import { mergeDraft } from './merge-draft';
import { useSession, useSessionApi } from './session-context';

const saveDelayMs = 800;

/**
 * Keeps what someone is typing in `form` as a sealed draft: a moment after each change, and at
 * once when the screen locks. When the same person opens the same form again, the draft comes
 * back. `clear()` after a successful save removes it. Typing that starts before the draft has
 * been read is kept and merged with it (`mergeDraft`), and then saved like any other change.
 */
export function useDraft<Values extends FieldValues>(formKey: string, form: UseFormReturn<Values>) {
  const db = useDatabase();
  const session = useSession();
  const { draftKeeper } = useSessionApi();
  const drafts = useMemo(() => draftRepository(db, session.cipher, session.staff.id), [db, session]);
  const [restoredAt, setRestoredAt] = useState<string | undefined>();
  const isRestoring = useRef(true);
  const pending = useRef<number | undefined>(undefined);
  const hasUnsavedChanges = useRef(false);
  const typedWhileRestoring = useRef(false);
  const { reset, watch, getValues } = form;
  const defaultValues = useRef(form.formState.defaultValues);

  const saveNow = useCallback(async () => {
    window.clearTimeout(pending.current);
    pending.current = undefined;
    if (isRestoring.current || !hasUnsavedChanges.current) return;
    hasUnsavedChanges.current = false;
    await drafts.save(formKey, getValues());
  }, [drafts, formKey, getValues]);

  const scheduleSave = useCallback(() => {
    hasUnsavedChanges.current = true;
    window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => void saveNow(), saveDelayMs);
  }, [saveNow]);

  useEffect(() => {
    let isCurrent = true;
    const finish = () => {
      isRestoring.current = false;
      if (typedWhileRestoring.current) {
        typedWhileRestoring.current = false;
        scheduleSave();
      }
    };
    drafts
      .get(formKey)
      .then((draft) => {
        if (!isCurrent) return;
        if (draft) {
          const values = typedWhileRestoring.current
            ? mergeDraft(draft.values, getValues(), defaultValues.current)
            : draft.values;
          const typed = typedWhileRestoring.current;
          reset(values as Values, { keepDefaultValues: true });
          typedWhileRestoring.current = typed;
          setRestoredAt(draft.updatedAt);
        }
        finish();
      })
      .catch((error: unknown) => {
        // A draft that cannot be opened is left where it is; this form still keeps new drafts.
        console.error('A saved draft could not be opened', error);
        if (isCurrent) finish();
      });
    return () => {
      isCurrent = false;
    };
  }, [drafts, formKey, reset, getValues, scheduleSave]);

  useEffect(() => {
    const subscription = watch(() => {
      if (isRestoring.current) {
        typedWhileRestoring.current = true;
        return;
      }
      scheduleSave();
    });
    return () => subscription.unsubscribe();
  }, [watch, scheduleSave]);

  useEffect(() => draftKeeper.register(saveNow), [draftKeeper, saveNow]);

  // Closing the window mid-sentence: keep what was typed (best effort; the timer usually has).
  useEffect(() => {
    const onHide = () => void saveNow();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [saveNow]);

  const clear = useCallback(async () => {
    hasUnsavedChanges.current = false;
    window.clearTimeout(pending.current);
    pending.current = undefined;
    setRestoredAt(undefined);
    await drafts.remove(formKey);
  }, [drafts, formKey]);

  return { restoredAt, clear };
}
