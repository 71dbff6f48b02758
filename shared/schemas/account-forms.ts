import { z } from 'zod';
import { emailSchema, requiredText } from './common';
import { staffMemberSchema, staffRoles } from './staff';

const password = z.string().min(1, { message: 'Enter a password.' });

/** The fields of a new account (first run, or added by the manager), before its password is judged. */
export const newAccountFormSchema = z
  .object({
    name: staffMemberSchema.shape.name,
    username: staffMemberSchema.shape.username,
    email: emailSchema,
    roles: z.array(z.enum(staffRoles)).min(1, { message: 'Choose at least one role.' }),
    password,
    confirmPassword: z.string(),
  })
  .refine((form) => form.password === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords are not the same.',
  });
export type NewAccountForm = z.infer<typeof newAccountFormSchema>;

/** What the manager may change about an account: its name, email and roles (not the username). */
export const editAccountFormSchema = z.object({
  name: staffMemberSchema.shape.name,
  email: emailSchema,
  roles: z.array(z.enum(staffRoles)).min(1, { message: 'Choose at least one role.' }),
});
export type EditAccountForm = z.infer<typeof editAccountFormSchema>;

export const signInFormSchema = z.object({
  username: requiredText('your username', 40),
  password,
});
export type SignInForm = z.infer<typeof signInFormSchema>;

export const changePasswordFormSchema = z
  .object({ currentPassword: password, newPassword: password, confirmPassword: z.string() })
  .refine((form) => form.newPassword === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords are not the same.',
  })
  .refine((form) => form.newPassword !== form.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one.',
  });
export type ChangePasswordForm = z.infer<typeof changePasswordFormSchema>;

export const resetPasswordFormSchema = z
  .object({ temporaryPassword: password, confirmPassword: z.string() })
  .refine((form) => form.temporaryPassword === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords are not the same.',
  });
export type ResetPasswordForm = z.infer<typeof resetPasswordFormSchema>;
