import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useDatabase } from '../db/useDatabase';
import { draftRepository } from '../db/repositories/draft-repository';
import { draftSaveDelay, draftSaveTiming } from './draft-save-schedule';
import { changedFields, mergeDraft } from './merge-draft';
import { useSession, useSessionApi } from './session-context';

/** A draft that came back: when it was last kept, and which fields it changed (form field names). */
export type RestoredDraft = { readonly at: string; readonly fields: readonly string[] };

/**
 * Keeps what someone is typing in `form` as a sealed draft under `formKey` (one key per record:
 * a new form has its own id from the start, so two new forms never share a draft). It is kept
 * a moment after they pause and at least every second while they type on (`draftSaveTiming`),
 * at once when the window is hidden or closed, and when the screen locks. When the same person
 * opens the same form again, the draft comes back and `restored` says when and what.
 * Values equal to what the form started from are not kept (and remove an older draft).
 * `clear()` after a successful save removes it. Typing that starts before the draft has been
 * read is kept and merged with it (`mergeDraft`), and then saved like any other change.
 */
export function useDraft<Values extends FieldValues>(formKey: string, form: UseFormReturn<Values>) {
  const db = useDatabase();
  const session = useSession();
  const { draftKeeper } = useSessionApi();
  const drafts = useMemo(() => draftRepository(db, session.cipher, session.staff.id), [db, session]);
  const [restored, setRestored] = useState<RestoredDraft | undefined>();
  const isRestoring = useRef(true);
  const timer = useRef<number | undefined>(undefined);
  const unsavedSince = useRef<number | undefined>(undefined);
  const typedWhileRestoring = useRef(false);
  // Saves run one after another, so an older snapshot never lands after a newer one.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const { reset, watch, getValues } = form;
  const { control } = form;
  const initialDefaults = useRef(form.formState.defaultValues);
  // What the form starts from now: blank, or the record as last saved (a save resets the form to it).
  const baseline = useCallback(
    () => control._defaultValues as Record<string, unknown> | undefined,
    [control],
  );

  const saveNow = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (isRestoring.current || unsavedSince.current === undefined) return queue.current;
    unsavedSince.current = undefined;
    // A copy as it is now: the form goes on changing while the copy is sealed.
    const values = JSON.parse(JSON.stringify(getValues())) as unknown;
    const isWorthKeeping = changedFields(values, baseline()).length > 0;
    // Sealed now, not when the saves before it are written: the key is taken at once, so a lock
    // that drops the keys straight after this call still keeps what was typed (the write follows).
    const sealing = isWorthKeeping ? drafts.seal(formKey, values) : undefined;
    sealing?.catch(() => undefined); // Reported below, in its turn.
    queue.current = queue.current
      .then(async () => (sealing ? drafts.put(await sealing) : drafts.remove(formKey)))
      .catch((error: unknown) => {
        // Kept for the next change to try again; the person is still typing and must not be stopped.
        unsavedSince.current ??= performance.now();
        console.error('A draft could not be kept', error);
      });
    return queue.current;
  }, [drafts, formKey, getValues, baseline]);

  const noteChange = useCallback(() => {
    const now = performance.now();
    unsavedSince.current ??= now;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => void saveNow(),
      draftSaveDelay(now, unsavedSince.current, now, draftSaveTiming),
    );
  }, [saveNow]);

  useEffect(() => {
    let isCurrent = true;
    const finish = () => {
      isRestoring.current = false;
      if (typedWhileRestoring.current) {
        typedWhileRestoring.current = false;
        noteChange();
      }
    };
    drafts
      .get(formKey)
      .then((draft) => {
        if (!isCurrent) return;
        const defaults = initialDefaults.current as Record<string, unknown> | undefined;
        if (draft) {
          const values = typedWhileRestoring.current
            ? mergeDraft(draft.values, getValues(), defaults)
            : draft.values;
          const fields = changedFields(values, defaults);
          if (fields.length > 0) {
            const typed = typedWhileRestoring.current;
            reset(values as Values, { keepDefaultValues: true });
            typedWhileRestoring.current = typed;
            setRestored({ at: draft.updatedAt, fields });
          } else {
            void drafts.remove(formKey);
          }
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
  }, [drafts, formKey, reset, getValues, noteChange]);

  useEffect(() => {
    const subscription = watch(() => {
      if (isRestoring.current) {
        typedWhileRestoring.current = true;
        return;
      }
      noteChange();
    });
    return () => subscription.unsubscribe();
  }, [watch, noteChange]);

  useEffect(() => draftKeeper.register(saveNow), [draftKeeper, saveNow]);

  // Switching away, minimising or closing the window: keep what was typed at once.
  useEffect(() => {
    const onHide = () => void saveNow();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void saveNow();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [saveNow]);

  // Leaving the screen (another menu item) keeps the last words too.
  useEffect(() => () => void saveNow(), [saveNow]);

  const clear = useCallback(async () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    unsavedSince.current = undefined;
    setRestored(undefined);
    // Wait for a save already under way, or it would bring the draft back after this removal.
    await queue.current;
    await drafts.remove(formKey);
  }, [drafts, formKey]);

  return { restored, restoredAt: restored?.at, clear };
}
