import { useState } from 'react';
import { hashFor } from '../../common/routes';
import { Banner } from '../../ui/Banner';
import { useSession } from '../../security/session-context';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { ContactFormEditor } from './ContactFormEditor';
import type { NewFormPrefill } from './contact-form-links';
import { ContactFormView } from './ContactFormView';
import { FilingPanel } from './FilingPanel';
import type { FilingOutcome } from './file-contact-form';
import { useContactForm } from './useContactForm';
import { useHasContactFormDraft } from './useMyContactFormDrafts';

const back = (
  <p>
    <a href={hashFor('contact-forms')}>Back to contact forms</a>
  </p>
);

/**
 * One form: a new one (`isNew`, or a draft kept for an id not saved yet), the author's draft to
 * write and sign, or a filed form to read. A new form keeps its screen when its first save
 * stores it: the editor stays the same element, under the same id.
 */
export function ContactFormPage({
  formId,
  isNew,
  prefill,
}: {
  readonly formId: string;
  readonly isNew: boolean;
  /** A new form started for one young person and kind of contact (from "My young people"). */
  readonly prefill?: NewFormPrefill | undefined;
}) {
  const session = useSession();
  const timeZone = useHomeTimeZone();
  const loaded = useContactForm(formId);
  const hasDraft = useHasContactFormDraft(formId);
  const [isSigning, setIsSigning] = useState(false);
  const [filed, setFiled] = useState<FilingOutcome | undefined>();

  if (loaded === undefined || (loaded === null && !isNew && hasDraft === undefined))
    return <p role="status">Opening the form…</p>;
  if (loaded === null && !isNew && !hasDraft) {
    return (
      <>
        <h1>Contact form</h1>
        <Banner tone="error">
          That contact form is not there, or is not yours to read.{' '}
          <a href={hashFor('contact-forms')}>Back to contact forms</a>
        </Banner>
      </>
    );
  }
  if (loaded === null) {
    return (
      <>
        <h1>Record a contact</h1>
        {back}
        <ContactFormEditor
          key={formId}
          formId={formId}
          existing={undefined}
          prefill={prefill}
          timeZone={timeZone}
          // The address names the stored form from now on, without reopening the screen.
          onSaved={(saved) => window.history.replaceState(null, '', hashFor('contact-forms', saved.id))}
        />
      </>
    );
  }
  const { form } = loaded;

  if (form.status === 'filed') {
    return (
      <>
        <h1>Contact form</h1>
        {back}
        {filed ? (
          filed.caseFile.state === 'written' ? (
            <Banner tone="success">Filed and signed. The signed copy is in the case file.</Banner>
          ) : (
            <Banner tone="info">
              Filed and signed, and kept safely here. The copy for the case file could not be written yet:{' '}
              {filed.caseFile.message} Family Links will keep trying by itself; you do not need to do
              anything.
            </Banner>
          )
        ) : null}
        <ContactFormView
          form={form}
          addenda={loaded.addenda}
          isCopyWaiting={loaded.isCopyWaiting && !filed}
          timeZone={timeZone}
        />
      </>
    );
  }
  if (form.authorId !== session.staff.id) {
    return (
      <>
        <h1>Contact form</h1>
        {back}
        <Banner tone="info">
          This form is still being written by its author. You can read it once it is filed.
        </Banner>
      </>
    );
  }
  return (
    <>
      <h1>Contact form</h1>
      {back}
      {isSigning ? (
        <FilingPanel
          form={form}
          timeZone={timeZone}
          onCancel={() => setIsSigning(false)}
          onFiled={(outcome) => {
            setFiled(outcome);
            setIsSigning(false);
          }}
        />
      ) : (
        <ContactFormEditor
          key={form.id}
          formId={form.id}
          existing={form}
          timeZone={timeZone}
          onSign={() => setIsSigning(true)}
        />
      )}
    </>
  );
}
