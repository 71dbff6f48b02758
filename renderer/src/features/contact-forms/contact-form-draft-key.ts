/** Contact-form drafts are kept per form id: a new form has its id from the moment it opens. */
export const contactFormDraftPrefix = 'contact-form:';

export function contactFormDraftKey(formId: string): string {
  return `${contactFormDraftPrefix}${formId}`;
}

/** The form id a draft key names, or undefined if it is not a contact form's. */
export function formIdOfDraftKey(formKey: string): string | undefined {
  return formKey.startsWith(contactFormDraftPrefix)
    ? formKey.slice(contactFormDraftPrefix.length)
    : undefined;
}

/** The address part of a form that is being started: `new-<id>`. */
export const newFormPrefix = 'new-';
