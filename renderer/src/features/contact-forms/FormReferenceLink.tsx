import { hashFor } from '../../common/routes';

/**
 * A contact form's reference, wherever it is shown: always a link to the form. With only the
 * reference known (an alert's text), the link names the reference and the screen finds the form.
 */
export function FormReferenceLink({
  reference,
  formId,
}: {
  readonly reference: string;
  readonly formId?: string;
}) {
  return (
    <a className="form-reference" href={hashFor('contact-forms', formId ?? reference)}>
      {reference}
    </a>
  );
}
