import { z } from 'zod';

/** A whole number of years, from `least` (with `tooFew` as what to say below it) to `most`. */
function yearsKept(least: number, most: number, tooFew?: string) {
  return z
    .number({ message: 'Enter a number of years.' })
    .int({ message: 'Enter a whole number of years.' })
    .min(least, tooFew === undefined ? undefined : { message: tooFew })
    .max(most);
}

/**
 * How long each kind of record is kept. Defaults, chosen by us and open to the
 * manager to change in Settings:
 * - case records (a young person's record and what hangs off it: family, restrictions, visits,
 *   contact forms): 75 years from the young person's date of birth (Children's Homes (England)
 *   Regulations 2015, reg. 37; DESIGN);
 * - the visitor register: 15 years from the visit (the home's other records under reg. 37 and
 *   Schedule 4 are kept at least 15 years from the last entry);
 * - staff declarations: 15 years from when recorded (kept with staff records);
 * - the disclosure log: 15 years from the disclosure (it answers for copies that left the home).
 * Nothing is ever deleted by the app on its own: records past these periods are listed for the
 * Registered Manager to decide.
 */
export const retentionSettingsSchema = z
  .object({
    caseRecordsYearsFromBirth: yearsKept(25, 150, 'Case records are kept at least 25 years from birth.'),
    visitorRegisterYears: yearsKept(1, 100),
    declarationsYears: yearsKept(1, 100),
    disclosuresYears: yearsKept(1, 100),
  })
  .strict();
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const defaultRetentionSettings: RetentionSettings = {
  caseRecordsYearsFromBirth: 75,
  visitorRegisterYears: 15,
  declarationsYears: 15,
  disclosuresYears: 15,
};

export const retainedRecordKinds = ['caseRecord', 'visitorRegister', 'declaration', 'disclosure'] as const;
export type RetainedRecordKind = (typeof retainedRecordKinds)[number];

/**
 * Why the manager decided as they did: a fixed list, because the audit log holds no free text
 * (a typed reason could name a child).
 */
export const retentionReasons = {
  'period-ended': 'The retention period has ended and nothing requires keeping them',
  'inquiry-or-claim': 'An inquiry, complaint or legal claim may need them',
  'asked-to-keep': 'The young person, their family or the local authority asked for them to be kept',
  'review-later': 'Not decided yet: review again later',
} as const;
export type RetentionReason = keyof typeof retentionReasons;

export const retentionDecisionSchema = z
  .object({
    decision: z.enum(['keep', 'approve-destruction'], { message: 'Choose keep or approve destruction.' }),
    reason: z.enum(Object.keys(retentionReasons) as [RetentionReason, ...RetentionReason[]], {
      message: 'Choose why.',
    }),
  })
  .strict();
