import { z } from 'zod';
import { idSchema, isoDateTimeSchema, optionalText, requiredText, kindsOf } from './common';

/** How a copy left the app. */
export const disclosureKindLabels = {
  pdf: 'PDF',
  csv: 'CSV file',
  email: 'Email',
  print: 'Print',
  ics: 'Calendar file (.ics)',
} as const satisfies Record<string, string>;
export const disclosureKinds = kindsOf(disclosureKindLabels);

/** Why a copy left the app: the usual reasons in a children's home, and "other" with words. */
export const disclosureReasonLabels = {
  caseFile: 'For the case file',
  placingAuthorityRequest: 'The placing authority asked for it',
  ofstedInspection: 'Ofsted inspection',
  court: 'For court',
  police: 'The police asked for it',
  socialWorker: 'For the young person’s social worker',
  staffFile: 'For a staff file',
  other: 'Another reason',
} as const satisfies Record<string, string>;
export const disclosureReasons = kindsOf(disclosureReasonLabels);

/** What the person is asked at the moment of export (seed 003: disclosures are noted). */
export const disclosureReasonFormSchema = z
  .object({
    recipient: requiredText('who it is for or where it is going', 200),
    reason: z.enum(disclosureReasons, { message: 'Choose why it is leaving the app.' }),
    reasonDetail: optionalText('the reason', 1000),
  })
  .superRefine((form, context) => {
    if (form.reason === 'other' && !form.reasonDetail) {
      context.addIssue({
        code: 'custom',
        path: ['reasonDetail'],
        message: 'Say why: “another reason” needs it written out.',
      });
    }
  });
export type DisclosureReasonForm = z.input<typeof disclosureReasonFormSchema>;

/** What the screen that makes the copy knows about it. */
export const disclosureRequestSchema = z.object({
  what: requiredText('what is leaving the app', 300),
  kind: z.enum(disclosureKinds),
  youngPersonId: idSchema.optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type DisclosureRequest = z.input<typeof disclosureRequestSchema>;

/** One copy that left the app: what, how, to whom or where, why, when and by whom. */
export const disclosureSchema = z.object({
  id: idSchema,
  what: requiredText('what left the app', 300),
  kind: z.enum(disclosureKinds),
  recipient: requiredText('who it was for or where it went', 200),
  reason: z.enum(disclosureReasons),
  reasonDetail: optionalText('the reason', 1000),
  youngPersonId: idSchema.optional(),
  at: isoDateTimeSchema,
  byId: idSchema,
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type Disclosure = z.infer<typeof disclosureSchema>;
