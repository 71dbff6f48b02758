import { useMemo } from 'react';
import type { RestrictionCheck } from '@shared/rules/restriction-check';
import { checkAtTheDoor, type RegisteredNames } from './door-checker';
import type { DoorRestrictions } from './useDoorRestrictions';
import { useDebouncedValue } from '../../common/useDebouncedValue';

/** A pause this short feels instant, and spares a check on every keystroke of a fast typist. */
export const checkDelayMs = 150;

export type DoorCheckInput = {
  readonly name: string;
  readonly personId: string | undefined;
  readonly youngPersonIds: readonly string[];
};

export type LiveDoorCheck =
  | { readonly state: 'waiting' }
  | { readonly state: 'loading' }
  | { readonly state: 'checked'; readonly result: RestrictionCheck; readonly checkedName: string };

/**
 * The restriction check as the visitor's name is typed: against the restrictions in force today
 * for the young people chosen (or all young people, before any is chosen). Feedback only: the
 * register runs the check again itself when the visitor is signed in.
 */
export function useLiveDoorCheck(
  input: DoorCheckInput,
  restrictions: DoorRestrictions | undefined,
  today: string,
  registeredNames: RegisteredNames,
): LiveDoorCheck {
  // One string, so the pause is measured on what was typed and chosen, not on object identity.
  const key = useDebouncedValue(
    JSON.stringify([input.name.trim(), input.personId ?? '', [...input.youngPersonIds].sort()]),
    checkDelayMs,
  );
  return useMemo((): LiveDoorCheck => {
    const [name, personId, youngPersonIds] = JSON.parse(key) as [string, string, string[]];
    if (!name) return { state: 'waiting' };
    if (!restrictions) return { state: 'loading' };
    const result = checkAtTheDoor(
      { name, personId: personId || undefined },
      youngPersonIds,
      restrictions.index,
      today,
      registeredNames,
    );
    return { state: 'checked', result, checkedName: name };
  }, [key, restrictions, today, registeredNames]);
}
