import { z } from 'zod';

export const defaultAutoLockMinutes = 5;

/** How soon an unattended screen locks: 5 minutes unless the manager sets 1 to 30. */
export const securitySettingsSchema = z.object({
  autoLockMinutes: z.coerce
    .number({ message: 'Enter a number of minutes.' })
    .int({ message: 'Enter whole minutes.' })
    .min(1, { message: 'Lock after at least 1 minute.' })
    .max(30, { message: 'Lock after 30 minutes at most: an unattended screen shows children’s records.' }),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
