import { z } from 'zod';
import { idSchema } from './common';

/**
 * What a manager chose when switching an account off (seed 000: work is not left hanging when
 * someone leaves): for each thing the leaver holds, named by its key from `holdingsOf`, the
 * colleague who takes it over. `shared/rules/handover.ts` checks it against what they hold.
 */
export const handoverChoiceSchema = z
  .object({
    leaverId: idSchema,
    assignments: z
      .array(
        z.object({
          itemKey: z.string().min(1).max(200),
          toStaffId: z.uuid({ message: 'Choose a colleague.' }),
        }),
      )
      .max(10_000),
  })
  .superRefine((choice, context) => {
    const seen = new Set<string>();
    choice.assignments.forEach((assignment, index) => {
      if (seen.has(assignment.itemKey))
        context.addIssue({
          code: 'custom',
          path: ['assignments', index, 'itemKey'],
          message: 'Each thing they hold goes to one colleague.',
        });
      seen.add(assignment.itemKey);
    });
  });
export type HandoverChoice = z.infer<typeof handoverChoiceSchema>;
