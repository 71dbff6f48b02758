import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DoorCheck, IdChecks } from '@shared/rules/door-check';
import { checkAtTheDoor, type RegisteredNames } from './door-checker';
import type { DoorRestrictions } from './useDoorRestrictions';

/** A pause this short feels instant, and spares a check on every keystroke of a fast typist. */
export const checkDelayMs = 150;

export type DoorCheckInput = {
  readonly name: string;
  readonly personId: string | undefined;
  readonly youngPersonIds: readonly string[];
  readonly idChecks: IdChecks;
};

export type LiveDoorCheck =
  | { readonly state: 'waiting' }
  | { readonly state: 'loading' }
  | { readonly state: 'checked'; readonly result: DoorCheck; readonly checkedName: string };

type Key = [name: string, personId: string, youngPersonIds: string[], notThem: string[], treatedAs: string[]];

/**
 * The restriction check as the visitor's name is typed: against the restrictions in force today
 * for the young people chosen (or all young people, before any is chosen), with any ID checks
 * made. Feedback only: the register runs the check again itself when the visitor is signed in.
 * `checkNow` skips the pause (the Enter key in the name field).
 */
export function useLiveDoorCheck(
  input: DoorCheckInput,
  restrictions: DoorRestrictions | undefined,
  today: string,
  registeredNames: RegisteredNames,
): LiveDoorCheck & { readonly checkNow: () => void } {
  // One string, so the pause is measured on what was typed and chosen, not on object identity.
  const key = JSON.stringify([
    input.name.trim(),
    input.personId ?? '',
    [...input.youngPersonIds].sort(),
    [...input.idChecks.notThem].sort(),
    [...input.idChecks.treatedAsThem].sort(),
  ] satisfies Key);
  const [settled, setSettled] = useState(key);
  // An emptied name box (the form cleared after a sign-in) settles at once: the last visitor's
  // warning must not stay on screen, to be ticked as read, while the next name is typed.
  // (React's "adjusting state while rendering": no effect, so no frame shows the old answer.)
  const isEmptied = input.name.trim() === '';
  if (isEmptied && settled !== key) setSettled(key);
  useEffect(() => {
    if (isEmptied) return;
    const timer = window.setTimeout(() => setSettled(key), checkDelayMs);
    return () => window.clearTimeout(timer);
  }, [key, isEmptied]);
  const checkNow = useCallback(() => setSettled(key), [key]);
  const shown = isEmptied ? key : settled;
  const check = useMemo((): LiveDoorCheck => {
    const [name, personId, youngPersonIds, notThem, treatedAsThem] = JSON.parse(shown) as Key;
    if (!name) return { state: 'waiting' };
    if (!restrictions) return { state: 'loading' };
    const result = checkAtTheDoor(
      { name, personId: personId || undefined, idChecks: { notThem, treatedAsThem } },
      youngPersonIds,
      restrictions.index,
      today,
      registeredNames,
    );
    return { state: 'checked', result, checkedName: name };
  }, [shown, restrictions, today, registeredNames]);
  return { ...check, checkNow };
}
