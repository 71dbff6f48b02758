import { z } from 'zod';
import { idSchema, isoDateTimeSchema, requiredText } from './common';

/**
 * The home's visiting protocol (seed 004 §4: "significant people know the protocols about
 * visiting"). Each publish is a new version; earlier versions are kept, so what a visitor
 * accepted can always be read again.
 */
export const visitingProtocolSchema = z.object({
  id: idSchema,
  /** 1, 2, 3…: one more than the last published. */
  version: z.number().int().min(1),
  /** Plain paragraphs, in order. */
  paragraphs: z.array(requiredText('the paragraph', 4000)).min(1).max(60),
  publishedAt: isoDateTimeSchema,
  publishedById: idSchema,
});
export type VisitingProtocol = z.infer<typeof visitingProtocolSchema>;

/** What the manager types: the whole protocol as text, paragraphs separated by a blank line. */
export const visitingProtocolFormSchema = z.object({
  text: requiredText('the visiting protocol', 60_000),
});
export type VisitingProtocolForm = z.infer<typeof visitingProtocolFormSchema>;

/** Splits typed text into paragraphs at blank lines; single line breaks stay within a paragraph. */
export function paragraphsFromText(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** How a visitor answered: signed on screen, had it read to them by staff, or declined. */
export const protocolOutcomes = ['signed', 'readToThem', 'declined'] as const;
export type ProtocolOutcome = (typeof protocolOutcomes)[number];

/** A signature drawn at the door: the PNG (base64, no data: prefix) and how many strokes made it. */
export const drawnProtocolSignatureSchema = z.object({
  pngBase64: z
    .string()
    .min(1)
    .max(2_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, {
      message: 'The drawn signature could not be read. Clear it and sign again.',
    }),
  strokeCount: z.number().int().min(1).max(10_000),
});

/**
 * The answer the door records at sign-in. `staffId` is who took the signature or read the
 * protocol to them, or who recorded that they declined.
 */
export const protocolAnswerSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('signed'),
    version: z.number().int().min(1),
    staffId: idSchema,
    signature: drawnProtocolSignatureSchema,
  }),
  z.object({
    outcome: z.literal('readToThem'),
    version: z.number().int().min(1),
    staffId: z.uuid({ message: 'Choose who read the protocol to them.' }),
  }),
  z.object({ outcome: z.literal('declined'), version: z.number().int().min(1), staffId: idSchema }),
]);
export type ProtocolAnswer = z.infer<typeof protocolAnswerSchema>;

/** One visitor's answer to one version, kept with the sign-in it was given at. */
export const protocolAcceptanceSchema = z.object({
  id: idSchema,
  personId: idSchema,
  at: isoDateTimeSchema,
  version: z.number().int().min(1),
  outcome: z.enum(protocolOutcomes),
  staffId: idSchema,
  visitorEntryId: idSchema,
  signature: drawnProtocolSignatureSchema.optional(),
});
export type ProtocolAcceptance = z.infer<typeof protocolAcceptanceSchema>;

/**
 * Where a visitor stood on the protocol when signed in, kept on their register entry: from their
 * acceptance, the version and answer and when and with whom it was given; and whether it was given
 * at this sign-in.
 */
export const protocolStandingSchema = protocolAcceptanceSchema
  .pick({ version: true, outcome: true, at: true, staffId: true })
  .extend({ isNew: z.boolean() });
export type ProtocolStanding = z.infer<typeof protocolStandingSchema>;
