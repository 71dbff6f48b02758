import { calendarDateOf } from '@shared/home-time';
import type { FamilyLinksDb } from '../database';

/**
 * A contact form's reference, the one format the app makes: "CF-2026-7K3QXP", the year of the
 * contact and six characters from an alphabet without I, O, 0 and 1 (never misread when read
 * aloud or copied by hand). Random, not counted: no count of a home's forms can be read from it,
 * and two computers sharing one record set never make the same one in step.
 *
 * Forms imported with the older counted references ("CF-2026-000126") keep them: a reference is
 * printed on the signed copy and in the case-file name, and a filed form never changes, so those
 * stay valid and are found by the same search. The app itself makes only the random kind.
 */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const referencePattern = /^CF-\d{4}-[A-HJ-NP-Z2-9]{6}$/;

/**
 * A new reference for a contact at `contactAt` (ISO), its year on the home's clock (a contact just
 * after midnight on New Year's Day is the new year's, wherever the home is): not yet checked for
 * uniqueness.
 */
export function newReference(contactAt: string, timeZone: string): string {
  const year = calendarDateOf(contactAt, timeZone).slice(0, 4);
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `CF-${year}-${[...bytes].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

/**
 * A reference no stored form has: 32^6 is about a billion a year, but a large home files about
 * ten thousand forms a year, so a clash is possible over its life. Tries again on a clash.
 */
export async function uniqueReference(
  db: FamilyLinksDb,
  contactAt: string,
  timeZone: string,
): Promise<string> {
  for (;;) {
    const reference = newReference(contactAt, timeZone);
    if ((await db.contactForms.where('reference').equals(reference).count()) === 0) return reference;
  }
}

/**
 * What a person typed or copied, as the stored form: upper case, dashes between the parts, no
 * spaces ("cf 2026 7k3qxp" and "CF2026-7K3QXP" are "CF-2026-7K3QXP"). Partial input stays
 * partial ("cf-2026-7k" is "CF-2026-7K"), for a search by prefix.
 */
export function normaliseReference(typed: string): string {
  const compact = typed
    .trim()
    .toUpperCase()
    .replace(/[\s_./]+/g, '-');
  const match = /^CF-?(\d{0,4})-?([A-Z0-9]*)(-A\d+)?$/.exec(compact);
  if (!match) return compact;
  const [, year = '', code = '', addendum = ''] = match;
  if (year.length < 4) return `CF-${year}`;
  return `CF-${year}${code || addendum ? `-${code}` : ''}${addendum}`;
}
