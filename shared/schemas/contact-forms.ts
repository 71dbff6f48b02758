import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, optionalText, requiredText, kindsOf } from './common';
import { optionalTypedDateSchema, typedDateSchema, typedTimeSchema } from './typed-date-time';

export const contactKindLabels = {
  visit: 'Family visit',
  homeVisit: 'Home visit',
  phoneCall: 'Phone call',
  email: 'Email',
  letter: 'Letter',
  videoCall: 'Video call',
  meeting: 'Meeting',
  chanceEncounter: 'Chance encounter',
} as const satisfies Record<string, string>;
export type ContactKind = keyof typeof contactKindLabels;
export const contactKinds = kindsOf(contactKindLabels);

/** Who started the contact: the policy asks, because a family reaching out matters as much as the home doing so. */
export const contactInitiatorLabels = {
  youngPerson: 'The young person',
  family: 'The family',
  staff: 'Staff at the home',
  professional: 'Another professional',
  other: 'Someone else',
} as const satisfies Record<string, string>;
export const contactInitiators = kindsOf(contactInitiatorLabels);

/**
 * How the family felt about the home's work, asked on every form (seed 004 §4: parents have regular
 * opportunities to express their views about the quality of our work). Five points, least to most
 * content, each in plain words so the person asking can read them out as they are.
 */
export const familyFeelingLabels = {
  veryUnhappy: 'Very unhappy with our work',
  unhappy: 'Unhappy with our work',
  mixed: 'Mixed: some things good, some not',
  happy: 'Happy with our work',
  veryHappy: 'Very happy with our work',
} as const satisfies Record<string, string>;
export type FamilyFeeling = keyof typeof familyFeelingLabels;
export const familyFeelings = kindsOf(familyFeelingLabels);

/** An action agreed at the contact: what, who does it (a member of staff or someone named), and by when. */
export const contactActionSchema = z.object({
  action: requiredText('the action', 1000),
  ownerStaffId: idSchema.optional(),
  ownerName: optionalText('who does it', 120),
  dueOn: isoDateSchema.optional(),
});

/**
 * A participant who is on the restriction register for this young person and whose restriction
 * stops or conditions this kind of contact. Kept on the form (and printed on its PDF) so the record
 * shows the contact went against a restriction; the manager is alerted.
 */
export const restrictedParticipantSchema = z.object({
  restrictionId: idSchema,
  personId: idSchema.optional(),
  name: requiredText('the name', 120),
  /**
   * `block`: this contact was not allowed; `warn`: allowed only with conditions; `unchecked`: a
   * restriction on the register could not be trusted (changed outside Family Links), so whether
   * it applied is not known and the manager must look.
   */
  verdict: z.enum(['warn', 'block', 'unchecked']),
  /** The plain-words effect for this contact ("No phone contact is allowed"). */
  summary: requiredText('the summary', 500),
});
export type RestrictedParticipant = z.infer<typeof restrictedParticipantSchema>;

/** Where the signed copy went: written into the case-file folder, or waiting to be retried. */
export const caseFileCopySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('written'), relativePath: z.string().min(1), writtenAt: isoDateTimeSchema }),
  z.object({
    state: z.literal('queued'),
    code: z.string().min(1),
    message: z.string().min(1),
    queuedAt: isoDateTimeSchema,
  }),
]);
export type CaseFileCopy = z.infer<typeof caseFileCopySchema>;

/** Who took part and what was said: the same fields on the filed form and on what its author fills in. */
const whoTookPartAndWhatWasSaid = {
  personIds: z.array(idSchema).default([]),
  staffIds: z.array(idSchema).default([]),
  /** Anyone else who took part and is not on the register (an interpreter, a teacher). */
  otherParticipants: optionalText('who else took part', 500),
  initiatedBy: z.enum(contactInitiators).optional(),
  whatHappened: optionalText('what happened', 20000),
  youngPersonViews: optionalText('the young person’s views', 20000),
  familyViews: optionalText('the family’s views', 20000),
};

