import { z } from 'zod';
import { emailSchema, idSchema, isoDateTimeSchema, optionalText, requiredText, kindsOf } from './common';
import { disclosureSchema } from './disclosures';
import { panEventLabels } from './pan';

/** How the connection to the mail server is protected: there is no plain-text choice. */
export const mailSecurityLabels = {
  tls: 'TLS from the start (usually port 465)',
  starttls: 'STARTTLS (usually port 587)',
} as const satisfies Record<string, string>;
export const mailSecurityModes = kindsOf(mailSecurityLabels);

const pemCertificate = z
  .string()
  .trim()
  .max(20000, { message: 'That certificate is too long. Paste one PEM certificate.' })
  .refine(
    (text) => text === '' || /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(text),
    {
      message:
        'Paste the certificate as PEM text, from “-----BEGIN CERTIFICATE-----” to “-----END CERTIFICATE-----”.',
    },
  );

/** The home's mail server, as the manager enters it. Holds no password: that stays in the main process. */
export const mailSettingsSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, { message: 'Enter the mail server’s name, for example smtp.example.org.' })
    .max(253, { message: 'That server name is too long.' })
    .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/, {
      message: 'Enter a server name such as smtp.example.org, with no spaces or “smtp://”.',
    }),
  port: z.coerce
    .number({ message: 'Enter the port number.' })
    .int({ message: 'Enter a whole number.' })
    .min(1, { message: 'Ports run from 1 to 65535.' })
    .max(65535, { message: 'Ports run from 1 to 65535.' }),
  security: z.enum(mailSecurityModes, { message: 'Choose how the connection is protected.' }),
  username: requiredText('the user name', 200),
  fromAddress: emailSchema,
  fromName: optionalText('the sender’s name', 80),
  /** The organisation's own CA certificate, trusted as well as the usual public ones. */
  caCertificatePem: pemCertificate.default(''),
  /** Off by default (DESIGN rule 9): a manager may choose to attach the signed PDF of a filed form. */
  attachSignedPdf: z.boolean().default(false),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;
export type MailSettingsForm = z.input<typeof mailSettingsSchema>;

/** How well the password is protected on this computer (Electron's safeStorage). */
export const passwordProtections = ['os', 'weak', 'unavailable'] as const;
export type PasswordProtection = (typeof passwordProtections)[number];

/** Why a message was not sent, so the outbox can decide whether trying again later can help. */
export const mailFailureCodes = [
  'not-configured',
  'no-password',
  'unreachable',
  'timeout',
  'no-tls',
  'certificate',
  'auth',
  'rejected-recipient',
  'temporary',
  'rejected',
  'attachment-missing',
  'unknown',
] as const;

/**
 * What an alert in the outbox is about: the PAN group's events, and an agreed action gone overdue
 * (told to its owner and the young person's Case Co-ordinator, not to the PAN group).
 */
export const outboxEventLabels = {
  ...panEventLabels,
  actionOverdue: 'an agreed action is overdue',
  specialDateSoon: 'a family member’s special date is in the coming week',
} as const satisfies Record<string, string>;
export type OutboxEvent = keyof typeof outboxEventLabels;
export const outboxEvents = kindsOf(outboxEventLabels);

export const outboxStateLabels = {
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const satisfies Record<string, string>;
export type OutboxState = keyof typeof outboxStateLabels;
export const outboxStates = kindsOf(outboxStateLabels);

/**
 * One alert to one person (never several recipients on one message, so nobody learns who else
 * was told). Everything but the id, state and times is sealed at rest.
 */
export const outboxMessageSchema = z.object({
  id: idSchema,
  state: z.enum(outboxStates),
  youngPersonId: idSchema,
  event: z.enum(outboxEvents),
  reference: requiredText('the reference', 60),
  recipient: z.object({
    name: requiredText('the recipient’s name', 120),
    role: optionalText('the role', 80),
    email: emailSchema,
  }),
  subject: requiredText('the subject', 200),
  body: requiredText('the message', 4000),
  /** The signed PDF to attach, if the home turns attaching on: a filed contact form's id. */
  attachment: z.object({ kind: z.literal('signedContactForm'), contactFormId: idSchema }).optional(),
  createdAt: isoDateTimeSchema,
  createdById: idSchema,
  /**
   * Raised by Family Links itself (a form falling overdue), not by what a person did: the outbox
   * says so rather than naming whoever happened to be signed in when it was noticed.
   */
  isRaisedByApp: z.boolean().optional(),
  /**
   * The sync id of the computer that queued it, which alone sends it (`shared/rules/sync-scope.ts`);
   * none while sync is not set up, or on messages queued before.
   */
  queuedOn: z.string().min(1).max(64).optional(),
  attempts: z.number().int().min(0),
  /** Only while queued: when the next try is due. */
  nextAttemptAt: isoDateTimeSchema.optional(),
  /** Only while sending: when this try began (a try left over from a closed app is released later). */
  sendingSince: isoDateTimeSchema.optional(),
  lastError: optionalText('the error', 2000),
  lastErrorCode: z.enum(mailFailureCodes).optional(),
  sentAt: isoDateTimeSchema.optional(),
  sentVia: z.enum(['smtp', 'mailClient']).optional(),
  /** The Message-ID the server accepted the message under. */
  serverMessageId: z.string().max(998).optional(),
  /**
   * Further copies of this message that left from other computers: the same alert queued on two
   * computers apart from each other, each sending it before they met (`shared/rules/alert-once.ts`),
   * so the record says honestly that it went more than once, from which computer and when.
   */
  alsoSentBy: z
    .array(
      z.object({
        computer: z.string().min(1).max(64),
        sentAt: isoDateTimeSchema,
        sentVia: z.enum(['smtp', 'mailClient']).optional(),
        serverMessageId: z.string().max(998).optional(),
      }),
    )
    .max(16)
    .optional(),
  disclosureId: idSchema,
  /**
   * The disclosure-log entry to write when the message actually leaves (sent, or sent from a mail
   * client), then dropped: a message cancelled or never sent disclosed nothing. Messages queued by
   * earlier versions had theirs written when queued and have none.
   */
  pendingDisclosure: disclosureSchema.optional(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** What the renderer hands the main process to send. */
export const mailMessageSchema = z.object({
  /**
   * The outbox message's id. Every attempt to send it carries the same Message-ID, so if a send
   * went through but was not recorded (the app closed mid-send) and is tried again, mail systems
   * see the same message and do not show it twice.
   */
  outboxId: idSchema.optional(),
  to: z.object({ name: z.string().max(120), email: emailSchema }),
  subject: z.string().min(1).max(200),
  text: z.string().min(1).max(4000),
  // Base64, so the bytes cross any bridge (Electron's structured clone and the test harness's JSON) alike.
  attachment: z
    .object({
      filename: z.string().regex(/^[A-Za-z0-9._-]{1,120}\.pdf$/),
      contentBase64: z
        .string()
        .max(28_000_000)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    })
    .optional(),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

export const mailFailureSchema = z.object({
  code: z.enum(mailFailureCodes),
  message: z.string(),
  isWorthRetrying: z.boolean(),
});
export type MailFailure = z.infer<typeof mailFailureSchema>;

export const mailSendOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('sent'), serverMessageId: z.string(), acceptedAt: isoDateTimeSchema }),
  z.object({ outcome: z.literal('failed'), failure: mailFailureSchema }),
]);
export type MailSendOutcome = z.infer<typeof mailSendOutcomeSchema>;
