import type { Result } from '../../../shared/result';

/** The value of a result that must have worked; a failure stops the test with its code and message. */
export function okValue<Value>(result: Result<Value>): Value {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