/** The record made after any contact; filed forms are signed and never change. */
export const contactFormSchema = z.object({
  id: idSchema,
  reference: requiredText('the reference', 40),
  youngPersonId: idSchema,
  visitId: idSchema.optional(),
  kind: z.enum(contactKinds),
  contactStartedAt: isoDateTimeSchema,
  contactEndedAt: isoDateTimeSchema,
  dueAt: isoDateTimeSchema,
  authorId: idSchema,
  ...whoTookPartAndWhatWasSaid,
  /*
   * The voices questions (seed 004 §4, seed 003 §3.1). Absent, not empty, on a form made before
   * the form asked them: the counts show such a form as "not asked", never as a gap.
   */
  familyFeeling: z.enum(familyFeelings).optional(),
  familyFeelingWords: z.string().max(5000).optional(),
  viewsUsed: z.string().max(20000).optional(),
  toldNextOn: isoDateSchema.optional(),
  toldNextById: idSchema.optional(),
  concerns: optionalText('the concerns', 20000),
  isSafeguardingConcern: z.boolean(),
  actions: z.array(contactActionSchema).default([]),
  nextContactPlanned: optionalText('the next contact planned', 1000),
  nextContactOn: isoDateSchema.optional(),
  restrictedParticipants: z.array(restrictedParticipantSchema).default([]),
  /** When a restricted participant was first recorded: indexed, so the manager's panel finds them. */
  restrictionFlaggedAt: isoDateTimeSchema.optional(),
  status: z.enum(['draft', 'filed']),
  filedAt: isoDateTimeSchema.optional(),
  /** The SHA-256 (hex) of the signed PDF, once filed. */
  signedPdfSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  caseFileCopy: caseFileCopySchema.optional(),
  /** A correction is a new form naming the filed one it corrects, and that file's SHA-256. */
  amendsFormId: idSchema.optional(),
  amendsSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  amendmentReason: optionalText('the reason for the correction', 2000),
});
export type ContactForm = z.infer<typeof contactFormSchema>;

const minutesPerDay = 24 * 60;

/**
 * What the author fills in. Times arrive as the home's wall clock (a date, a start time and a
 * length in minutes); the screen turns them into instants before the repository sees them.
 */
const contactFormEntryFields = z.object({
  kind: z.enum(contactKinds, { message: 'Choose the kind of contact.' }),
  contactStartedAt: isoDateTimeSchema,
  durationMinutes: z
    .number({ message: 'Enter how long it lasted, in minutes.' })
    .int({ message: 'Enter whole minutes.' })
    .min(1, { message: 'Enter how long it lasted, in minutes.' })
    .max(minutesPerDay, { message: 'A contact lasts a day at most: record a longer one as several.' }),
  ...whoTookPartAndWhatWasSaid,
  familyFeeling: z.enum(familyFeelings).optional(),
  familyFeelingWords: optionalText('the family’s words', 5000),
  viewsUsed: optionalText('how their views were used', 20000),
  toldNextOn: isoDateSchema.optional(),
  toldNextById: idSchema.optional(),
  concerns: optionalText('the concerns', 20000),
  isSafeguardingConcern: z.boolean().default(false),
  actions: z.array(contactActionSchema).default([]),
  nextContactPlanned: optionalText('the next contact planned', 1000),
  nextContactOn: isoDateSchema.optional(),
});

function refineEntry(
  entry: {
    isSafeguardingConcern: boolean;
    concerns: string;
    actions: readonly { ownerStaffId?: string | undefined; ownerName: string }[];
    toldNextOn?: string | undefined;
    toldNextById?: string | undefined;
  },
  context: z.RefinementCtx,
): void {
  // Seed 003 §3.1: feed back to the child how they were listened to. Telling them is a fact with
  // a day and a person, so one without the other is not yet a record of it.
  if (entry.toldNextOn && !entry.toldNextById)
    context.addIssue({
      code: 'custom',
      path: ['toldNextById'],
      message: 'Say who told them what happened next.',
    });
  if (entry.toldNextById && !entry.toldNextOn)
    context.addIssue({
      code: 'custom',
      path: ['toldNextOn'],
      message: 'Enter the day they were told what happened next.',
    });
  if (entry.isSafeguardingConcern && entry.concerns === '') {
    context.addIssue({
      code: 'custom',
      path: ['concerns'],
      message: 'Describe the safeguarding concern, so the manager knows what to act on.',
    });
  }
  entry.actions.forEach((action, index) => {
    if (!action.ownerStaffId && action.ownerName === '') {
      context.addIssue({
        code: 'custom',
        path: ['actions', index, 'ownerName'],
        message: 'Say who will do this.',
      });
    }
  });
}

export const contactFormEntrySchema = contactFormEntryFields.superRefine(refineEntry);

