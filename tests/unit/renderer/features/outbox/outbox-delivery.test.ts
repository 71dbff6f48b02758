// @vitest-environment node
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailService, type MailService } from '../../../../../electron/main/services/mail/mail-service';
import { inMemoryProtectedStorage } from '../../../../../electron/main/services/mail/in-memory-protected-storage';
import { createMainKey } from '../../../../../electron/main/services/main-key';
import { disclosureRepository } from '../../../../../renderer/src/db/repositories/disclosure-repository';
import { outboxRepository } from '../../../../../renderer/src/db/repositories/outbox-repository';
import { panGroupRepository } from '../../../../../renderer/src/db/repositories/pan-group-repository';
import { outboxSender } from '../../../../../renderer/src/features/outbox/outbox-sender';
import type { MailPort } from '../../../../../renderer/src/platform/mail-port';
import { panAlertHome, queuePanAlert, samSocial, theoTherapist } from '../../db/pan-alert-test-home';
import {
  makeTestCertificates,
  startTestSmtpServer,
  type TestCertificates,
  type TestSmtpServer,
} from '../../../electron/services/mail/smtp-test-server';
import type { PanAlertRequest } from '../../../../../shared/schemas/pan';

/**
 * The whole road an alert travels: queued by the renderer's data layer (fake IndexedDB), sent by
 * the outbox sender through the main process's mail service, received by a real SMTP server on
 * 127.0.0.1 with STARTTLS and a login.
 */
let certificates: TestCertificates;
let folder = '';
const servers: TestSmtpServer[] = [];
const closers: (() => void)[] = [];
beforeAll(() => {
  certificates = makeTestCertificates();
});
afterEach(async () => {
  closers.splice(0).forEach((close) => close());
  await Promise.all(servers.splice(0).map((server) => server.close()));
  if (folder) await rm(folder, { recursive: true, force: true });
});

const password = 'correct horse battery staple';

/** A real SMTP server on 127.0.0.1 that takes the test's login, closed after the test. */
async function startedServer(
  options: { hideStartTls?: boolean; port?: number } = {},
): Promise<TestSmtpServer> {
  const smtp = await startTestSmtpServer({ certificates, password, ...options });
  servers.push(smtp);
  return smtp;
}

/** The main process's mail service in a fresh temporary folder, with no settings saved yet. */
async function newMailService(timeouts?: { connectionMs: number; greetingMs: number; socketMs: number }) {
  folder = await mkdtemp(join(tmpdir(), 'family-links-outbox-'));
  const storage = inMemoryProtectedStorage();
  return createMailService({
    folder,
    protectedStorage: storage,
    mainKey: createMainKey({ folder, protectedStorage: storage }),
    ...(timeouts ? { timeouts } : {}),
  });
}

