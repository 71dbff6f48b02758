import { describe, expect, it } from 'vitest';
import {
  afterFailedAttempt,
  afterSuccessfulSignIn,
  signInGate,
  type FailedAttemptOutcome,
  type LockoutState,
} from '../../../../shared/rules/sign-in-lockout';

const start = Date.parse('2026-11-20T09:00:00.000Z');
/** An instant `minutes` and `seconds` after 09:00. */
const time = (minutes: number, seconds = 0) => new Date(start + minutes * 60_000 + seconds * 1000);

const fresh: LockoutState = { failedAttempts: [] };

/** Fails at each of the given times in turn, returning every outcome. */
function failAt(state: LockoutState, times: readonly Date[]): FailedAttemptOutcome[] {
  const outcomes: FailedAttemptOutcome[] = [];
  let current = state;
  for (const now of times) {
    const outcome = afterFailedAttempt(current, now);
    outcomes.push(outcome);
    current = outcome.state;
  }
  return outcomes;
}

const lastOf = (outcomes: readonly FailedAttemptOutcome[]) => {
  const last = outcomes[outcomes.length - 1];
  if (!last) throw new Error('no outcomes');
  return last;
};

/** Locked by five wrong passwords, the fifth at 09:04. */
const lockedAt0904 = lastOf(failAt(fresh, [time(0), time(1), time(2), time(3), time(4)])).state;

