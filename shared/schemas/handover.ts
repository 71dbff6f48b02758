import { z } from 'zod';
import { flagRepeatedRows, idSchema } from './common';

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
  .superRefine((choice, context) =>
    flagRepeatedRows(
      context,
      'assignments',
      choice.assignments,
      'itemKey',
      'Each thing they hold goes to one colleague.',
    ),
  );
export type HandoverChoice = z.infer<typeof handoverChoiceSchema>;
