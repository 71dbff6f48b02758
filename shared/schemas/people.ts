import { z } from 'zod';
import { flagRepeatedRows, idSchema, isoDateSchema, optionalText, requiredText, kindsOf } from './common';
import { communicationNeedsSchema, specialDateFormSchema } from './communication';

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
  ...communicationNeedsSchema.shape,
});
export type Person = z.infer<typeof personSchema>;

/** Plain words for each category, as staff would say them. */
export const relationshipCategoryLabels = {
  parent: 'Parent',
  stepParent: 'Step-parent',
  sibling: 'Brother or sister',
  grandparent: 'Grandparent',
  otherRelative: 'Other relative',
  carer: 'Carer (not a parent)',
  friend: 'Friend',
  significantOther: 'Other significant person',
  professional: 'Professional',
} as const satisfies Record<string, string>;
export const relationshipCategories = kindsOf(relationshipCategoryLabels);

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

/** What staff fill in to add or change a young person; the id is the app's to make. */
export const youngPersonFormSchema = youngPersonSchema
  .omit({ id: true })
  .refine((form) => !form.placementEndsOn || form.placementEndsOn >= form.placementStartsOn, {
    path: ['placementEndsOn'],
    message: 'The placement ends before it starts. Check the dates.',
  });
export type YoungPersonForm = z.infer<typeof youngPersonFormSchema>;

/** Other names as staff type them, "Jack, Johnny Smith": split at the commas, blanks dropped. */
export function aliasesFromText(text: string): string[] {
  return text
    .split(',')
    .map((alias) => alias.trim())
    .filter((alias) => alias.length > 0);
}

/** The other way round, for a form that edits saved aliases. */
export function aliasesAsText(aliases: readonly string[]): string {
  return aliases.join(', ');
}

/** One row of the person form: how they relate to one young person. A new row starts unchosen (''). */
export const relationshipFormSchema = relationshipSchema.omit({ id: true, personId: true }).extend({
  youngPersonId: z.uuid({ message: 'Choose the young person.' }),
  category: z
    .enum(['', ...relationshipCategories])
    .refine((category) => category !== '', { message: 'Choose what kind of relationship it is.' }),
});

/**
 * A person with their relationships, as the person form holds them: aliases stay one line of text
 * (`aliasesFromText` splits them when saving), so a kept draft reads back exactly as typed.
 */
export const personFormSchema = personSchema
  .omit({ id: true })
  .extend({
    aliases: z.string(),
    relationships: z.array(relationshipFormSchema),
    specialDates: z.array(specialDateFormSchema).default([]),
  })
  .superRefine((form, context) =>
    flagRepeatedRows(
      context,
      'relationships',
      form.relationships,
      'youngPersonId',
      'This young person is already listed above. Keep one row for each.',
    ),
  );
export type PersonForm = z.input<typeof personFormSchema>;
