import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, optionalText, requiredText } from './common';

/**
 * An action agreed on a filed contact form, tracked until it is done (DESIGN, "Actions and the
 * chronology": actions agreed on forms are tracked to done). Made when the form is filed, in the
 * same transaction, one per action on the form; the form itself never changes. What the action
 * is and who was named are sealed; the ids, the date it is due by and whether it is open are
 * plain, so "my actions" and "overdue actions" are found by index without opening any.
 */
export const formActionSchema = z.object({
  id: idSchema,
  /** The filed form (or addendum) the action was agreed on. */
  formId: idSchema,
  formReference: requiredText('the form’s reference', 40),
  youngPersonId: idSchema,
  /** Its place among the form's actions, from 1: "action 2 on CF-…" in an alert. */
  number: z.number().int().min(1).max(1000),
  action: requiredText('the action', 1000),
  /** The member of staff who does it; absent when someone outside the home was named. */
  ownerStaffId: idSchema.optional(),
  ownerName: optionalText('who does it', 120),
  /** The home's date it is due by (YYYY-MM-DD): overdue from the start of the next day there. */
  dueOn: isoDateSchema.optional(),
  status: z.enum(['open', 'done']),
  createdAt: isoDateTimeSchema,
  doneAt: isoDateTimeSchema.optional(),
  doneById: idSchema.optional(),
  doneNote: optionalText('the note', 500),
  /** When the owner and the Case Co-ordinator were told it is overdue: they are told once. */
  overdueRaisedAt: isoDateTimeSchema.optional(),
});
export type FormAction = z.infer<typeof formActionSchema>;

/** What a person types to mark an action done: a short note of what was done. */
export const formActionDoneSchema = z.object({
  note: requiredText('a short note of what was done', 500),
});