/** What the form checks against the restrictions register while it is being written (nothing is saved). */
export const restrictedPreviewSchema = contactFormEntryFields
  .pick({ kind: true, contactStartedAt: true, personIds: true, staffIds: true, otherParticipants: true })
  .extend({ youngPersonId: idSchema });
export type ContactFormEntryInput = z.input<typeof contactFormEntrySchema>;

/**
 * The same entry as the screen holds it: the young person, and the start as the home's wall-clock
 * date and time as typed (day/month/year; the screen converts them in the home's zone). Nothing
 * about when it happened is filled in for the author: the kind, the date and the start time are
 * what happened, and a silent "now" would give a call written up later the wrong deadline.
 * Empty selects arrive as ''.
 */
export const contactFormScreenSchema = contactFormEntryFields
  .omit({
    kind: true,
    contactStartedAt: true,
    initiatedBy: true,
    nextContactOn: true,
    actions: true,
    familyFeeling: true,
    toldNextOn: true,
    toldNextById: true,
  })
  .extend({
    youngPersonId: idSchema
      .or(z.literal(''))
      .refine((value) => value !== '', { message: 'Choose the young person.' }),
    kind: z
      .enum(contactKinds)
      .or(z.literal(''))
      .transform((value, context) => {
        if (value !== '') return value;
        context.addIssue({ code: 'custom', message: 'Choose the kind of contact.' });
        return z.NEVER;
      }),
    contactDate: typedDateSchema('the date of the contact'),
    startTime: typedTimeSchema('the time it started'),
    initiatedBy: z.enum(contactInitiators).or(z.literal('')),
    nextContactOn: optionalTypedDateSchema('the date of the next contact'),
    // Defaults: a draft kept before the form asked these questions comes back without them.
    familyFeeling: z.enum(familyFeelings).or(z.literal('')).default(''),
    toldNextOn: optionalTypedDateSchema('the day they were told').default(''),
    toldNextById: idSchema.or(z.literal('')).default(''),
    actions: z
      .array(
        contactActionSchema.extend({
          ownerStaffId: idSchema.or(z.literal('')),
          dueOn: optionalTypedDateSchema('the date it is due by'),
        }),
      )
      .default([]),
  })
  .superRefine((entry, context) =>
    refineEntry(
      {
        ...entry,
        actions: entry.actions.map((action) => ({
          ownerName: action.ownerName,
          ...(action.ownerStaffId ? { ownerStaffId: action.ownerStaffId } : {}),
        })),
      },
      context,
    ),
  );
export type ContactFormScreen = z.infer<typeof contactFormScreenSchema>;
export type ContactFormScreenInput = z.input<typeof contactFormScreenSchema>;

/** What must be there before a form can be signed and filed (the record a court may read). */
export const contactFormReadyToFileSchema = z.object({
  whatHappened: requiredText('what happened', 20000),
  initiatedBy: z.enum(contactInitiators, { message: 'Say who started the contact.' }),
});

/** The home's setting for the contact-form clock (manager only). */
export const contactFormSettingsSchema = z.object({
  dueHours: z
    .number({ message: 'Enter a number of hours.' })
    .int({ message: 'Enter whole hours.' })
    .min(1, { message: 'Allow at least 1 hour.' })
    .max(24 * 14, { message: 'Allow at most 14 days (336 hours).' }),
});
export type ContactFormSettings = z.infer<typeof contactFormSettingsSchema>;

/**
 * A contact that happened (a completed visit) and needs its forms: one per young person, owed by
 * `authorId`, who is always among the staff who took part.
 */
export const dueContactSchema = z.object({
  youngPersonIds: z.array(z.uuid()).min(1, { message: 'Choose at least one young person.' }),
  kind: z.enum(contactKinds),
  contactStartedAt: z.iso.datetime().optional(),
  contactEndedAt: z.iso.datetime({ message: 'Enter when the contact ended.' }),
  visitId: z.uuid().optional(),
  authorId: z.uuid(),
  personIds: z.array(z.uuid()).default([]),
  staffIds: z.array(z.uuid()).default([]),
});
export type DueContact = z.input<typeof dueContactSchema>;

/** The signed forms one export wrote, as the main process measured them: what its audit entries name. */
export const exportedFormFilesSchema = z
  .array(
    z.object({
      formId: z.uuid(),
      fileName: z.string().min(1).max(200),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  )
  .max(100_000);
