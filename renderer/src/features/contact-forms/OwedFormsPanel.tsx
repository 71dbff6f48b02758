import { useEffect, useState } from 'react';
import { displayName } from '@shared/display-names';
import { contactKindLabels } from '@shared/schemas/contact-forms';
import { formatDeadlineInstant } from '@shared/rules/contact-form-deadline';
import { hashFor } from '../../common/routes';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useYoungPeople } from '../../common/useYoungPeople';
import { isLateOrOverdue, statusOf, statusText } from './contact-form-status-text';
import { useOwedForms } from './useOwedForms';
import { FormReferenceLink } from './FormReferenceLink';
import { Panel } from '../../ui/Panel';

const tickMs = 30_000;

/** Everyone's home screen: the contact forms they still owe, soonest due first, with the time left or how late. */
export function OwedFormsPanel() {
  const owed = useOwedForms();
  const timeZone = useHomeTimeZone();
  const { youngPeople } = useYoungPeople();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), tickMs);
    return () => window.clearInterval(timer);
  }, []);
  const names = new Map((youngPeople ?? []).map((person) => [person.id, displayName(person)]));

  return (
    <Panel titleId="owed-forms-title" title="Contact forms you owe">
      {owed === undefined ? (
        <p role="status">Checking your contact forms…</p>
      ) : owed.forms.length === 0 ? (
        <p className="empty">None: every contact you recorded has its form filed.</p>
      ) : (
        <>
          <p className="muted">Each is due {owed.dueHours} hours after the contact ended. Soonest first.</p>
          <ul className="owed-forms">
            {owed.forms.map((form) => {
              const status = statusOf(form, now);
              return (
                <li key={form.id}>
                  <a href={hashFor('contact-forms', form.id)}>
                    {form.amendsFormId ? 'Addendum: ' : ''}
                    {contactKindLabels[form.kind]} with {names.get(form.youngPersonId) ?? 'a young person'}
                  </a>{' '}
                  <span className="muted">
                    (ref <FormReferenceLink formId={form.id} reference={form.reference} />, due{' '}
                    {formatDeadlineInstant(form.dueAt, timeZone)})
                  </span>{' '}
                  <span className={isLateOrOverdue(status) ? 'badge badge--warn' : 'badge'}>
                    {statusText(form, now)}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Panel>
  );
}
