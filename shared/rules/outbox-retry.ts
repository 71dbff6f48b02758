import type { MailFailure } from '../schemas/mail';

/**
 * How long the outbox waits before trying a message again after the n-th failed try (n from 1):
 * quickly at first (a server restarting), then less often, never more than an hour apart. A
 * different idea from a case-file copy's backoff (shared/rules/case-file-retry.ts): an alert is
 * about something happening now, and after ten tries a person should look at it.
 */
export const retryDelaysInMinutes = [1, 2, 5, 15, 30, 60] as const;

/** After this many tries a message stops retrying on its own and shows as failed, for a person to look at. */
export const maxAutomaticAttempts = 10;

export function outboxRetryDelayMinutes(attemptsSoFar: number): number {
  const index = Math.min(Math.max(attemptsSoFar, 1), retryDelaysInMinutes.length) - 1;
  return retryDelaysInMinutes[index] ?? 60;
}

export type AfterFailure =
  { readonly state: 'queued'; readonly nextAttemptAt: string } | { readonly state: 'failed' };

/**
 * What happens to a message after a try that did not send it. A server that could not be reached,
 * timed out or said "try later" is tried again with backoff: a server that is down leaves the
 * message queued, and it goes when the server is back. A problem that will not mend itself (a
 * wrong password, an untrusted certificate, no TLS offered, an address refused) fails at once, so
 * the manager sees it and can fix the settings and retry by hand. `attempts` counts this try.
 */
export function afterFailedAttempt(
  attempts: number,
  failure: Pick<MailFailure, 'isWorthRetrying'>,
  now: Date,
): AfterFailure {
  if (!failure.isWorthRetrying || attempts >= maxAutomaticAttempts) return { state: 'failed' };
  return {
    state: 'queued',
    nextAttemptAt: new Date(now.getTime() + outboxRetryDelayMinutes(attempts) * 60_000).toISOString(),
  };
}

/** A queued message is due when it has no time set or its time has come. */
export function isDue(
  message: { readonly state: string; readonly nextAttemptAt?: string | undefined },
  now: Date,
): boolean {
  return (
    message.state === 'queued' &&
    (message.nextAttemptAt === undefined || message.nextAttemptAt <= now.toISOString())
  );
}

/**
 * A message left "sending" by an app that closed mid-send goes back in the queue after this long.
 * The server may have taken it, so the person may get it twice; a lost alert is worse.
 */
export const stuckSendingAfterMinutes = 10;
