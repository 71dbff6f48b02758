import { z } from 'zod';
import { homeSettingsSchema } from './home';
import { emailSchema } from './common';
import { staffMemberSchema } from './staff';

/** First run: the home's details and its first account, a Registered Manager. */
export const firstRunFormSchema = z.object({
  home: homeSettingsSchema,
  manager: z
    .object({
      name: staffMemberSchema.shape.name,
      username: staffMemberSchema.shape.username,
      email: emailSchema,
      password: z.string().min(1, { message: 'Choose a password.' }),
      confirmPassword: z.string(),
    })
    .refine((manager) => manager.password === manager.confirmPassword, {
      path: ['confirmPassword'],
      message: 'The two passwords are not the same.',
    }),
});
export type FirstRunForm = z.infer<typeof firstRunFormSchema>;
export type FirstRunFormInput = z.input<typeof firstRunFormSchema>;
