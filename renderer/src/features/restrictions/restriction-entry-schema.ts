import { z } from 'zod';
import { aliasesFromText } from '@shared/schemas/people';
import {
  restrictionAuthorities,
  restrictionChangeFormSchema,
  restrictionFormSchema,
  restrictionKinds,
  restrictionReviewBasicsSchema,
  restrictionReviewFormSchema,
  restrictionReviewOutcomes,
} from '@shared/schemas/registers';

/**
 * The record form as staff fill it in: aliases typed on one line, and a plain message when the
 * kind or authority is not chosen yet. The register's own form schema then checks what will be
 * saved, so the rules (dates in order, a reference for a court order) are the repository's, not
 * a copy. Values stay as typed (a kept draft must read back the same); `restrictionFromEntry`
 * turns them into what the repository takes.
 */
export const restrictionEntrySchema = z
  .object({
    ...restrictionFormSchema.shape,
    aliases: z.string(),
    kind: z.enum(restrictionKinds, { message: 'Choose what the restriction is.' }),
    authority: z.enum(restrictionAuthorities, { message: 'Choose on whose authority it applies.' }),
  })
  .superRefine((entry, context) => {
    const checked = restrictionFormSchema.safeParse(restrictionFromEntry(entry));
    if (checked.success) return;
    for (const issue of checked.error.issues)
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type RestrictionEntry = z.input<typeof restrictionEntrySchema>;

export function restrictionFromEntry(entry: RestrictionEntry) {
  return { ...entry, aliases: aliasesFromText(entry.aliases) };
}

/** Ending a restriction needs the reason; it is kept with the restriction for good. */
export const endRestrictionSchema = z.object({
  endedReason: z
    .string()
    .trim()
    .min(1, {
      message: 'Say why the restriction is ending, for example “court order discharged on 3 March”.',
    })
    .max(1000, { message: 'Keep the reason to 1000 characters or fewer.' }),
});
export type EndRestrictionForm = z.infer<typeof endRestrictionSchema>;

/** The fields a change (and a review that changes it) fills in, by name. */
export const restrictionTermsFieldNames = [
  'kind',
  'conditions',
  'authority',
  'authorityReference',
  'effectiveFrom',
  'effectiveTo',
  'reviewOn',
] as const;
export type RestrictionTermsFieldName = (typeof restrictionTermsFieldNames)[number];

const chooseKind = 'Choose what the restriction is.';
const chooseAuthority = 'Choose on whose authority it applies.';

/** The change form as staff fill it in; the register's change schema then checks it. */
export const restrictionChangeEntrySchema = z
  .object({
    ...restrictionChangeFormSchema.shape,
    kind: z.enum(restrictionKinds, { message: chooseKind }),
    authority: z.enum(restrictionAuthorities, { message: chooseAuthority }),
  })
  .superRefine((entry, context) => {
    const checked = restrictionChangeFormSchema.safeParse(entry);
    if (checked.success) return;
    for (const issue of checked.error.issues)
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type RestrictionChangeEntry = z.input<typeof restrictionChangeEntrySchema>;

/**
 * The review form as staff fill it in: one flat set of fields, of which the outcome chosen says
 * which count (the next review date, the new terms, or the reason for ending).
 */
export const restrictionReviewEntrySchema = z
  .object({
    // Optional here so the other fields are still checked before an outcome is chosen.
    outcome: z.enum(restrictionReviewOutcomes).nullish(),
    reviewedOn: z.string(),
    reviewedById: z.string(),
    checkedWith: z.string(),
    nextReviewOn: z.string().optional(),
    endedReason: z.string().optional(),
    kind: z.string(),
    conditions: z.string(),
    authority: z.string(),
    authorityReference: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().optional(),
    reviewOn: z.string().optional(),
  })
  .superRefine((entry, context) => {
    if (entry.outcome == null)
      context.addIssue({ code: 'custom', path: ['outcome'], message: 'Choose what the review decided.' });
    const checked = (
      entry.outcome == null ? restrictionReviewBasicsSchema : restrictionReviewFormSchema
    ).safeParse(reviewFromEntry(entry));
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      const path = issue.path[0] === 'change' ? issue.path.slice(1) : issue.path;
      const message =
        issue.code !== 'invalid_value'
          ? issue.message
          : path[0] === 'kind'
            ? chooseKind
            : path[0] === 'authority'
              ? chooseAuthority
              : issue.message;
      context.addIssue({ code: 'custom', path, message });
    }
  });
export type RestrictionReviewEntry = z.input<typeof restrictionReviewEntrySchema>;

/** What the register takes for a review: only the fields its outcome uses. */
export function reviewFromEntry(entry: RestrictionReviewEntry): unknown {
  const basics = {
    outcome: entry.outcome,
    reviewedOn: entry.reviewedOn,
    reviewedById: entry.reviewedById,
    checkedWith: entry.checkedWith,
  };
  switch (entry.outcome) {
    case 'continues':
      return { ...basics, nextReviewOn: entry.nextReviewOn };
    case 'changed':
      return {
        ...basics,
        change: Object.fromEntries(restrictionTermsFieldNames.map((name) => [name, entry[name]])),
      };
    case 'ended':
      return { ...basics, endedReason: entry.endedReason };
    default:
      return basics;
  }
}

/** The register names a change's fields `change.kind`; the review form has them at the top. */
export function reviewFieldsOnForm(fields: Readonly<Record<string, string>> | undefined) {
  if (!fields) return undefined;
  return Object.fromEntries(
    Object.entries(fields).map(([path, message]) => [path.replace(/^change\./, ''), message]),
  );
}
