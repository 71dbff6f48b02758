import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailService } from '../../../../../electron/main/services/mail/mail-service';
import { createMainKey } from '../../../../../electron/main/services/main-key';
import { inMemoryProtectedStorage } from '../../../../../electron/main/services/mail/in-memory-protected-storage';
import type { MailSettings } from '../../../../../shared/schemas/mail';
import {
  makeTestCertificates,
  startTestSmtpServer,
  type TestCertificates,
  type TestSmtpServer,
} from './smtp-test-server';

let certificates: TestCertificates;
let strangerCertificates: TestCertificates;
let folder: string;
const servers: TestSmtpServer[] = [];

beforeAll(() => {
  certificates = makeTestCertificates();
  strangerCertificates = makeTestCertificates('Another organisation CA');
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  if (folder) await rm(folder, { recursive: true, force: true });
});

const password = 'correct horse battery staple';

const timeouts = { connectionMs: 3000, greetingMs: 3000, socketMs: 5000 };

/** Settings for a server no test reaches: for what saving settings does, not what sending does. */
const plainSettings: MailSettings = {
  host: 'smtp.example.org',
  port: 587,
  security: 'starttls',
  username: 'u',
  fromAddress: 'a@b.example',
  fromName: '',
  caCertificatePem: '',
  attachSignedPdf: false,
};

/** A mail service over `folder`, with protected storage (in memory unless given) and the main key kept in it. */
function mailServiceIn(folder: string, storage = inMemoryProtectedStorage(), withTimeouts?: typeof timeouts) {
  return createMailService({
    folder,
    protectedStorage: storage,
    mainKey: createMainKey({ folder, protectedStorage: storage }),
    ...(withTimeouts ? { timeouts: withTimeouts } : {}),
  });
}

