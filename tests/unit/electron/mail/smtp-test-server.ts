import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type TestCertificates = { readonly caPem: string; readonly keyPem: string; readonly certPem: string };

/**
 * A throwaway certificate authority and a server certificate it issued for 127.0.0.1 (SAN
 * IP:127.0.0.1), made fresh for each test run. Keys come from node:crypto (forge's own RSA key
 * generation takes seconds); forge writes the X.509 certificates.
 */
export function makeTestCertificates(commonName = 'Family Links test CA'): TestCertificates {
  const caKeys = rsaKeys();
  const serverKeys = rsaKeys();
  const now = new Date();
  const yearOn = new Date(now.getTime() + 365 * 24 * 3600 * 1000);

  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = '01';
  ca.validity.notBefore = new Date(now.getTime() - 60_000);
  ca.validity.notAfter = yearOn;
  const caName = [{ name: 'commonName', value: commonName }];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const server = forge.pki.createCertificate();
  server.publicKey = serverKeys.publicKey;
  server.serialNumber = '02';
  server.validity.notBefore = new Date(now.getTime() - 60_000);
  server.validity.notAfter = yearOn;
  server.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
  server.setIssuer(caName);
  server.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.sign(caKeys.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(ca),
    keyPem: forge.pki.privateKeyToPem(serverKeys.privateKey),
    certPem: forge.pki.certificateToPem(server),
  };
}

function rsaKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

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
