import type { CaseFilePlace, ContactFormContent } from '../ipc/channels/documents';

/** The parts of a place in the case file, in words for a person, in the order they are checked. */
const partNames = {
  caseNumber: 'case number',
  academicYear: 'academic year',
  date: 'filing date',
  kind: 'kind of form',
  reference: 'reference',
} as const satisfies Record<keyof CaseFilePlace, string>;

export type PlacePart = (typeof partNames)[keyof typeof partNames];

/**
 * The first part (in words) in which `asked` differs from `signed`, or undefined when they are the
 * same place. A copy is filed only where it was signed for: a case number, year, day, kind or
 * reference other than the signed one would put it in another child's folder, or under another
 * form's name.
 */
export function placeDifference(signed: CaseFilePlace, asked: CaseFilePlace): PlacePart | undefined {
  for (const key of Object.keys(partNames) as (keyof CaseFilePlace)[])
    if (signed[key] !== asked[key]) return partNames[key];
  return undefined;
}

/**
 * The first part (in words) of `place` that the form's own printed content contradicts, or
 * undefined. The case number and reference are printed on the form: a form for one young person
 * is never signed for another's case file, nor under another form's name. A form that prints the
 * form it corrects is filed as an addendum; the page names one an addendum also when the original
 * could not be read, so only that direction is held.
 */
export function placeContradictsForm(
  form: Pick<ContactFormContent, 'reference' | 'youngPerson' | 'addendumTo'>,
  place: CaseFilePlace,
): PlacePart | undefined {
  if (place.caseNumber !== form.youngPerson.caseNumber) return partNames.caseNumber;
  if (place.kind !== 'addendum' && (form.addendumTo || place.kind !== 'contact-form')) return partNames.kind;
  if (place.reference !== form.reference) return partNames.reference;
  return undefined;
}
