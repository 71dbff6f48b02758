import { hashFor } from '../../common/routes';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { CaseFileQueuePanel } from './CaseFileQueuePanel';
import { ContactFormEditor } from './ContactFormEditor';
import { ContactFormPage } from './ContactFormPage';
import { ContactFormSettingsForm } from './ContactFormSettingsForm';
import { ExportFormsPanel } from './ExportFormsPanel';
import { OwedFormsPanel } from './OwedFormsPanel';
import './contact-forms.css';

/** Contact forms: what you owe, a new form, one form (`#/contact-forms/<id>`), copies waiting, export. */
export function ContactFormsScreen({ formId }: { readonly formId: string | undefined }) {
  const timeZone = useHomeTimeZone();
  if (formId === 'new') {
    return (
      <div className="page">
        <h1>Record a contact</h1>
        <p>
          <a href={hashFor('contact-forms')}>Back to contact forms</a>
        </p>
        <ContactFormEditor
          existing={undefined}
          timeZone={timeZone}
          onSaved={(form) => (window.location.hash = hashFor('contact-forms', form.id).slice(1))}
        />
      </div>
    );
  }
  if (formId) {
    return (
      <div className="page">
        <h1>Contact form</h1>
        <ContactFormPage formId={formId} />
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
      <OwedFormsPanel />
      <CaseFileQueuePanel />
      <ExportFormsPanel />
      <ContactFormSettingsForm />
    </div>
  );
}