async function mailServiceFor(port: number, attachSignedPdf = false): Promise<MailService> {
  const mail = await newMailService({ connectionMs: 3000, greetingMs: 3000, socketMs: 5000 });
  const saved = await mail.saveSettings({
    settings: {
      host: '127.0.0.1',
      port,
      security: 'starttls',
      username: 'alerts@home.example',
      fromAddress: 'alerts@home.example',
      fromName: 'Family Links',
      caCertificatePem: certificates.caPem,
      attachSignedPdf,
    },
    password,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return mail;
}

function portOf(mail: MailService): MailPort {
  return {
    async status() {
      const view = await mail.getSettings();
      return {
        isConfigured: view.settings !== null && view.hasPassword,
        attachSignedPdf: view.settings?.attachSignedPdf ?? false,
      };
    },
    send: (message) => mail.send(message),
  };
}

async function homeWithGroup(clock: () => Date) {
  const home = await panAlertHome();
  closers.push(() => home.db.close());
  const added = await panGroupRepository(home.db, clock).addMember(
    home.tutor,
    home.youngPerson.id,
    samSocial(),
  );
  if (!added.ok) throw new Error(added.error.message);
  const alsoAdded = await panGroupRepository(home.db, clock).addMember(
    home.tutor,
    home.youngPerson.id,
    theoTherapist(),
  );
  if (!alsoAdded.ok) throw new Error(alsoAdded.error.message);
  return home;
}

type AlertHome = Awaited<ReturnType<typeof homeWithGroup>>;

/** The manager queues `alert` about the home's young person. */
const managerQueues = (home: AlertHome, alert: Omit<PanAlertRequest, 'youngPersonId'>, clock?: () => Date) =>
  queuePanAlert(home.db, home.manager, { youngPersonId: home.youngPerson.id, ...alert }, clock);

/** The manager's outbox sender, sending through `mail`. */
const managerSends = (home: AlertHome, mail: MailService, options?: Parameters<typeof outboxSender>[3]) =>
  outboxSender(home.db, home.manager, portOf(mail), options);

describe('a filed form’s alert reaches the PT and the members who asked, over TLS', () => {
  it('delivers one message each to the PT and the social worker, with no full names, and marks them sent with the server’s id', async () => {
    const smtp = await startedServer();
    const mail = await mailServiceFor(smtp.port);
    const home = await homeWithGroup(() => new Date());
    const queued = await queuePanAlert(home.db, home.careWorker, {
      youngPersonId: home.youngPerson.id,
      event: 'formFiled',
      reference: 'CF-2026-0042',
      summary: 'Home visit on 3 March',
    });
    expect(queued.ok).toBe(true);

    const run = await outboxSender(home.db, home.careWorker, portOf(mail)).runOnce();
    expect(run).toEqual({ sent: 2, retryLater: 0, failed: 0, notConfigured: false });

    expect(smtp.received.map((mail) => mail.envelopeTo).sort()).toEqual([
      ['sam@council.example'],
      ['tom.tutor@home.example'],
    ]);
    for (const received of smtp.received) {
      expect(received.wasEncrypted).toBe(true);
      const everything = `${received.parsed.subject ?? ''}\n${received.parsed.text ?? ''}`;
      expect(everything).toContain('M.H.');
      expect(everything).toContain('CF-2026-0042');
      expect(everything).toContain('Open Family Links to read it.');
      expect(everything).not.toMatch(/Amelia|Hughes|Millie/);
    }
    const messages = await outboxRepository(home.db).list(home.manager);
    expect(messages.map((message) => message.state)).toEqual(['sent', 'sent']);
    expect(messages.map((message) => message.serverMessageId).sort()).toEqual(
      smtp.received.map((mail) => mail.parsed.messageId).sort(),
    );
    // Each is in the disclosure log as it left, at the moment the server took it.
    const log = (await disclosureRepository(home.db).list(home.manager)) ?? [];
    expect(log.map((entry) => entry.id).sort()).toEqual(
      messages.map((message) => message.disclosureId).sort(),
    );
    for (const message of messages)
      expect(log.find((entry) => entry.id === message.disclosureId)?.at).toBe(message.sentAt);
  });

  it('with the server down the message stays queued, and it goes once the server is back', async () => {
    const first = await startTestSmtpServer({ certificates, password });
    const port = first.port;
    await first.close();
    const mail = await mailServiceFor(port);
    let now = new Date('2026-11-20T10:00:00.000Z');
    const clock = () => now;
    const home = await homeWithGroup(clock);
    await managerQueues(home, { event: 'formFiled', reference: 'CF-1' }, clock);
    const sender = managerSends(home, mail, { clock });

    expect(await sender.runOnce()).toEqual({ sent: 0, retryLater: 2, failed: 0, notConfigured: false });
    const waiting = await outboxRepository(home.db, clock).list(home.manager);
    expect(waiting.map((message) => [message.state, message.lastErrorCode])).toEqual([
      ['queued', 'unreachable'],
      ['queued', 'unreachable'],
    ]);
    // Not due yet: nothing is tried before the backoff has passed.
    expect(await sender.runOnce()).toEqual({ sent: 0, retryLater: 0, failed: 0, notConfigured: false });

    const back = await startedServer({ port });
    now = new Date(now.getTime() + 61_000);
    expect(await sender.runOnce()).toEqual({ sent: 2, retryLater: 0, failed: 0, notConfigured: false });
    expect(back.received.map((received) => received.envelopeTo[0]).sort()).toEqual([
      'sam@council.example',
      'tom.tutor@home.example',
    ]);
  });

  it('a server that offers no STARTTLS gets nothing; the messages fail with the reason, for the manager to see', async () => {
    const smtp = await startedServer({ hideStartTls: true });
    const mail = await mailServiceFor(smtp.port);
    const home = await homeWithGroup(() => new Date());
    await managerQueues(home, { event: 'safeguardingConcern', reference: 'CF-2' });
    expect(await managerSends(home, mail).runOnce()).toEqual({
      sent: 0,
      retryLater: 0,
      failed: 2,
      notConfigured: false,
    });
    expect(smtp.received).toHaveLength(0);
    const failed = await outboxRepository(home.db).list(home.manager, { state: 'failed' });
    expect(failed.map((message) => message.recipient.email).sort()).toEqual([
      'theo@clinic.example',
      'tom.tutor@home.example',
    ]);
    expect(failed[0]?.lastError).toContain('did not offer an encrypted connection');
    expect(await outboxRepository(home.db).failedCount(home.manager)).toBe(2);
  });

  it('without mail settings nothing is sent and the messages wait in the outbox', async () => {
    const mail = await newMailService();
    const home = await homeWithGroup(() => new Date());
    await managerQueues(home, { event: 'formFiled', reference: 'CF-3' });
    expect(await managerSends(home, mail).runOnce()).toEqual({
      sent: 0,
      retryLater: 0,
      failed: 0,
      notConfigured: true,
    });
    expect((await outboxRepository(home.db).list(home.manager)).map((message) => message.state)).toEqual([
      'queued',
      'queued',
    ]);
    // Waiting is not disclosed: nothing has left the app.
    expect(await home.db.disclosures.count()).toBe(0);
  });

  it('attaches the filed form’s signed PDF only when the manager turned attaching on', async () => {
    const smtp = await startedServer();
    const home = await homeWithGroup(() => new Date());
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x80]);
    const formId = crypto.randomUUID();
    const asked: string[] = [];
    const signedPdf = (_session: unknown, contactFormId: string, reference: string) => {
      asked.push(contactFormId);
      return Promise.resolve({
        filename: `${reference}.pdf`,
        contentBase64: Buffer.from(pdf).toString('base64'),
      });
    };

    const off = await mailServiceFor(smtp.port, false);
    await managerQueues(home, {
      event: 'formFiled',
      reference: 'CF-2026-0001',
      contactFormId: formId,
    });
    expect((await managerSends(home, off, { signedPdf }).runOnce()).sent).toBe(2);
    expect(smtp.received.every((received) => received.parsed.attachments.length === 0)).toBe(true);
    expect(asked).toEqual([]);
    await rm(folder, { recursive: true, force: true });

    const on = await mailServiceFor(smtp.port, true);
    await managerQueues(home, {
      event: 'formFiled',
      reference: 'CF-2026-0002',
      contactFormId: formId,
    });
    expect((await managerSends(home, on, { signedPdf }).runOnce()).sent).toBe(2);
    const withPdf = smtp.received.slice(2);
    expect(withPdf.map((received) => received.parsed.attachments[0]?.filename)).toEqual([
      'CF-2026-0002.pdf',
      'CF-2026-0002.pdf',
    ]);
    for (const received of withPdf)
      expect(Buffer.compare(received.parsed.attachments[0]!.content, Buffer.from(pdf))).toBe(0);
    expect(asked).toEqual([formId, formId]);
  });

  it('a signed PDF that cannot be opened keeps the message waiting with the reason, not sent without it', async () => {
    const smtp = await startedServer();
    const home = await homeWithGroup(() => new Date());
    const on = await mailServiceFor(smtp.port, true);
    await managerQueues(home, {
      event: 'formFiled',
      reference: 'CF-2026-0003',
      contactFormId: crypto.randomUUID(),
    });
    const run = await managerSends(home, on, {
      signedPdf: () => Promise.resolve(undefined),
    }).runOnce();
    expect(run).toEqual({ sent: 0, retryLater: 2, failed: 0, notConfigured: false });
    expect(smtp.received).toHaveLength(0);
    expect(
      (await outboxRepository(home.db).list(home.manager)).map((message) => message.lastErrorCode),
    ).toEqual(['attachment-missing', 'attachment-missing']);
  });
});
