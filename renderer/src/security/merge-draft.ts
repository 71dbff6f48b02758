/**
 * What a form holds once a saved draft arrives after someone has already started typing (the
 * draft is read and opened asynchronously, and on a busy computer that takes a moment): each field
 * they have touched keeps what they typed, and every field they have not touched (still its
 * default) takes the draft's value. Neither their new words nor the old draft's are lost.
 * Fields are compared whole (a list of checkboxes is one field).
 */
export function mergeDraft(
  draft: unknown,
  current: Readonly<Record<string, unknown>>,
  defaults: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  if (!isRecord(draft)) return { ...current };
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(draft)) {
    const untouched = !(key in current) || sameValue(current[key], defaults?.[key]);
    if (untouched) merged[key] = value;
  }
  return merged;
}

/**
 * The fields of `values` that differ from `baseline` (what the form started from: blank, or the
 * form as last saved), in the order `values` lists them. An empty list means there is nothing
 * worth keeping as a draft.
 */
export function changedFields(
  values: unknown,
  baseline: Readonly<Record<string, unknown>> | undefined,
): string[] {
  if (!isRecord(values)) return [];
  return Object.keys(values).filter((key) => !sameValue(values[key], baseline?.[key]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // An empty text field and a missing default are the same "nothing typed".
  if ((a === '' || a === undefined || a === null) && (b === '' || b === undefined || b === null)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
