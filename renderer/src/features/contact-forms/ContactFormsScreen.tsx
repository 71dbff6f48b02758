import { useEffect } from 'react';
import { hashFor } from '../../app/routes';
import { CaseFileQueuePanel } from './CaseFileQueuePanel';
import { ContactFormPage } from './ContactFormPage';
import { ContactFormSettingsForm } from './ContactFormSettingsForm';
import { ExportFormsPanel } from './ExportFormsPanel';
import { MyDraftsPanel } from './MyDraftsPanel';
import { OwedFormsPanel } from './OwedFormsPanel';
import { newFormPrefix } from './contact-form-draft-key';
import './contact-forms.css';

/**
 * "Record a contact" opens `#/contact-forms/new`, which becomes `new-<id>` at once: every new form
 * has an id of its own from the start, so its draft is its own and the next new form starts blank.
 */
function OpenNewForm() {
  useEffect(() => {
    window.location.replace(hashFor('contact-forms', `${newFormPrefix}${crypto.randomUUID()}`));
  }, []);
  return <p role="status">Opening a new form…</p>;
}

/** Contact forms: what you owe, your drafts, a new form, one form (`#/contact-forms/<id>`), copies waiting, export. */
export function ContactFormsScreen({ formId }: { readonly formId: string | undefined }) {
  if (formId === 'new') {
    return (
      <div className="page">
        <OpenNewForm />
      </div>
    );
  }
  if (formId) {
    const isNew = formId.startsWith(newFormPrefix);
    const id = isNew ? formId.slice(newFormPrefix.length) : formId;
    return (
      <div className="page">
        <ContactFormPage key={id} formId={id} isNew={isNew} />
      </div>
    );
  }
  return (
    <div className="page">
      <h1>Contact forms</h1>
      <p className="lede">
        After any contact, its form is due within the home’s time limit. Sign and file it; a signed copy goes
        to the young person’s case file.
      </p>
      <p>
        <a className="button" href={hashFor('contact-forms', 'new')}>
          Record a contact
        </a>
      </p>
      <MyDraftsPanel />
      <OwedFormsPanel />
      <CaseFileQueuePanel />
      <ExportFormsPanel />
      <ContactFormSettingsForm />
    </div>
  );
}
