import type { SyncFailureCode } from '../../../../shared/ipc/channels/sync';
import { certificateProblemIn } from '../certificate-problems';

/** A failed connection in plain words for the manager. Never names a password. */
export function describeSyncFailure(
  error: unknown,
  where: string,
): { code: SyncFailureCode; message: string } {
  const details =
    typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown }) : {};
  const code = typeof details.code === 'string' ? details.code : '';
  const text = `${code} ${typeof details.message === 'string' ? details.message : String(error)}`;
  const certificate = certificateProblemIn(text);
  if (certificate || /CERT|SSL|TLS|certificate/i.test(code)) {
    return {
      code: 'certificate',
      message: `The sync server’s certificate could not be trusted (${certificate ?? 'it could not be checked'}), so nothing was sent. If the home uses its own certificate authority, add its CA certificate in the sync settings; otherwise ask your IT support.`,
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
