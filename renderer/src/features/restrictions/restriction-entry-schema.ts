import { z } from 'zod';
import { aliasesFromText } from '@shared/schemas/people';
import { restrictionAuthorities, restrictionFormSchema, restrictionKinds } from '@shared/schemas/registers';

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
