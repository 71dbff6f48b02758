import { useState } from 'react';
import { hashFor } from '../../common/routes';
import { Banner } from '../../ui/Banner';
import { useSession } from '../../security/session-context';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { ContactFormEditor } from './ContactFormEditor';
import { ContactFormView } from './ContactFormView';
import { FilingPanel } from './FilingPanel';
import type { FilingOutcome } from './file-contact-form';
import { useContactForm } from './useContactForm';

/** One form: the author's draft to write and sign, or a filed form to read. */
export function ContactFormPage({ formId }: { readonly formId: string }) {
  const session = useSession();
  const timeZone = useHomeTimeZone();
  const loaded = useContactForm(formId);
  const [isSigning, setIsSigning] = useState(false);
  const [filed, setFiled] = useState<FilingOutcome | undefined>();

  if (loaded === undefined) return <p role="status">Opening the form…</p>;
  if (loaded === null) {
    return (
      <Banner tone="error">
        That contact form is not there, or is not yours to read.{' '}
        <a href={hashFor('contact-forms')}>Back to contact forms</a>
      </Banner>
    );
  }
  const { form } = loaded;
  const back = (
    <p>
      <a href={hashFor('contact-forms')}>Back to contact forms</a>
    </p>
  );

  if (form.status === 'filed') {
    return (
      <>
        {back}
        {filed ? (
          filed.caseFile.state === 'written' ? (
            <Banner tone="success">Filed and signed. The signed copy is in the case file.</Banner>
          ) : (
            <Banner tone="error">
              Filed and signed, and kept safely here. The copy for the case file could not be written yet:{' '}
              {filed.caseFile.message} Family Links will keep trying by itself; you do not need to do
              anything.
            </Banner>
          )
        ) : null}
        <ContactFormView
          form={form}
          addenda={loaded.addenda}
          isCopyWaiting={loaded.isCopyWaiting}
          timeZone={timeZone}
        />
      </>
    );
  }
  if (form.authorId !== session.staff.id) {
    return (
      <>
        {back}
        <Banner tone="info">
          This form is still being written by its author. You can read it once it is filed.
        </Banner>
      </>
    );
  }
  return (
    <>
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
          existing={form}
          timeZone={timeZone}
          onSaved={() => undefined}
          onSign={() => setIsSigning(true)}
        />
      )}
    </>
  );
}
