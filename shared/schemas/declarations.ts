import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, optionalText, requiredText, kindsOf } from './common';

/**
 * What a member of staff declares (boundaries policies, seeds 000-002), in the words staff use,
 * for the form and the lists.
 */
export const declarationKindLabels = {
  giftOffered: 'A gift was offered to me',
  giftAccepted: 'I accepted a gift',
  giftDeclined: 'I declined a gift',
  formerCareLeaverContact: 'Contact with a former care leaver',
  privateWorkApproach: 'An approach to do private work',
  socialMediaContact: 'Contact on social media',
  otherBoundaryConcern: 'Another boundary concern',
} as const satisfies Record<string, string>;
export const declarationKinds = kindsOf(declarationKindLabels);

/**
 * `open` until the manager has recorded both the supervision date and the outcome; then `closed`.
 * Stored as text so IndexedDB can index it (it cannot index booleans).
 */
export const declarationStatuses = ['open', 'closed'] as const;

/**
 * A staff member's own declaration to their line manager, and the manager's review of it: noted,
 * discussed in supervision on a date, with an outcome and any action (seed 001: "declare this to
 * their line manager who needs to record this within supervision").
 */
export const declarationSchema = z.object({
  id: idSchema,
  staffId: idSchema,
  kind: z.enum(declarationKinds),
  happenedOn: isoDateSchema,
  whatHappened: requiredText('what happened', 4000),
  whoWasInvolved: optionalText('who was involved', 400),
  lineManagerId: idSchema,
  recordedAt: isoDateTimeSchema,
  status: z.enum(declarationStatuses).default('open'),
  reviewedAt: isoDateTimeSchema.optional(),
  reviewedById: idSchema.optional(),
  supervisionOn: isoDateSchema.optional(),
  outcome: optionalText('the outcome', 4000),
  action: optionalText('the action', 2000),
});
export type Declaration = z.infer<typeof declarationSchema>;

/** What a member of staff fills in; who they are and when it was recorded is the app's to add. */
export const declarationFormSchema = z.object({
  kind: z.enum(declarationKinds, { message: 'Choose what you are declaring.' }),
  happenedOn: isoDateSchema,
  whatHappened: requiredText('what happened', 4000),
  whoWasInvolved: optionalText('who was involved', 400),
  lineManagerId: z.string().min(1, { message: 'Choose your line manager.' }).pipe(idSchema),
});
export type DeclarationForm = z.input<typeof declarationFormSchema>;

/** The manager's review. Noting it is the least; supervision date, outcome and action can follow. */
export const declarationReviewSchema = z
  .object({
    supervisionOn: isoDateSchema.optional(),
    outcome: optionalText('the outcome', 4000),
    action: optionalText('the action', 2000),
  })
  .superRefine((review, context) => {
    if (review.outcome && !review.supervisionOn) {
      context.addIssue({
        code: 'custom',
        path: ['supervisionOn'],
        message: 'Enter the date it was discussed in supervision before the outcome.',
      });
    }
  });
export type DeclarationReview = z.input<typeof declarationReviewSchema>;