describe('wrong passwords', () => {
  it.each([
    [1, 4],
    [2, 3],
    [3, 2],
    [4, 1],
  ])('after %i, the account stays open with %i tries left', (failures, attemptsLeft) => {
    const outcome = lastOf(
      failAt(
        fresh,
        Array.from({ length: failures }, (_, index) => time(index)),
      ),
    );
    expect(outcome).toMatchObject({ kind: 'counted', attemptsLeft });
    expect(signInGate(outcome.state, time(failures))).toEqual({ kind: 'open' });
  });

  it('the 5th locks the account for 5 minutes from that failure', () => {
    const outcome = lastOf(failAt(fresh, [time(0), time(1), time(2), time(3), time(4)]));
    expect(outcome).toEqual({
      kind: 'nowLocked',
      until: '2026-11-20T09:09:00.000Z',
      state: { failedAttempts: [], lockedUntil: '2026-11-20T09:09:00.000Z' },
    });
  });

  it('five in quick succession lock it too', () => {
    expect(lastOf(failAt(fresh, [time(0, 1), time(0, 2), time(0, 3), time(0, 4), time(0, 5)])).kind).toBe(
      'nowLocked',
    );
  });

  it('do not lock when they are spread out: only those in the last 15 minutes count', () => {
    const outcomes = failAt(fresh, [time(0), time(10), time(20), time(30), time(40), time(50)]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual([
      'counted',
      'counted',
      'counted',
      'counted',
      'counted',
      'counted',
    ]);
    expect(lastOf(outcomes)).toMatchObject({ attemptsLeft: 3 });
  });

  it('a failure exactly 15 minutes old no longer counts', () => {
    const outcome = lastOf(failAt(fresh, [time(0), time(14), time(14, 10), time(14, 20), time(15)]));
    expect(outcome).toMatchObject({ kind: 'counted', attemptsLeft: 1 });
  });

  it('while locked, a further try is not counted and does not extend the lock', () => {
    const outcome = afterFailedAttempt(lockedAt0904, time(6));
    expect(outcome).toEqual({
      kind: 'alreadyLocked',
      state: lockedAt0904,
      until: '2026-11-20T09:09:00.000Z',
    });
  });
});

describe('the sign-in gate for a locked account', () => {
  it.each([
    ['at the moment it locks', time(4), 5],
    ['1 second later', time(4, 1), 5],
    ['4 minutes later', time(8), 1],
    ['4 minutes 59 seconds later', time(8, 59), 1],
  ])('is locked %s', (_case, now, minutesLeft) => {
    expect(signInGate(lockedAt0904, now)).toMatchObject({
      kind: 'locked',
      until: '2026-11-20T09:09:00.000Z',
      minutesLeft,
    });
  });

  it.each([
    ['5 minutes 0 seconds later', time(9)],
    ['an hour later', time(64)],
  ])('is open %s', (_case, now) => {
    expect(signInGate(lockedAt0904, now)).toEqual({ kind: 'open' });
  });

  it('says how long to wait, in plain words', () => {
    const gate = signInGate(lockedAt0904, time(8, 30));
    expect(gate.kind === 'locked' && gate.message).toBe(
      'This account is locked for 5 minutes after 5 wrong passwords. Try again in 1 minute, or ask a manager to reset your password.',
    );
  });
});

describe('after the lock', () => {
  it('the count starts again: one more wrong password does not lock it at once', () => {
    expect(afterFailedAttempt(lockedAt0904, time(9))).toMatchObject({ kind: 'counted', attemptsLeft: 4 });
  });

  it('five more wrong passwords lock it again', () => {
    const again = lastOf(failAt(lockedAt0904, [time(9), time(9, 10), time(9, 20), time(9, 30), time(9, 40)]));
    expect(again).toMatchObject({ kind: 'nowLocked', until: '2026-11-20T09:14:40.000Z' });
  });
});

describe('a successful sign-in', () => {
  it('clears the failures, so four more are allowed before the next lock', () => {
    const afterFour = lastOf(failAt(fresh, [time(0), time(1), time(2), time(3)])).state;
    expect(afterFour.failedAttempts).toHaveLength(4);
    const cleared = afterSuccessfulSignIn();
    expect(cleared).toEqual({ failedAttempts: [] });
    expect(lastOf(failAt(cleared, [time(4), time(5), time(6), time(7)]))).toMatchObject({
      kind: 'counted',
      attemptsLeft: 1,
    });
  });
});

/*
 * The lockout state is kept unsealed in IndexedDB (it is read before anyone signs in), so someone
 * at an unlocked DevTools can write any times there. Only the rule's own shapes may lock anyone.
 */
describe('a lockout state the rule could not have written', () => {
  it('a lock years ahead does not keep the account shut: no lock lasts longer than 5 minutes', () => {
    const edited: LockoutState = { failedAttempts: [], lockedUntil: '9999-12-31T23:59:59.000Z' };
    expect(signInGate(edited, time(0))).toEqual({ kind: 'open' });
    expect(afterFailedAttempt(edited, time(0))).toMatchObject({ kind: 'counted', attemptsLeft: 4 });
  });

  it('a lock exactly 5 minutes ahead is still honoured', () => {
    expect(signInGate({ failedAttempts: [], lockedUntil: time(5).toISOString() }, time(0))).toMatchObject({
      kind: 'locked',
      minutesLeft: 5,
    });
  });

  it('failures dated in the future are not counted, so one typo does not lock the account', () => {
    const future = ['2099-01-01T00:00:00.000Z', '2099-01-01T00:00:01.000Z', '2099-01-01T00:00:02.000Z'];
    const edited: LockoutState = { failedAttempts: [...future, '2099-01-01T00:00:03.000Z'] };
    const outcome = afterFailedAttempt(edited, time(0));
    expect(outcome).toMatchObject({ kind: 'counted', attemptsLeft: 4 });
    expect(outcome.state.failedAttempts).toEqual([time(0).toISOString()]);
  });

  it('an unreadable time neither locks nor counts', () => {
    const edited: LockoutState = { failedAttempts: ['not a time'], lockedUntil: 'not a time' };
    expect(signInGate(edited, time(0))).toEqual({ kind: 'open' });
    expect(afterFailedAttempt(edited, time(0))).toMatchObject({ kind: 'counted', attemptsLeft: 4 });
  });
});
