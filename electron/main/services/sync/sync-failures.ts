import type { SyncFailureCode } from '../../../../shared/ipc/channels/sync';

const certificateProblems: readonly [RegExp, string][] = [
  [/self[- ]signed/i, 'it is self-signed'],
  [
    /unable to (get local issuer|verify the first)|unknown ca|issuer certificate/i,
    'it was issued by an authority this computer does not trust',
  ],
  [/altname|does not match|hostname/i, 'it was issued for a different server name'],
  [/expired/i, 'it has expired'],
  [/not yet valid/i, 'it is not valid yet'],
];

/** A failed connection in plain words for the manager. Never names a password. */
export function describeSyncFailure(
  error: unknown,
  where: string,
): { code: SyncFailureCode; message: string } {
  const details =
    typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown }) : {};
  const code = typeof details.code === 'string' ? details.code : '';
  const text = `${code} ${typeof details.message === 'string' ? details.message : String(error)}`;
  const certificate = certificateProblems.find(([pattern]) => pattern.test(text));
  if (certificate || /CERT|SSL|TLS|certificate/i.test(code)) {
    return {
      code: 'certificate',
      message: `The sync server’s certificate could not be trusted (${certificate?.[1] ?? 'it could not be checked'}), so nothing was sent. If the home uses its own certificate authority, add its CA certificate in the sync settings; otherwise ask your IT support.`,
    };
  }
  if (/wrong version number|packet length too long|unknown protocol|EPROTO/i.test(text)) {
    return {
      code: 'certificate',
      message: `The server at ${where} did not start an encrypted connection. Check that the address is the server’s https port.`,
    };
  }
  if (/timed out|ETIMEDOUT/i.test(text)) {
    return { code: 'timeout', message: `The sync server at ${where} did not answer in time.` };
  }
  return {
    code: 'unreachable',
    message: `Family Links could not reach the sync server at ${where}. Check the address and that this computer is online; it will try again.`,
  };
}
