import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useDatabase } from '../app/database-context';
import { draftRepository } from '../db/repositories/draft-repository';
import { useSession, useSessionApi } from './session-context';

const saveDelayMs = 800;

/**
 * Keeps what someone is typing in `form` as a sealed draft: a moment after each change, and at
 * once when the screen locks. When the same person opens the same form again, the draft comes
 * back. `clear()` after a successful save removes it.
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
  const { reset, watch, getValues } = form;

  const saveNow = useCallback(async () => {
    window.clearTimeout(pending.current);
    pending.current = undefined;
    if (isRestoring.current || !hasUnsavedChanges.current) return;
    hasUnsavedChanges.current = false;
    await drafts.save(formKey, getValues());
  }, [drafts, formKey, getValues]);

  useEffect(() => {
    let isCurrent = true;
    void drafts.get(formKey).then((draft) => {
      if (!isCurrent) return;
      if (draft) {
        reset(draft.values as Values, { keepDefaultValues: true });
        setRestoredAt(draft.updatedAt);
      }
      isRestoring.current = false;
    });
    return () => {
      isCurrent = false;
    };
  }, [drafts, formKey, reset]);

  useEffect(() => {
    const subscription = watch(() => {
      if (isRestoring.current) return;
      hasUnsavedChanges.current = true;
      window.clearTimeout(pending.current);
      pending.current = window.setTimeout(() => void saveNow(), saveDelayMs);
    });
    return () => subscription.unsubscribe();
  }, [watch, saveNow]);

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