async function serviceFor(
  server: { port: number },
  overrides: Partial<MailSettings> = {},
  options: { password?: string; storage?: ReturnType<typeof inMemoryProtectedStorage> } = {},
) {
  folder = await mkdtemp(join(tmpdir(), 'family-links-mail-'));
  const mail = mailServiceIn(folder, options.storage, timeouts);
  const saved = await mail.saveSettings({
    settings: {
      host: '127.0.0.1',
      port: server.port,
      security: 'starttls',
      username: 'alerts@home.example',
      fromAddress: 'alerts@home.example',
      fromName: 'Family Links',
      caCertificatePem: certificates.caPem,
      attachSignedPdf: false,
      ...overrides,
    },
    password: options.password ?? password,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return mail;
}

async function server(options: Partial<Parameters<typeof startTestSmtpServer>[0]> = {}) {
  const started = await startTestSmtpServer({ certificates, password, ...options });
  servers.push(started);
  return started;
}

const alert = {
  to: { name: 'Tom Tutor', email: 'tom.tutor@home.example' },
  subject: 'Family Links: a contact form was filed for M.H. (CF-1)',
  text: 'For M.H.: a contact form was filed.\n\nOpen Family Links to read it.',
};

/** Sends the alert through a service for `smtp` set up as given, and checks nothing reached the server. */
async function sendUndelivered(
  smtp: Awaited<ReturnType<typeof server>>,
  overrides: Partial<MailSettings> = {},
  options: Parameters<typeof serviceFor>[2] = {},
) {
  const outcome = await (await serviceFor(smtp, overrides, options)).send(alert);
  expect(smtp.received).toHaveLength(0);
  return outcome;
}

describe('sending over TLS to a real SMTP server on 127.0.0.1 (STARTTLS, login required)', () => {
  it('delivers to the one recipient, encrypted, with the server’s message id', async () => {
    const smtp = await server();
    const mail = await serviceFor(smtp);
    const outcome = await mail.send(alert);
    expect(outcome.outcome).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received?.wasEncrypted).toBe(true);
    expect(received?.envelopeTo).toEqual(['tom.tutor@home.example']);
    expect(received?.parsed.subject).toBe(alert.subject);
    expect(received?.parsed.text?.trim()).toBe(alert.text);
    expect(outcome.outcome === 'sent' ? outcome.serverMessageId : '').toBe(received?.parsed.messageId);
  });

  it('two attempts at one outbox message carry the same Message-ID, so a resend after a crash is not shown twice', async () => {
    const smtp = await server();
    const mail = await serviceFor(smtp);
    const outboxId = '6f1c1f55-4a3e-4c43-9d0e-3c4b2b7b9f10';
    await mail.send({ ...alert, outboxId });
    await mail.send({ ...alert, outboxId });
    await mail.send({ ...alert, outboxId: 'a4e5d7c2-1b2f-4f5e-8a9b-0c1d2e3f4a5b' });
    const ids = smtp.received.map((received) => received.parsed.messageId);
    expect(ids[0]).toMatch(new RegExp(`^<${outboxId}\\.family-links@`));
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('attaches the signed PDF byte for byte when asked', async () => {
    const smtp = await server();
    const mail = await serviceFor(smtp);
    const pdf = Buffer.from('%PDF-1.7\n% pretend signed bytes \u00ff\n%%EOF', 'latin1');
    const outcome = await mail.send({
      ...alert,
      attachment: { filename: 'CF-1.pdf', contentBase64: pdf.toString('base64') },
    });
    expect(outcome.outcome).toBe('sent');
    const attachment = smtp.received[0]?.parsed.attachments[0];
    expect(attachment?.filename).toBe('CF-1.pdf');
    expect(Buffer.compare(attachment?.content ?? Buffer.alloc(0), pdf)).toBe(0);
  });

  it('a server that offers no STARTTLS gets nothing, not even the login, and the reason says so', async () => {
    const smtp = await server({ hideStartTls: true });
    const outcome = await sendUndelivered(smtp);
    expect([...smtp.logins, ...smtp.refusedLogins]).toEqual([]);
    expect(outcome).toMatchObject({ outcome: 'failed', failure: { code: 'no-tls', isWorthRetrying: false } });
    expect(outcome.outcome === 'failed' ? outcome.failure.message : '').toContain(
      'did not offer an encrypted connection',
    );
  });

  it('a certificate from an authority the home has not added is refused, with the reason in plain words', async () => {
    const smtp = await server({ certificates: strangerCertificates });
    const outcome = await sendUndelivered(smtp);
    expect(outcome).toMatchObject({
      outcome: 'failed',
      failure: { code: 'certificate', isWorthRetrying: false },
    });
    expect(outcome.outcome === 'failed' ? outcome.failure.message : '').toContain('could not be trusted');
  });

  it.each<[string, Partial<MailSettings>, string]>([
    [
      'without the organisation’s CA certificate, the test server’s certificate is not trusted either',
      { caCertificatePem: '' },
      'certificate',
    ],
    ['TLS from the start to a STARTTLS port says to choose STARTTLS instead', { security: 'tls' }, 'no-tls'],
  ])('%s', async (_case, settings, code) => {
    const smtp = await server();
    const outcome = await sendUndelivered(smtp, settings);
    expect(outcome).toMatchObject({ outcome: 'failed', failure: { code } });
  });

  it('a wrong password gives a clear reason and is not retried on its own', async () => {
    const smtp = await server();
    const outcome = await sendUndelivered(smtp, {}, { password: 'not the password' });
    expect(smtp.refusedLogins).toEqual(['alerts@home.example']);
    expect(outcome).toMatchObject({
      outcome: 'failed',
      failure: {
        code: 'auth',
        isWorthRetrying: false,
        message:
          'The mail server did not accept the user name or password, so nothing was sent. Check them in Mail settings.',
      },
    });
  });

  it('a server that is down is worth trying again later', async () => {
    const smtp = await server();
    await smtp.close();
    servers.splice(0);
    const mail = await serviceFor(smtp);
    const outcome = await mail.send(alert);
    expect(outcome).toMatchObject({
      outcome: 'failed',
      failure: { code: 'unreachable', isWorthRetrying: true },
    });
    expect(outcome.outcome === 'failed' ? outcome.failure.message : '').toContain(`127.0.0.1:${smtp.port}`);
  });

  it('“send a test message” reports success', async () => {
    const smtp = await server();
    const mail = await serviceFor(smtp);
    expect((await mail.sendTest('manager@home.example')).outcome).toBe('sent');
    expect(smtp.received[0]?.envelopeTo).toEqual(['manager@home.example']);
  });
});

describe('mail settings and the password', () => {
  it('the password is kept only encrypted by protected storage, never as text in the settings file', async () => {
    const mail = await serviceFor({ port: 2525 });
    const file = await readFile(join(folder, 'mail-settings.json'), 'utf8');
    expect(file).not.toContain(password);
    expect(file).toContain('encryptedPassword');
    const view = await mail.getSettings();
    expect(view).toMatchObject({ hasPassword: true, passwordProtection: 'os' });
    expect(JSON.stringify(view)).not.toContain(password);
  });

  it('saving without a new password keeps the one stored, for the same server', async () => {
    const mail = await serviceFor({ port: 2525 });
    const view = await mail.getSettings();
    const saved = await mail.saveSettings({ settings: { ...view.settings!, fromName: 'Oakfield alerts' } });
    expect(saved.ok && saved.value).toMatchObject({
      hasPassword: true,
      settings: { fromName: 'Oakfield alerts' },
    });
  });

  it('a new port, host, user or CA needs the password typed again; with it, the change is saved', async () => {
    const mail = await serviceFor({ port: 2525 });
    const view = await mail.getSettings();
    const refused = await mail.saveSettings({ settings: { ...view.settings!, port: 587 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'password-needed' } });
    expect((await mail.getSettings()).settings?.port).toBe(2525);
    const saved = await mail.saveSettings({ settings: { ...view.settings!, port: 587 }, password });
    expect(saved.ok && saved.value).toMatchObject({ hasPassword: true, settings: { port: 587 } });
  });

  it('a password saved by an earlier version (bound to nothing) is not used until typed again', async () => {
    const mail = await serviceFor({ port: 2525 });
    const path = join(folder, 'mail-settings.json');
    const {
      passwordFor: _for,
      bindingTag: _tag,
      ...legacy
    } = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify(legacy));
    expect((await mail.getSettings()).hasPassword).toBe(false);
    expect(await mail.send(alert)).toMatchObject({ outcome: 'failed', failure: { code: 'no-password' } });
  });

  it('an address or name changed on disk sends nothing as it, until a manager checks the sender and saves', async () => {
    const smtp = await server();
    const path = () => join(folder, 'mail-settings.json');
    type Stored = { settings: MailSettings; passwordFor: Record<string, unknown> };
    for (const sender of [
      { fromAddress: 'chief.executive@elsewhere.example' },
      { fromAddress: 'Alerts@home.example' },
      { fromName: 'Oakfield Finance' },
    ]) {
      const mail = await serviceFor(smtp);
      const stored = JSON.parse(await readFile(path(), 'utf8')) as Stored;
      await writeFile(path(), JSON.stringify({ ...stored, settings: { ...stored.settings, ...sender } }));
      const view = await mail.getSettings();
      expect(view).toMatchObject({ hasPassword: false, isSenderUnconfirmed: true, settings: sender });
      expect(await mail.send(alert)).toMatchObject({ outcome: 'failed', failure: { code: 'no-password' } });
      expect(smtp.received).toHaveLength(0);
      // The bound sender edited to match as well: the binding's own tag no longer holds, so the
      // password is not kept even for a manager's save.
      await writeFile(
        path(),
        JSON.stringify({
          ...stored,
          settings: { ...stored.settings, ...sender },
          passwordFor: { ...stored.passwordFor, ...sender },
        }),
      );
      expect(await mail.getSettings()).toMatchObject({ hasPassword: false, isSenderUnconfirmed: false });
      expect(await mail.saveSettings({ settings: view.settings! })).toMatchObject({
        ok: true,
        value: { hasPassword: false },
      });
      await rm(folder, { recursive: true, force: true });
    }
    // A manager who checks the sender and saves, without typing the password, puts it right.
    const mail = await serviceFor(smtp);
    const stored = JSON.parse(await readFile(path(), 'utf8')) as Stored;
    const edited = { ...stored.settings, fromAddress: 'office@home.example' };
    await writeFile(path(), JSON.stringify({ ...stored, settings: edited }));
    expect(await mail.saveSettings({ settings: edited })).toMatchObject({
      ok: true,
      value: { hasPassword: true, isSenderUnconfirmed: false },
    });
    expect(await mail.send(alert)).toMatchObject({ outcome: 'sent' });
    expect(smtp.received[0]?.parsed.from?.value[0]?.address).toBe('office@home.example');
  });

  it('a password bound before the sender was bound is kept, and used again once a manager saves', async () => {
    const smtp = await server();
    const storage = inMemoryProtectedStorage();
    const mail = await serviceFor(smtp, {}, { storage });
    const path = join(folder, 'mail-settings.json');
    const stored = JSON.parse(await readFile(path, 'utf8')) as {
      settings: MailSettings;
      encryptedPassword: string;
      passwordFor: Record<string, unknown>;
    };
    // The binding as an earlier version wrote it: server, port, account and CA, tagged under the main key.
    const { fromAddress: _address, fromName: _name, ...earlier } = stored.passwordFor;
    const bindingTag = await createMainKey({ folder, protectedStorage: storage }).mac(
      'mail-password-binding',
      { encryptedPassword: stored.encryptedPassword, passwordFor: earlier },
    );
    await writeFile(path, JSON.stringify({ ...stored, passwordFor: earlier, bindingTag }));
    const view = await mail.getSettings();
    expect(view).toMatchObject({ hasPassword: false, isSenderUnconfirmed: true });
    expect(await mail.send(alert)).toMatchObject({ outcome: 'failed', failure: { code: 'no-password' } });
    expect(smtp.received).toHaveLength(0);
    // Another server in the same save still needs the password typed again.
    expect(await mail.saveSettings({ settings: { ...view.settings!, port: 2526 } })).toMatchObject({
      ok: false,
      error: { code: 'password-needed' },
    });
    expect(await mail.saveSettings({ settings: view.settings! })).toMatchObject({
      ok: true,
      value: { hasPassword: true, isSenderUnconfirmed: false },
    });
    expect(await mail.send(alert)).toMatchObject({ outcome: 'sent' });
    expect(smtp.received).toHaveLength(1);
  });

  it('refuses to store a password where the computer offers no protected storage, and says so', async () => {
    folder = await mkdtemp(join(tmpdir(), 'family-links-mail-'));
    const mail = mailServiceIn(folder, inMemoryProtectedStorage({ available: false }));
    const saved = await mail.saveSettings({ settings: plainSettings, password: 'secret' });
    expect(saved.ok ? '' : saved.error.code).toBe('no-protected-storage');
    expect((await mail.getSettings()).settings).toBeNull();
  });

  it('says when protection is weak (Linux without a keyring)', async () => {
    folder = await mkdtemp(join(tmpdir(), 'family-links-mail-'));
    const mail = mailServiceIn(folder, inMemoryProtectedStorage({ strength: 'weak' }));
    expect((await mail.getSettings()).passwordProtection).toBe('weak');
  });

  it('refuses a CA certificate that cannot be read', async () => {
    folder = await mkdtemp(join(tmpdir(), 'family-links-mail-'));
    const mail = mailServiceIn(folder);
    const saved = await mail.saveSettings({
      settings: {
        ...plainSettings,
        caCertificatePem: '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----',
      },
    });
    expect(saved.ok ? {} : saved.error.fields).toHaveProperty('caCertificatePem');
  });

  it('without settings, nothing is sent and the reason says mail is not set up', async () => {
    folder = await mkdtemp(join(tmpdir(), 'family-links-mail-'));
    const mail = mailServiceIn(folder);
    expect(await mail.send(alert)).toMatchObject({ outcome: 'failed', failure: { code: 'not-configured' } });
  });
});
