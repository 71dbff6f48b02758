/**
 * The default of a switch that handles every case of a union. It compiles only while `value` is
 * `never`, so a case added to the union and not handled is a type error; a value the types rule
 * out that still arrives at run time (a record from a newer version, say) throws, naming it.
 */
export function unreachable(value: never, what: string): never {
  const seen: unknown = value;
  const shown = typeof seen === 'string' ? seen : JSON.stringify(seen);
  throw new Error(`Unknown ${what}: ${shown}`);
}
