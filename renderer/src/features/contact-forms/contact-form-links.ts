import { contactKinds, type ContactKind } from '@shared/schemas/contact-forms';
import { hashFor } from '../../common/routes';
import { newFormPrefix } from './contact-form-draft-key';

/**
 * A new contact form started for one young person and one kind of contact, one step from the line
 * that owes it ("My young people"): `#/contact-forms/new~<young person>~<kind>`, which opens as a
 * new form of its own (`new-<id>~<young person>~<kind>`) with both already chosen.
 */
export type NewFormPrefill = { readonly youngPersonId: string; readonly kind: ContactKind };

const separator = '~';

export function recordContactHref(youngPersonId: string, kind: ContactKind): string {
  return hashFor('contact-forms', ['new', youngPersonId, kind].join(separator));
}

/** What follows `new` in the address: the prefill, if the address names a young person and a known kind. */
export function prefillOf(rest: readonly string[]): NewFormPrefill | undefined {
  const [youngPersonId, kind] = rest;
  const known = contactKinds.find((candidate) => candidate === kind);
  return youngPersonId && known ? { youngPersonId, kind: known } : undefined;
}

/** The parts of a form address: `new` (or `new-<id>`), then any prefill. */
export function splitFormAddress(address: string): {
  readonly head: string;
  readonly prefill: NewFormPrefill | undefined;
} {
  const [head = '', ...rest] = address.split(separator);
  return { head, prefill: prefillOf(rest) };
}

/** The address a started form keeps: its own new id, with the prefill carried along. */
export function startedFormAddress(formId: string, prefill: NewFormPrefill | undefined): string {
  const parts = [`${newFormPrefix}${formId}`, ...(prefill ? [prefill.youngPersonId, prefill.kind] : [])];
  return hashFor('contact-forms', parts.join(separator));
}
