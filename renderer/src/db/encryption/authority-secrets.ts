/*
 * The CA's secret while a manager is signed in, keyed by their session object: forgotten on lock
 * or sign-out (`forgetAuthoritySecret`; a WeakMap alone would keep it while anything still held the
 * session), and never written anywhere. Apart from `signing-keys.ts`, so that ending a session
 * does not load the certificate code before the sign-in form can show.
 */
const authorityBySession = new WeakMap<object, CryptoKey>();

export function rememberAuthoritySecret(session: object, secret: CryptoKey | undefined): void {
  if (secret) authorityBySession.set(session, secret);
}

export function authoritySecretOf(session: object): CryptoKey | undefined {
  return authorityBySession.get(session);
}

export function forgetAuthoritySecret(session: object): void {
  authorityBySession.delete(session);
}
