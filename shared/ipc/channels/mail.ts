import { z } from 'zod';
import '../../zod-setup';
import { emailSchema } from '../../schemas/common';
import { withManagerProof } from '../manager-proof';
import { noRequest } from '../no-request';
import {
  mailMessageSchema,
  mailSendOutcomeSchema,
  mailSettingsSchema,
  passwordProtections,
} from '../../schemas/mail';

/**
 * Email alerts (DESIGN rule 9). The main process keeps the mail settings and the password (encrypted by
 * the OS's protected storage) in its own folder; the renderer never receives the password back,
 * only whether one is stored. Sending and the test message reply with the outcome, never throw.
 * The mail-client channel builds the mailto: address itself, so no request names a URL to open.
 */
const settingsView = z.object({
  settings: mailSettingsSchema.nullable(),
  hasPassword: z.boolean(),
  /** A password is kept for this server, but the sender changed since it was saved: a manager saves to confirm it. */
  isSenderUnconfirmed: z.boolean(),
  passwordProtection: z.enum(passwordProtections),
});

export const mailChannels = {
  'mail:get-settings': {
    request: noRequest,
    reply: settingsView,
  },
  /**
   * Manager only. An empty or missing password keeps the one already stored, but only while the
   * server, port, username and CA stay those it was saved for: the password is bound to them, so
   * any change there needs it typed again (`password-needed`), and it is never sent anywhere else.
   * The sender saved is bound to it too: mail goes out only as the sender a manager last saved.
   */
  'mail:save-settings': {
    request: withManagerProof(
      z.object({ settings: mailSettingsSchema, password: z.string().max(1000).optional() }),
    ),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), view: settingsView }),
      z.object({
        outcome: z.literal('refused'),
        code: z.enum(['invalid', 'no-protected-storage', 'password-needed']),
        message: z.string(),
        fields: z.record(z.string(), z.string()).optional(),
      }),
    ]),
  },
  /** Manager only. */
  'mail:clear-settings': {
    request: withManagerProof(z.object({})),
    reply: z.object({ cleared: z.literal(true) }),
  },
  /** Anyone signed in, with their own proof: sending as the home needs someone signed in. */
  'mail:send': {
    request: withManagerProof(mailMessageSchema),
    reply: mailSendOutcomeSchema,
  },
  /** Manager only: signs in to the server with the stored password, so it is a settings action. */
  'mail:send-test': {
    request: withManagerProof(z.object({ to: emailSchema })),
    reply: mailSendOutcomeSchema,
  },
  /** Opens the message in the person's own mail client (when the home has no mail settings). */
  'mail:open-in-mail-client': {
    request: z
      .object({ to: emailSchema, subject: z.string().min(1).max(200), body: z.string().min(1).max(4000) })
      .strict(),
    reply: z.object({ opened: z.boolean(), message: z.string() }),
  },
} as const;
