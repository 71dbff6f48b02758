import { rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { z } from 'zod';
import {
  mailSettingsSchema,
  type MailMessage,
  type MailSendOutcome,
  type MailSettings,
  type PasswordProtection,
} from '../../../../shared/schemas/mail';
import { fail, ok, type Result } from '../../../../shared/result';
import { writeFileAtomically } from '../atomic-file';
import { readJsonFile } from '../json-file';
import type { MainKey } from '../main-key';
import { describeMailFailure } from './mail-failures';
import { openProtectedText, type ProtectedStorage } from './protected-storage';
import type { ClockAndLog } from '../clock-and-log';

/**
 * Where the stored password may be sent: the server, port and account it was typed for, and the CA
 * trusted; and who the home's mail goes out as. The sender is absent from bindings saved before it
 * was bound: such a password is kept, but not used until a manager saves the settings again.
 */
const passwordBindingSchema = z
  .object({
    host: z.string(),
    port: z.number(),
    username: z.string(),
    caSha256: z.string().nullable(),
    fromAddress: z.string().optional(),
    fromName: z.string().optional(),
  })
  .strict();
type PasswordBinding = z.infer<typeof passwordBindingSchema>;

const storedSchema = z.object({
  settings: mailSettingsSchema,
  encryptedPassword: z.string().optional(),
  passwordFor: passwordBindingSchema.optional(),
  bindingTag: z.string().optional(),
});
const bindingPurpose = 'mail-password-binding';

function caFingerprint(pem: string): string | null {
  if (pem.trim() === '') return null;
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return `unreadable:${pem.trim()}`;
  }
}

export function passwordBindingOf(settings: MailSettings): PasswordBinding {
  return {
    host: settings.host.toLowerCase(),
    port: settings.port,
    username: settings.username,
    caSha256: caFingerprint(settings.caCertificatePem),
    fromAddress: settings.fromAddress,
    fromName: settings.fromName,
  };
}

/** The same server, port, account and CA: where the password itself may go. */
const sameServer = (a: PasswordBinding, b: PasswordBinding) =>
  a.host === b.host && a.port === b.port && a.username === b.username && a.caSha256 === b.caSha256;

/** The same sender: an address or name changed outside Family Links would send the home's mail as someone else. */
const sameSender = (a: PasswordBinding, b: PasswordBinding) =>
  a.fromAddress !== undefined &&
  a.fromName !== undefined &&
  a.fromAddress === b.fromAddress &&
  a.fromName === b.fromName;

export type MailSettingsView = {
  readonly settings: MailSettings | null;
  readonly hasPassword: boolean;
  /**
   * A password is stored for this server, but the sender in the settings is not the one it was
   * bound to (saved by an earlier version, or changed outside Family Links): nothing is sent
   * until a manager checks the sender and saves the settings again.
   */
  readonly isSenderUnconfirmed: boolean;
  readonly passwordProtection: PasswordProtection;
};

export type MailServiceOptions = ClockAndLog & {
  /** The app's own folder (userData); the settings file lives here, never in IndexedDB. */
  readonly folder: string;
  readonly protectedStorage: ProtectedStorage;
  /** MACs the password's binding to its server, so an edited settings file cannot redirect it. */
  readonly mainKey: MainKey;
  /** Shorter waits for tests; the app uses the defaults. */
  readonly timeouts?: {
    readonly connectionMs: number;
    readonly greetingMs: number;
    readonly socketMs: number;
  };
};

/**
 * Sends the home's email alerts (DESIGN rule 9). Plain Node, no `electron`: the protected storage for the
 * password is passed in. Every connection is encrypted and the certificate verified: TLS from the
 * start (`secure`) or STARTTLS with `requireTLS`, so nodemailer never falls back to plain text when
 * a server hides STARTTLS (TOOLCHAIN.md). A home's own CA is trusted in addition to the public ones.
 */
