import { useEffect } from 'react';
import type { ContactFormListStatus } from '@shared/rules/contact-form-list-status';
import { hashFor } from '../../common/routes';
import { CaseFileQueuePanel } from './CaseFileQueuePanel';
import { Banner } from '../../ui/Banner';
import { ContactFormPage } from './ContactFormPage';
import { ContactFormsFinder } from './ContactFormsFinder';
import { ContactFormSettingsForm } from './ContactFormSettingsForm';
import { ExportFormsPanel } from './ExportFormsPanel';
import { MyDraftsPanel } from './MyDraftsPanel';
import { OwedFormsPanel } from './OwedFormsPanel';
import { newFormPrefix } from './contact-form-draft-key';
import { splitFormAddress, startedFormAddress, type NewFormPrefill } from './contact-form-links';
import { useFormIdByReference } from './useFormIdByReference';
import './contact-forms.css';

/**
 * "Record a contact" opens `#/contact-forms/new`, which becomes `new-<id>` at once: every new form
 * has an id of its own from the start, so its draft is its own and the next new form starts blank.
 */
function OpenNewForm({ prefill }: { readonly prefill: NewFormPrefill | undefined }) {
  useEffect(() => {
    window.location.replace(startedFormAddress(crypto.randomUUID(), prefill));
  }, [prefill]);
  return <p role="status">Opening a new form…</p>;
}

/** `#/contact-forms/CF-2026-7K3QXP`: a link made from a reference alone (an alert's text) opens the form. */
function OpenByReference({ reference }: { readonly reference: string }) {
  const formId = useFormIdByReference(reference);
  useEffect(() => {
    if (formId) window.location.replace(hashFor('contact-forms', formId));
  }, [formId]);
  if (formId === null)
    return (
      <Banner tone="error">
        No contact form you may read has the reference {reference}. Check it, or search for it under{' '}
        <a href={hashFor('contact-forms')}>Contact forms</a>.
      </Banner>
    );
  return <p role="status">Opening {reference}…</p>;
}

/** The statuses a count on the manager's home opens the list at: `#/contact-forms/overdue`. */
const listStatuses = ['overdue', 'due'] as const satisfies readonly ContactFormListStatus[];

/** The finder, scrolled into view and focused when the screen is opened at a status. */
function FinderAt({ status }: { readonly status: ContactFormListStatus | undefined }) {
  useEffect(() => {
    if (!status) return;
    const finder = document.getElementById('find-forms');
    finder?.scrollIntoView({ block: 'start' });
    finder?.focus();
  }, [status]);
  return (
    <div id="find-forms" tabIndex={-1}>
      <ContactFormsFinder key={status ?? 'all'} title="Find a contact form" initialStatus={status} />
    </div>
  );
}

/**
 * Contact forms: what you owe, your drafts, a new form, one form (`#/contact-forms/<id>`), copies
 * waiting, export; `#/contact-forms/overdue` (or `due`) opens the list at forms with that status.
 */
export function ContactFormsScreen({ formId: opened }: { readonly formId: string | undefined }) {
  const listStatus = listStatuses.find((status) => status === opened);
  const { head: formId, prefill } = splitFormAddress(listStatus ? '' : (opened ?? ''));
  if (formId === 'new') {
    return (
      <div className="page">
        <OpenNewForm prefill={prefill} />
      </div>
    );
  }
  if (formId && /^cf-/i.test(formId)) {
    return (
      <div className="page">
        <h1>Contact form {formId}</h1>
        <OpenByReference reference={formId} />
      </div>
    );
  }
  if (formId) {
    const isNew = formId.startsWith(newFormPrefix);
    const id = isNew ? formId.slice(newFormPrefix.length) : formId;
    return (
      <div className="page">
        <ContactFormPage key={id} formId={id} isNew={isNew} prefill={isNew ? prefill : undefined} />
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
      <FinderAt status={listStatus} />
      <CaseFileQueuePanel />
      <ExportFormsPanel />
      <ContactFormSettingsForm />
    </div>
  );
}
