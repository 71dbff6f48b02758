import { z } from 'zod';
import { emailSchema, idSchema, isoDateTimeSchema, requiredText, kindsOf } from './common';

/**
 * Something that happened to a young person that their PAN group may hear about (DESIGN: the PAN
 * group is "the key adults to alert ... and which events each is alerted about"). A change that
 * raises one names the event in the alert it queues with itself. The labels are plain words for
 * what happened, used in the message and the outbox.
 */
export const panEventLabels = {
  formFiled: 'a contact form was filed',
  safeguardingConcern: 'a safeguarding concern was raised',
  visitBooked: 'a family visit was booked',
  visitCancelled: 'a family visit was cancelled',
  restrictionAdded: 'a contact restriction was added',
  restrictionChanged: 'a contact restriction was changed',
  restrictionEnded: 'a contact restriction ended',
  formOverdue: 'a contact form is overdue',
  visitorTurnedAway: 'a restricted visitor was turned away at the front door',
  unbookedFamilyVisit: 'a family member visited without a booking and a contact form is due',
} as const satisfies Record<string, string>;
export type PanEvent = keyof typeof panEventLabels;
export const panEvents = kindsOf(panEventLabels);

/**
 * What a member chooses to hear about: a visit "booked or cancelled" is one
 * choice, a restriction "added, changed or ended" is one choice.
 */
export const panTopicLabels = {
  formFiled: 'A contact form is filed',
  safeguardingConcern: 'A safeguarding concern is raised',
  visitBookedOrCancelled: 'A visit is booked or cancelled',
  restrictionChanged: 'A contact restriction is added, changed or ended',
  formOverdue: 'A contact form is overdue',
  visitorTurnedAway: 'A restricted visitor is turned away at the front door',
  unbookedFamilyVisit: 'A family member visits without a booking',
} as const satisfies Record<string, string>;
export type PanTopic = keyof typeof panTopicLabels;
export const panTopics = kindsOf(panTopicLabels);

/** An outside adult in a PAN group, as stored and as the screen sends them: written in, not an account. */
const outsideAdultFields = {
  kind: z.literal('outside'),
  name: requiredText('the member’s name', 120),
  role: requiredText('their role, for example “social worker”', 80),
  email: emailSchema,
  topics: z.array(z.enum(panTopics)),
};

/**
 * One member of a young person's PAN group. A staff member is named by their account (their name
 * and email follow the account); an outside adult (social worker, therapist, ...) is written in.
 */
export const panMemberSchema = z.discriminatedUnion('kind', [
  z.object({
    id: idSchema,
    kind: z.literal('staff'),
    staffId: idSchema,
    topics: z.array(z.enum(panTopics)),
  }),
  z.object({ id: idSchema, ...outsideAdultFields }),
]);
export type PanMember = z.infer<typeof panMemberSchema>;

/** A young person's PAN group (Portfolio of Achievements and Needs). The PT is always in it. */
export const panGroupSchema = z.object({
  id: idSchema,
  youngPersonId: idSchema,
  members: z.array(panMemberSchema),
  updatedAt: isoDateTimeSchema,
  updatedById: idSchema,
});
export type PanGroup = z.infer<typeof panGroupSchema>;

/** What the screen sends to add or change one member (the id is the app's to make). */
export const panMemberFormSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    staffId: z.uuid({ message: 'Choose a member of staff.' }),
    topics: z.array(z.enum(panTopics)),
  }),
  z.object(outsideAdultFields),
]);
export type PanMemberForm = z.input<typeof panMemberFormSchema>;

/** One alert a change raises, queued in the same transaction as the change (or neither is saved). */
export const panAlertRequestSchema = z.object({
  youngPersonId: idSchema,
  event: z.enum(panEvents),
  /** The record's reference as staff know it (a contact form's reference, a visit's date ...). */
  reference: requiredText('the reference', 60),
  /**
   * A few words of what happened, with no names (they go into an email): for example
   * "Home visit on 3 March". Kept to 140 characters.
   */
  summary: z.string().trim().max(140).default(''),
  /** A filed contact form whose signed PDF may be attached, if the manager turned that on. */
  contactFormId: idSchema.optional(),
});
export type PanAlertRequest = z.input<typeof panAlertRequestSchema>;
