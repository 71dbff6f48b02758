import type { Failure } from '@shared/result';

/**
 * Thrown inside a transaction to abort it with a reason for the person (a clash found only once
 * the transaction could see the other rows); caught outside and returned as a value.
 */
export class Refusal<Code extends string> extends Error {
  constructor(readonly failure: Failure<Code>) {
    super(failure.message);
  }
}
