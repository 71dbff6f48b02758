import { longDate } from '@shared/home-time';

/** How soon before it ends a signing certificate is shown as needing renewal. */
export const renewalWarningDays = 60;

/**
 * What the staff list says about someone's signing certificate, and how to renew it: a colleague's
 * is renewed by resetting their password (which issues a new one); a manager renews their own.
 * Undefined when there is nothing to say.
 */
export function certificateStatusText(
  certificateUntil: string | undefined,
  isOwnAccount: boolean,
  now: Date,
  timeZone: string,
): string | undefined {
  const renew = isOwnAccount
    ? 'renew it with “Renew my certificate”'
    : 'reset their password to issue a new one';
  if (certificateUntil === undefined)
    return isOwnAccount ? `no signing certificate: ${renew}` : `no signing certificate (${renew})`;
  const until = new Date(certificateUntil);
  if (Number.isNaN(until.getTime())) return undefined;
  if (until.getTime() <= now.getTime())
    return `signing certificate expired on ${longDate(until, timeZone)}: nothing can be signed until you ${renew}`;
  if (until.getTime() - now.getTime() <= renewalWarningDays * 86_400_000)
    return `signing certificate expires on ${longDate(until, timeZone)}: ${renew}`;
  return undefined;
}
