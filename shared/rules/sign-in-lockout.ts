/**
 * Sign-in lockout: five failed attempts lock that account for five minutes.
 *
 * Interpretation:
 * - Failures count towards a lock only if they happened in the 15 minutes before the latest one,
 *   so a handful of typos spread over a week never locks anyone out.
 * - The 5th counted failure locks the account for exactly 5 minutes from that failure. It is
 *   locked while `now < lockedUntil`: at 4 min 59 s it is still locked, at 5 min 0 s it opens.
 * - When it locks, the count starts again: after the lock, the next 5 failures lock it again.
 * - A successful sign-in clears both the count and any lock; so does a manager's password reset.
 * - Times are instants (ISO 8601, UTC), so clock changes make no difference. The time is always
 *   passed in: nothing here reads the clock.
 * - While locked, the password is not even checked (the caller asks `signInGate` first), so the
 *   lock also stops guessing, not just the count.
 * - The state is kept unsealed (it is read before anyone signs in), so only what this rule could
 *   have written is believed: a lock ending more than 5 minutes after `now`, or a failure dated
 *   after `now`, was put there from outside (or the clock was moved back) and is ignored. Someone
 *   at the keyboard could otherwise lock the manager out for good, with nobody left to reset it,
 *   or make one typo lock a colleague. Ignoring them opens nothing that deleting them would not.
 */

export const maximumFailedAttempts = 5;
export const lockoutMinutes = 5;
export const failureWindowMinutes = 15;

const minute = 60_000;

/** The part of an account's keyring record (`accountKeys`) this rule reads and writes. */
export type LockoutState = {
  readonly failedAttempts: readonly string[];
  readonly lockedUntil?: string;
};

export type SignInGate =
  | { readonly kind: 'open' }
  | {
      readonly kind: 'locked';
      readonly until: string;
      readonly minutesLeft: number;
      readonly message: string;
    };

export type FailedAttemptOutcome =
  | { readonly kind: 'counted'; readonly state: LockoutState; readonly attemptsLeft: number }
  | { readonly kind: 'nowLocked'; readonly state: LockoutState; readonly until: string }
  | { readonly kind: 'alreadyLocked'; readonly state: LockoutState; readonly until: string };

/** Whether a password may be tried for this account at `now`. */
export function signInGate(state: LockoutState, now: Date): SignInGate {
  const until = activeLockUntil(state, now);
  if (until === undefined) return { kind: 'open' };
  const minutesLeft = Math.ceil((Date.parse(until) - now.getTime()) / minute);
  return { kind: 'locked', until, minutesLeft, message: lockedMessage(minutesLeft) };
}

/**
 * The state after a wrong password at `now`, and whether that failure locked the account
 * (`nowLocked`: write an `account-locked` audit entry as well as `sign-in-failed`).
 */
export function afterFailedAttempt(state: LockoutState, now: Date): FailedAttemptOutcome {
  const lockedUntil = activeLockUntil(state, now);
  if (lockedUntil !== undefined) return { kind: 'alreadyLocked', state, until: lockedUntil };

  const windowStart = now.getTime() - failureWindowMinutes * minute;
  const recent = state.failedAttempts.filter((at) => {
    const time = Date.parse(at);
    return time > windowStart && time <= now.getTime();
  });
  const failedAttempts = [...recent, now.toISOString()];
  if (failedAttempts.length >= maximumFailedAttempts) {
    const until = new Date(now.getTime() + lockoutMinutes * minute).toISOString();
    return { kind: 'nowLocked', state: { failedAttempts: [], lockedUntil: until }, until };
  }
  return {
    kind: 'counted',
    state: { failedAttempts },
    attemptsLeft: maximumFailedAttempts - failedAttempts.length,
  };
}

/** The state after a successful sign-in (or a password reset): no failures, no lock. */
export function afterSuccessfulSignIn(): LockoutState {
  return { failedAttempts: [] };
}

function activeLockUntil(state: LockoutState, now: Date): string | undefined {
  if (state.lockedUntil === undefined) return undefined;
  const until = Date.parse(state.lockedUntil);
  const isActive = now.getTime() < until && until <= now.getTime() + lockoutMinutes * minute;
  return isActive ? state.lockedUntil : undefined;
}

function lockedMessage(minutesLeft: number): string {
  const wait = minutesLeft === 1 ? '1 minute' : `${minutesLeft} minutes`;
  return `This account is locked for ${lockoutMinutes} minutes after ${maximumFailedAttempts} wrong passwords. Try again in ${wait}, or ask a manager to reset your password.`;
}
