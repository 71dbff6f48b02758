import { base64ToBytes, hexOf } from '@shared/bytes';
import {
  certificateDerBase64,
  homeAuthorityMatch,
  type HomeAuthorityMatch,
} from '@shared/rules/home-authority-match';
import type { Session } from '../db/session';
import { windowApi } from '../platform/window-api';
import { proofKeyOf } from './proof-keys';

/**
 * Whether this computer's main process holds manager-only requests to the CA that issued the
 * signed-in person's own certificate (`homeAuthorityMatch`). `unchecked` without a bridge, or when
 * the person has no certificate this computer can use.
 */
export async function checkHomeAuthority(session: Session): Promise<HomeAuthorityMatch> {
  const api = windowApi();
  if (!api) return 'unchecked';
  // The manager's home waits for this answer: a bridge that fails gives "cannot say", not nothing.
  const [held, proofKey] = await Promise.all([
    api['auth:home-authority']({}).catch(() => undefined),
    proofKeyOf(session),
  ]);
  if (!held?.ok) return 'unchecked';
  const authorityPem = proofKey?.certificateChainPem.at(-1);
  const der = authorityPem === undefined ? undefined : certificateDerBase64(authorityPem);
  const own =
    der === undefined ? undefined : hexOf(await crypto.subtle.digest('SHA-256', base64ToBytes(der)));
  return homeAuthorityMatch(held.value, own);
}
