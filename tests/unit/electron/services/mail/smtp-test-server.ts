import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestCertificates } from '../../../../support/test-certificates';

export { makeTestCertificates, type TestCertificates } from '../../../../support/test-certificates';

export type ReceivedMail = {
  readonly envelopeTo: readonly string[];
  readonly parsed: ParsedMail;
  readonly wasEncrypted: boolean;
};

export type TestSmtpServer = {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Sign-ins the server accepted, and those it refused (user names). */
  readonly logins: string[];
  readonly refusedLogins: string[];
  close(): Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 (the npm smtp-server package): STARTTLS with the given
 * certificate and a login required, unless told to hide STARTTLS (a server that would take mail
 * in plain text, which Family Links must refuse to use).
 */
export async function startTestSmtpServer(options: {
  certificates: Pick<TestCertificates, 'keyPem' | 'certPem'>;
  user?: string;
  password?: string;
  port?: number;
  hideStartTls?: boolean;
}): Promise<TestSmtpServer> {
  const user = options.user ?? 'alerts@home.example';
  const password = options.password ?? 'correct horse battery staple';
  const received: ReceivedMail[] = [];
  const refusedLogins: string[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    secure: false,
    key: options.certificates.keyPem,
    cert: options.certificates.certPem,
    authMethods: ['PLAIN', 'LOGIN'],
    // Hiding STARTTLS from the EHLO list is not enough: smtp-server still accepts the command (and
    // nodemailer with requireTLS sends it anyway, encrypted). A server without TLS refuses it.
    hideSTARTTLS: options.hideStartTls ?? false,
    ...(options.hideStartTls ? { disabledCommands: ['STARTTLS'] } : {}),
    // A server without STARTTLS still takes a login in plain text, so a client that fell back would be caught.
    allowInsecureAuth: options.hideStartTls ?? false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) {
        logins.push(auth.username);
        return callback(null, { user: auth.username });
      }
      refusedLogins.push(auth.username ?? '');
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            envelopeTo: session.envelope.rcptTo.map((to) => to.address),
            parsed,
            wasEncrypted: session.secure,
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    received,
    logins,
    refusedLogins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
