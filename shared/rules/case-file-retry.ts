/**
 * How long a signed copy that could not reach the case-file folder waits before its next try,
 * after its n-th failed try (n from 1): five minutes, doubling, at most six hours. Unlike an
 * email (shared/rules/outbox-retry.ts), a copy never stops being tried on its own: the signed form
 * is already kept in the app, and a share that is down over a weekend is written on Monday.
 */
export function caseFileRetryDelayMinutes(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 6 * 60);
}

/** When a copy that has failed `attempts` times is next tried, counting from `failedAt`. */
export function nextCaseFileAttemptAt(attempts: number, failedAt: Date): string {
  return new Date(failedAt.getTime() + caseFileRetryDelayMinutes(attempts) * 60_000).toISOString();
}
