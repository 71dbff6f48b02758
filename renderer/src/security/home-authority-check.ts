import { base64ToBytes, hexOf } from '@shared/bytes';
import {
  certificateDerBase64,
  homeAuthorityMatch,
  type HomeAuthorityMatch,
} from '@shared/rules/home-authority-match';
import { fail, ok, type Result } from '@shared/result';
import type { Session } from '../db/session';
import { windowApi } from '../platform/window-api';
import { proofKeyOf } from './proof-keys';

/**
 * Whether this computer's main process holds manager-only requests to the CA that issued the
 * signed-in person's own certificate (`homeAuthorityMatch`). `unchecked` without a bridge, or when
 * the person has no certificate this computer can use.
 */
export async function checkHomeAuthority(session: Session): Promise<HomeAuthorityMatch> {
  return (await compareHomeAuthority(session)).match;
}

async function compareHomeAuthority(
  session: Session,
): Promise<{ readonly match: HomeAuthorityMatch; readonly authorityPem: string | undefined }> {
  const api = windowApi();
  if (!api) return { match: 'unchecked', authorityPem: undefined };
  // The manager's home waits for this answer: a bridge that fails gives "cannot say", not nothing.
  const [held, proofKey] = await Promise.all([
    api['auth:home-authority']({}).catch(() => undefined),
    proofKeyOf(session),
  ]);
  if (!held?.ok) return { match: 'unchecked', authorityPem: undefined };
  const authorityPem = proofKey?.certificateChainPem.at(-1);
  const der = authorityPem === undefined ? undefined : certificateDerBase64(authorityPem);
  const own =
    der === undefined ? undefined : hexOf(await crypto.subtle.digest('SHA-256', base64ToBytes(der)));
  return { match: homeAuthorityMatch(held.value, own), authorityPem };
}

/**
 * The home CA's certificate to give a new computer in its code: the one in the signed-in
 * manager's own chain, and only when this computer's main process holds requests to that same
 * CA, so a new computer trusts exactly what the computer that added it trusts. Otherwise why not,
 * in words (the main process would refuse the addition anyway).
 */
export async function sharedHomeAuthority(session: Session): Promise<Result<string>> {
  const { match, authorityPem } = await compareHomeAuthority(session);
  if (match !== 'matches') return fail('forbidden', notSharedBecause[match]);
  // A match is made from this chain's CA, so it is there.
  return authorityPem === undefined ? fail('forbidden', notSharedBecause.unchecked) : ok(authorityPem);
}

const notSharedBecause: Record<Exclude<HomeAuthorityMatch, 'matches'>, string> = {
  unknown:
    'This computer does not know the home’s certificate authority yet, so it cannot add a computer. Renew your certificate on Staff accounts, then try again.',
  different:
    'This computer trusts a certificate authority that is not the home’s, so it cannot add a computer. Add the computer from another of the home’s computers, and contact Family Links support.',
  unverifiable:
    'The record of the home’s certificate authority on this computer has been changed outside Family Links, so it cannot add a computer. Add it from another of the home’s computers.',
  unchecked:
    'Your signing certificate cannot be used on this computer, so it cannot add a computer. Sign out and in again, or renew your certificate on Staff accounts.',
};