export function createMailService(options: MailServiceOptions) {
  const path = join(options.folder, 'mail-settings.json');
  const now = options.now ?? (() => new Date());
  const timeouts = options.timeouts ?? { connectionMs: 20_000, greetingMs: 20_000, socketMs: 60_000 };
  let queue: Promise<unknown> = Promise.resolve();

  function protection(): PasswordProtection {
    if (!options.protectedStorage.isEncryptionAvailable()) return 'unavailable';
    return options.protectedStorage.strength();
  }

  async function readStored(): Promise<z.infer<typeof storedSchema> | null> {
    const stored = await readJsonFile(path, storedSchema);
    if (stored.state === 'damaged')
      options.log?.('The mail settings file is damaged; treating mail as not set up', stored.detail);
    return stored.state === 'read' ? stored.value : null;
  }

  /**
   * The stored password, only if it is bound (under the main process's key) to the server, port,
   * account and CA in these settings, and (unless `sender` is 'may-differ') to their sender:
   * saved for another server, or bound by nothing (a file from an earlier version, or edited by
   * hand), it is never sent, and Mail settings asks for it again. A sender changed since it was
   * bound stops sending too; the password is then kept only for a manager's save to bind again.
   */
  async function password(
    stored: z.infer<typeof storedSchema>,
    sender: 'must-match' | 'may-differ' = 'must-match',
  ): Promise<string | undefined> {
    if (!stored.encryptedPassword || !options.protectedStorage.isEncryptionAvailable()) return undefined;
    const current = passwordBindingOf(stored.settings);
    const isBound =
      stored.passwordFor !== undefined &&
      sameServer(stored.passwordFor, current) &&
      (sender === 'may-differ' || sameSender(stored.passwordFor, current)) &&
      (await options.mainKey.verify(
        bindingPurpose,
        { encryptedPassword: stored.encryptedPassword, passwordFor: stored.passwordFor },
        stored.bindingTag,
      ));
    if (!isBound) {
      if (sender === 'must-match')
        options.log?.('The stored mail password is not bound to these mail settings, so it is not used');
      return undefined;
    }
    return openProtectedText(
      options.protectedStorage,
      stored.encryptedPassword,
      'The stored mail password could not be opened on this computer',
      options.log,
    );
  }

  async function viewOf(stored: z.infer<typeof storedSchema> | null): Promise<MailSettingsView> {
    const hasPassword = stored ? (await password(stored)) !== undefined : false;
    return {
      settings: stored?.settings ?? null,
      hasPassword,
      isSenderUnconfirmed:
        stored !== null && !hasPassword && (await password(stored, 'may-differ')) !== undefined,
      passwordProtection: protection(),
    };
  }

  function transportOptions(settings: MailSettings, pass: string): SMTPTransport.Options {
    return {
      host: settings.host,
      port: settings.port,
      secure: settings.security === 'tls',
      requireTLS: settings.security === 'starttls',
      ignoreTLS: false,
      auth: { user: settings.username, pass },
      tls: {
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
        ...(isIP(settings.host) === 0 ? { servername: settings.host } : {}),
        ...(settings.caCertificatePem ? { ca: [...rootCertificates, settings.caCertificatePem] } : {}),
      },
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      // Nothing in a message may point nodemailer at a file or URL to read.
      disableFileAccess: true,
      disableUrlAccess: true,
    };
  }

  async function deliver(
    settings: MailSettings,
    pass: string,
    message: MailMessage,
  ): Promise<MailSendOutcome> {
    const transport = nodemailer.createTransport(transportOptions(settings, pass));
    try {
      const info = await transport.sendMail({
        from: settings.fromName
          ? { name: settings.fromName, address: settings.fromAddress }
          : settings.fromAddress,
        to: message.to.name ? { name: message.to.name, address: message.to.email } : message.to.email,
        subject: message.subject,
        text: message.text,
        ...(message.outboxId ? { messageId: stableMessageId(message.outboxId, settings.fromAddress) } : {}),
        ...(message.attachment
          ? {
              attachments: [
                {
                  filename: message.attachment.filename,
                  content: Buffer.from(message.attachment.contentBase64, 'base64'),
                  contentType: 'application/pdf',
                },
              ],
            }
          : {}),
      });
      return { outcome: 'sent', serverMessageId: info.messageId, acceptedAt: now().toISOString() };
    } catch (error) {
      options.log?.('A message could not be sent', {
        code: (error as { code?: unknown }).code,
        message: error instanceof Error ? error.message : String(error),
      });
      return { outcome: 'failed', failure: describeMailFailure(error, settings) };
    } finally {
      transport.close();
    }
  }

  async function send(message: MailMessage): Promise<MailSendOutcome> {
    const stored = await readStored();
    if (!stored)
      return {
        outcome: 'failed',
        failure: {
          code: 'not-configured',
          message:
            'Mail is not set up on this computer, so the message stays in the outbox. The manager can set it up in Mail settings.',
          isWorthRetrying: false,
        },
      };
    const pass = await password(stored);
    if (pass === undefined) {
      return {
        outcome: 'failed',
        failure: {
          code: 'no-password',
          message:
            'No mail password is stored on this computer (or it could not be opened). The manager can enter it again in Mail settings.',
          isWorthRetrying: false,
        },
      };
    }
    return deliver(stored.settings, pass, message);
  }

  return {
    async getSettings(): Promise<MailSettingsView> {
      return viewOf(await readStored());
    },

    /**
     * Saves the settings; a new password is encrypted with the OS's protected storage and bound
     * (under the main process's key) to the server, port, user name and CA it is for. An empty one
     * keeps the password already stored only if those four are unchanged: otherwise the save is
     * refused until the password is typed again. One write at a time.
     */
    saveSettings(input: {
      settings: MailSettings;
      password?: string | undefined;
    }): Promise<Result<MailSettingsView, 'invalid' | 'no-protected-storage' | 'password-needed'>> {
      const task = queue.then(
        async (): Promise<
          Result<MailSettingsView, 'invalid' | 'no-protected-storage' | 'password-needed'>
        > => {
          const settings = mailSettingsSchema.parse(input.settings);
          if (settings.caCertificatePem) {
            try {
              new X509Certificate(settings.caCertificatePem);
            } catch {
              return fail(
                'invalid',
                'That CA certificate could not be read. Paste the whole PEM text, including the BEGIN and END lines.',
                {
                  caCertificatePem:
                    'That certificate could not be read. Paste the whole PEM text, including the BEGIN and END lines.',
                },
              );
            }
          }
          const previous = await readStored();
          const binding = passwordBindingOf(settings);
          let kept: Pick<
            z.infer<typeof storedSchema>,
            'encryptedPassword' | 'passwordFor' | 'bindingTag'
          > = {};
          if (input.password) {
            if (!options.protectedStorage.isEncryptionAvailable()) {
              return fail(
                'no-protected-storage',
                'This computer offers no protected storage for the password, so it was not saved. Family Links will not keep it as plain text.',
              );
            }
            const encryptedPassword = options.protectedStorage
              .encryptString(input.password)
              .toString('base64');
            const bindingTag = await options.mainKey.mac(bindingPurpose, {
              encryptedPassword,
              passwordFor: binding,
            });
            kept = { encryptedPassword, passwordFor: binding, ...(bindingTag ? { bindingTag } : {}) };
          } else if (previous?.encryptedPassword && (await password(previous, 'may-differ')) !== undefined) {
            if (!sameServer(passwordBindingOf(previous.settings), binding)) {
              return fail(
                'password-needed',
                'Nothing was saved: the stored password is only ever sent to the server it was saved for, so a new server, port, user name or CA needs it typed again.',
                {
                  password: `Type the password again: the one stored was saved for ${previous.settings.username} at ${previous.settings.host}:${previous.settings.port}.`,
                },
              );
            }
            // Bound again with the sender this manager saved: a sender from an earlier version's
            // file, or one changed outside Family Links, is used only once a manager has saved it.
            const { encryptedPassword } = previous;
            const bindingTag = await options.mainKey.mac(bindingPurpose, {
              encryptedPassword,
              passwordFor: binding,
            });
            kept = { encryptedPassword, passwordFor: binding, ...(bindingTag ? { bindingTag } : {}) };
          }
          await writeFileAtomically(path, JSON.stringify({ settings, ...kept }));
          return ok(await viewOf(await readStored()));
        },
      );
      queue = task.catch(() => undefined);
      return task;
    },

    /** Forgets the settings and the password: alerts then stay in the app. */
    async clearSettings(): Promise<void> {
      await rm(path, { force: true });
    },

    send,

    /** A test message to the address given, with the exact reason if it fails. */
    sendTest(to: string): Promise<MailSendOutcome> {
      return send({
        to: { name: '', email: to },
        subject: 'Family Links: test message',
        text: 'This is a test message from Family Links. If you can read it, the home’s email alerts will reach people over an encrypted connection.',
      });
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;

/** `<outbox id@the sender's domain>`: the same for every attempt at one outbox message. */
export function stableMessageId(outboxId: string, fromAddress: string): string {
  const domain = fromAddress.split('@').pop() ?? 'family-links.invalid';
  return `<${outboxId}.family-links@${domain}>`;
}
