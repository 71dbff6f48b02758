import { z } from 'zod';
import { requiredText } from './common';

let listedZones: ReadonlySet<string> | undefined;

/** True when the runtime knows `zone` as an IANA time zone (for example Europe/London). */
export function isKnownTimeZone(zone: string): boolean {
  // The runtime's list answers for the usual names without building a date formatter: the first
  // formatter loads the locale's data, a delay an old computer would otherwise add before it can
  // show the sign-in screen (which reads the home's details, time zone included).
  listedZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (listedZones.has(zone)) return true;
  // Names the list leaves out but the runtime accepts (UTC, aliases such as Europe/Kyiv) are known.
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const defaultTimeZone = 'Europe/London';

/**
 * The home's own details. Ofsted gives each registered children's home a unique reference number
 * (URN): "SC" and six digits for a children's home, six or seven digits for a school.
 */
export const homeSettingsSchema = z.object({
  name: requiredText('the home’s name', 120),
  ofstedUrn: z
    .string({ message: 'Enter the Ofsted URN.' })
    .trim()
    .toUpperCase()
    .regex(/^(SC)?\d{6,7}$/, {
      message: 'Enter the Ofsted URN as it appears on the registration certificate, for example SC123456.',
    }),
  timeZone: z
    .string()
    .trim()
    .min(1, { message: 'Choose a time zone.' })
    .refine(isKnownTimeZone, { message: 'Choose a time zone from the list.' })
    .default(defaultTimeZone),
});
export type HomeSettings = z.infer<typeof homeSettingsSchema>;
export type HomeSettingsInput = z.input<typeof homeSettingsSchema>;
