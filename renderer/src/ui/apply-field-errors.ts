import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

/**
 * Puts a repository's per-field messages (keyed `terms.1.startsOn`) onto the form's fields, so
 * that a rule only the database can check (an overlap with another year) shows where the
 * person will look for it. Returns whether any field took a message.
 */
export function applyFieldErrors<Values extends FieldValues>(
  fields: Readonly<Record<string, string>> | undefined,
  setError: UseFormSetError<Values>,
): boolean {
  if (!fields) return false;
  let applied = false;
  for (const [path, message] of Object.entries(fields)) {
    setError(path as Path<Values>, { type: 'server', message }, { shouldFocus: !applied });
    applied = true;
  }
  return applied;
}
