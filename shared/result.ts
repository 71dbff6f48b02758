/**
 * Errors are values at every boundary (IPC, repositories, imports): the `message` is written for
 * the person who will read it, the `code` for the code that has to react to it.
 */
export type Failure<Code extends string = string> = {
  readonly code: Code;
  readonly message: string;
  /** Per-field messages, keyed by a dotted path such as `terms.1.startsOn`. */
  readonly fields?: Readonly<Record<string, string>>;
};

/** A result that failed: what `fail` gives, and what a check that refuses returns. */
export type Failed<Code extends string = string> = { readonly ok: false; readonly error: Failure<Code> };

export type Result<Value, Code extends string = string> =
  { readonly ok: true; readonly value: Value } | Failed<Code>;

export const ok = <Value>(value: Value): { readonly ok: true; readonly value: Value } => ({
  ok: true,
  value,
});

export const fail = <Code extends string>(
  code: Code,
  message: string,
  fields?: Readonly<Record<string, string>>,
): Failed<Code> => ({
  ok: false,
  error: fields === undefined ? { code, message } : { code, message, fields },
});
