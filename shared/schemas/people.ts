import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, requiredText } from './common';

/** A child or young person placed at the home. */
export const youngPersonSchema = z.object({
  id: idSchema,
  caseNumber: requiredText('the case number', 40),
  firstName: requiredText('the first name', 80),
  lastName: requiredText('the last name', 80),
  preferredName: optionalText('the preferred name', 80),
  dateOfBirth: isoDateSchema,
  placementStartsOn: isoDateSchema,
  placementEndsOn: isoDateSchema.optional(),
  placingAuthority: optionalText('the placing authority', 120),
  socialWorker: optionalText('the social worker', 120),
  personalTutorId: z.string().optional(),
  caseCoordinatorId: z.string().optional(),
  learningMentorId: z.string().optional(),
});
export type YoungPerson = z.infer<typeof youngPersonSchema>;

/** Family and significant others: whoever the young person or the family say is family. */
export const personSchema = z.object({
  id: idSchema,
  firstName: requiredText('the first name', 80),
  lastName: optionalText('the last name', 80),
  aliases: z.array(z.string().trim().min(1)).default([]),
  phone: optionalText('the phone number', 40),
  email: optionalText('the email address', 200),
  address: optionalText('the address', 400),
  notes: optionalText('the notes', 4000),
});
export type Person = z.infer<typeof personSchema>;

export const relationshipCategories = [
  'parent',
  'stepParent',
  'sibling',
  'grandparent',
  'otherRelative',
  'carer',
  'friend',
  'significantOther',
  'professional',
] as const;

/** How one person relates to one young person; siblings placed apart share their family. */
export const relationshipSchema = z.object({
  id: idSchema,
  youngPersonId: idSchema,
  personId: idSchema,
  relationship: requiredText('the relationship, for example “mum” or “older brother”', 80),
  category: z.enum(relationshipCategories),
  hasParentalResponsibility: z.boolean(),
});
export type Relationship = z.infer<typeof relationshipSchema>;
