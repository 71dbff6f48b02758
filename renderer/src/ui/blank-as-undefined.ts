/**
 * For `register(name, { setValueAs })` on optional dates and "not chosen" selects: an empty
 * control means "none", which the schemas spell `undefined`, not an empty string.
 */
export function blankAsUndefined(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}
