import { z } from 'zod';
import { emailSchema, idSchema, isoDateTimeSchema, requiredText, kindsOf } from './common';

export const staffRoleLabels = {
  careStaff: 'Care staff',
  personalTutor: 'Personal Tutor',
  learningMentor: 'Learning Mentor',
  caseCoordinator: 'Case Co-ordinator',
  registeredManager: 'Registered Manager',
} as const satisfies Record<string, string>;
export type StaffRole = keyof typeof staffRoleLabels;
export const staffRoles = kindsOf(staffRoleLabels);

/** A staff account. Credentials and keys live beside it in the keyring, not in this record. */
export const staffMemberSchema = z.object({
  id: idSchema,
  name: requiredText('the staff member’s name', 120),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, { message: 'Use 3 to 40 letters, digits, dots, dashes or underscores.' }),
  email: emailSchema,
  roles: z.array(z.enum(staffRoles)).min(1, { message: 'Choose at least one role.' }),
  isActive: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type StaffMember = z.infer<typeof staffMemberSchema>;
