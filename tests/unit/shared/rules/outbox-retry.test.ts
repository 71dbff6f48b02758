import { describe, expect, it } from 'vitest';
import {
  afterFailedAttempt,
  isDue,
  maxAutomaticAttempts,
  outboxRetryDelayMinutes,
} from '../../../../shared/rules/outbox-retry';

const now = new Date('2026-11-20T10:00:00.000Z');
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

describe('the outbox tries again with backoff, and gives up only on what will not mend itself', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 5],
    [4, 15],
    [5, 30],
    [6, 60],
    [9, 60],
  ])('after try %i the next is %i minutes later (never more than an hour)', (attempts, minutes) => {
    expect(outboxRetryDelayMinutes(attempts)).toBe(minutes);
    expect(afterFailedAttempt(attempts, { isWorthRetrying: true }, now)).toEqual({
      state: 'queued',
      nextAttemptAt: minutesLater(minutes),
    });
  });

  it('a server that cannot be reached is still being tried at the last automatic try but one, and then the message shows as failed', () => {
    expect(afterFailedAttempt(maxAutomaticAttempts - 1, { isWorthRetrying: true }, now).state).toBe('queued');
    expect(afterFailedAttempt(maxAutomaticAttempts, { isWorthRetrying: true }, now)).toEqual({
      state: 'failed',
    });
  });

  it('a wrong password, untrusted certificate or missing TLS fails at once, for a person to fix', () => {
    expect(afterFailedAttempt(1, { isWorthRetrying: false }, now)).toEqual({ state: 'failed' });
  });

  it.each([
    [{ state: 'queued' }, true],
    [{ state: 'queued', nextAttemptAt: now.toISOString() }, true],
    [{ state: 'queued', nextAttemptAt: minutesLater(-1) }, true],
    [{ state: 'queued', nextAttemptAt: minutesLater(1) }, false],
    [{ state: 'failed', nextAttemptAt: minutesLater(-1) }, false],
    [{ state: 'sending' }, false],
    [{ state: 'cancelled' }, false],
  ])('is %j due now? %s', (message, due) => {
    expect(isDue(message, now)).toBe(due);
  });
});
