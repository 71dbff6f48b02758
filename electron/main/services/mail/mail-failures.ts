import type { MailFailure } from '../../../../shared/schemas/mail';
import { certificateProblemIn } from '../certificate-problems';

/** What nodemailer (and Node's TLS underneath) puts on an error, as far as we read it. */
type SendError = {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  message?: unknown;
  reason?: unknown;
};

/**
 * Turns a failed send into plain words for the manager and whether trying later can help.
 * Nothing here reveals the password or the message; the server and port are named so the
 * manager can check them.
 */
export function describeMailFailure(error: unknown, server: { host: string; port: number }): MailFailure {
  const details: SendError = typeof error === 'object' && error !== null ? error : {};
  const code = typeof details.code === 'string' ? details.code : '';
  const text = `${typeof details.message === 'string' ? details.message : String(error)} ${typeof details.reason === 'string' ? details.reason : ''}`;
  const responseCode = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  const where = `${server.host}:${server.port}`;

  const certificate = certificateProblemIn(text);
  if (
    certificate &&
    (code === 'ESOCKET' || code === 'ETLS' || code === 'ECONNECTION' || /certificate|cert/i.test(text))
  ) {
    return {
      code: 'certificate',
      message: `The mail server’s certificate could not be trusted (${certificate}), so nothing was sent. If your organisation uses its own certificate authority, add its CA certificate in Mail settings; otherwise ask your IT support.`,
      isWorthRetrying: false,
    };
  }
  if (code === 'ETLS' || /STARTTLS/i.test(text)) {
    return {
      code: 'no-tls',
      message: `The mail server at ${where} did not offer an encrypted connection (STARTTLS), so nothing was sent. Family Links never sends email unencrypted. Check the port and the security choice in Mail settings.`,
      isWorthRetrying: false,
    };
  }
  if (/wrong version number|packet length too long|unknown protocol/i.test(text)) {
    return {
      code: 'no-tls',
      message: `The mail server at ${where} did not start an encrypted connection straight away. That port probably needs STARTTLS instead: change the security choice in Mail settings. Nothing was sent.`,
      isWorthRetrying: false,
    };
  }
  if (code === 'EAUTH' || responseCode === 535 || responseCode === 534) {
    return {
      code: 'auth',
      message:
        'The mail server did not accept the user name or password, so nothing was sent. Check them in Mail settings.',
      isWorthRetrying: false,
    };
  }
  if (
    /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ECONNRESET/.test(text) ||
    code === 'EDNS' ||
    code === 'ECONNECTION'
  ) {
    return {
      code: 'unreachable',
      message: `Family Links could not connect to the mail server at ${where}. Check the server name and port, and that this computer is online. It will try again.`,
      isWorthRetrying: true,
    };
  }
  if (code === 'ETIMEDOUT' || /timeout|timed out/i.test(text)) {
    return {
      code: 'timeout',
      message: `The mail server at ${where} did not answer in time. It will try again.`,
      isWorthRetrying: true,
    };
  }
  if (
    code === 'EENVELOPE' ||
    (responseCode !== undefined && responseCode >= 500 && details.command === 'RCPT TO')
  ) {
    return {
      code: 'rejected-recipient',
      message: 'The mail server refused the recipient’s address. Check the address in the PAN group.',
      isWorthRetrying: false,
    };
  }
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) {
    return {
      code: 'temporary',
      message: `The mail server said to try later (code ${responseCode}). It will try again.`,
      isWorthRetrying: true,
    };
  }
  if (responseCode !== undefined && responseCode >= 500) {
    return {
      code: 'rejected',
      message: `The mail server refused the message (code ${responseCode}). Ask your IT support what the server expects.`,
      isWorthRetrying: false,
    };
  }
  if (code === 'ESOCKET') {
    return {
      code: 'unreachable',
      message: `The connection to the mail server at ${where} broke off. It will try again.`,
      isWorthRetrying: true,
    };
  }
  return {
    code: 'unknown',
    message:
      'The message could not be sent, for a reason Family Links does not recognise. It will try again; if it keeps failing, ask your IT support.',
    isWorthRetrying: true,
  };
}
