import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, optionalText, requiredText, kindsOf } from './common';

/**
 * The contact plan (DESIGN, "Contact plan"; seed 004 §5.2.1: contact "in keeping with the Placement
 * Plan"): per young person, each arrangement agreed with one family member or significant person.
 * Restrictions are the hard limits; the plan is what should happen.
 */
export const contactPlanKindLabels = {
  visitAtHome: 'Visit at the home',
  visitOut: 'Visit out',
  overnightAtHome: 'Overnight stay at the family home',
  phone: 'Phone call',
  video: 'Video call',
  letters: 'Letters and cards',
  messages: 'Messages',
} as const satisfies Record<string, string>;
export type ContactPlanKind = keyof typeof contactPlanKindLabels;
export const contactPlanKinds = kindsOf(contactPlanKindLabels);

/** The kind in a sentence: "weekly call planned". */
export const contactPlanKindNouns: Readonly<Record<ContactPlanKind, string>> = {
  visitAtHome: 'visit at the home',
  visitOut: 'visit out',
  overnightAtHome: 'overnight stay',
  phone: 'call',
  video: 'video call',
  letters: 'letter or card',
  messages: 'message',
};

export const contactPlanFrequencyLabels = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  asArranged: 'As arranged (no set frequency)',
} as const satisfies Record<string, string>;
export type ContactPlanFrequency = keyof typeof contactPlanFrequencyLabels;
export const contactPlanFrequencies = kindsOf(contactPlanFrequencyLabels);

export const contactPlanSupervisions = ['unsupervised', 'supervised'] as const;

export const contactPlanAgreedByLabels = {
  placingAuthority: 'Placing authority',
  socialWorker: 'Social worker',
  court: 'Court',
  other: 'Someone else',
} as const satisfies Record<string, string>;
export const contactPlanAgreedBy = kindsOf(contactPlanAgreedByLabels);

/** The agreement behind an arrangement: casework only (need to know, DESIGN rule 8). */
export const contactPlanAgreementSchema = z.object({
  agreedBy: z.enum(contactPlanAgreedBy, { message: 'Choose who agreed it.' }),
  agreedByName: requiredText('who agreed it, by name', 200),
  agreedOn: isoDateSchema,
});
export type ContactPlanAgreement = z.infer<typeof contactPlanAgreementSchema>;

/** What staff arranging or at the door act on: the kind, how often, where, and supervision. */
const arrangementFields = {
  personId: z.uuid({ message: 'Choose who the arrangement is with.' }),
  kind: z.enum(contactPlanKinds, { message: 'Choose the kind of contact.' }),
  frequency: z.enum(contactPlanFrequencies, { message: 'Choose how often.' }),
  where: optionalText('where', 200),
  supervision: z.enum(contactPlanSupervisions, { message: 'Choose whether it is supervised.' }),
  supervisedBy: optionalText('who supervises', 200),
  /** The placement plan's own words for this arrangement, quoted back when a booking departs from it. */
  wording: optionalText('the plan’s words', 1000),
  startsOn: isoDateSchema,
  reviewOn: isoDateSchema.optional(),
  endsOn: isoDateSchema.optional(),
};

/** One arrangement of a young person's contact plan, as stored (the door part and the agreement). */
export const contactArrangementSchema = z.object({
  id: idSchema,
  youngPersonId: idSchema,
  ...arrangementFields,
  /** 1 when first recorded; each change keeps the version before it and adds one. */
  version: z.number().int().positive(),
  /** When version 1 was recorded, carried on every version (the chronology places it from here). */
  firstRecordedAt: isoDateTimeSchema,
  recordedAt: isoDateTimeSchema,
  recordedById: idSchema,
  agreement: contactPlanAgreementSchema,
});
export type ContactArrangement = z.infer<typeof contactArrangementSchema>;

/** What everyone may read of an arrangement: all but the agreement. */
export type ContactArrangementView = Omit<ContactArrangement, 'agreement'> & {
  readonly agreement?: ContactPlanAgreement | undefined;
};

/** The form that records or changes an arrangement. */
export const contactArrangementFormSchema = z
  .object({ youngPersonId: idSchema, ...arrangementFields, ...contactPlanAgreementSchema.shape })
  .superRefine((form, context) => {
    if (form.endsOn && form.endsOn < form.startsOn)
      context.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'It ends before it starts. Check the dates.',
      });
    if (form.reviewOn && form.reviewOn < form.startsOn)
      context.addIssue({
        code: 'custom',
        path: ['reviewOn'],
        message: 'The review is before the arrangement starts. Check the dates.',
      });
    if (form.supervision === 'supervised' && !form.supervisedBy)
      context.addIssue({
        code: 'custom',
        path: ['supervisedBy'],
        message: 'Say who supervises, for example “a member of the care team”.',
      });
  });
export type ContactArrangementForm = z.infer<typeof contactArrangementFormSchema>;
export type ContactArrangementFormInput = z.input<typeof contactArrangementFormSchema>;
