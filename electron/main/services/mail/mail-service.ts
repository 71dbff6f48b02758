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
import { describeMailFailure } from './mail-failures';
import type { ProtectedStorage } from './protected-storage';

const storedSchema = z.object({ settings: mailSettingsSchema, encryptedPassword: z.string().optional() });

export type MailSettingsView = {
  readonly settings: MailSettings | null;
  readonly hasPassword: boolean;
  readonly passwordProtection: PasswordProtection;
};

export type MailServiceOptions = {
  /** The app's own folder (userData); the settings file lives here, never in IndexedDB. */
  readonly folder: string;
  readonly protectedStorage: ProtectedStorage;
  readonly now?: () => Date;
  readonly log?: (message: string, detail?: unknown) => void;
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

  function password(stored: z.infer<typeof storedSchema>): string | undefined {
    if (!stored.encryptedPassword || !options.protectedStorage.isEncryptionAvailable()) return undefined;
    try {
      return options.protectedStorage.decryptString(Buffer.from(stored.encryptedPassword, 'base64'));
    } catch (error) {
      options.log?.(
        'The stored mail password could not be opened on this computer',
        error instanceof Error ? error.message : error,
      );
      return undefined;
    }
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
    const pass = password(stored);
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
      const stored = await readStored();
      return {
        settings: stored?.settings ?? null,
        hasPassword: stored ? password(stored) !== undefined : false,
        passwordProtection: protection(),
      };
    },

    /**
     * Saves the settings; a new password is encrypted with the OS's protected storage, and an
     * empty one keeps the password already stored. One write at a time.
     */
    saveSettings(input: {
      settings: MailSettings;
      password?: string | undefined;
    }): Promise<Result<MailSettingsView, 'invalid' | 'no-protected-storage'>> {
      const task = queue.then(
        async (): Promise<Result<MailSettingsView, 'invalid' | 'no-protected-storage'>> => {
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
          let encryptedPassword = previous?.encryptedPassword;
          if (input.password) {
            if (!options.protectedStorage.isEncryptionAvailable()) {
              return fail(
                'no-protected-storage',
                'This computer offers no protected storage for the password, so it was not saved. Family Links will not keep it as plain text.',
              );
            }
            encryptedPassword = options.protectedStorage.encryptString(input.password).toString('base64');
          }
          await writeFileAtomically(
            path,
            JSON.stringify({ settings, ...(encryptedPassword ? { encryptedPassword } : {}) }),
          );
          const stored = await readStored();
          return ok({
            settings,
            hasPassword: stored ? password(stored) !== undefined : false,
            passwordProtection: protection(),
          });
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
