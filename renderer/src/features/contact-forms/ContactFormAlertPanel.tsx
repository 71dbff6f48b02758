import { useState } from 'react';
import { displayName } from '@shared/display-names';
import { can } from '@shared/rules/access';
import { contactKindLabels, type RestrictedParticipant } from '@shared/schemas/contact-forms';
import { hashFor } from '../../common/routes';
import { useSession } from '../../security/session-context';
import { dayAndTime } from '@shared/home-time';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useYoungPeople } from '../../common/useYoungPeople';
import { staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { alertWindowDays, useContactFormAlerts } from './useContactFormAlerts';
import { LoadedList } from '../../ui/LoadedList';
import { Panel } from '../../ui/Panel';

const verdictLabels: Record<RestrictedParticipant['verdict'], string> = {
  block: 'not allowed',
  warn: 'with conditions',
  unchecked: 'could not be checked',
};

/**
 * The manager's home screen (DESIGN rule 6): contacts recorded with a restricted
 * person taking part, like the door's overrides. A safeguarding alert: the manager checks what
 * happened and whether anyone must be told.
 */
export function ContactFormAlertPanel() {
  const { roles } = useSession();
  const [now] = useState(() => new Date());
  const alerts = useContactFormAlerts(now);
  const timeZone = useHomeTimeZone();
  const { youngPeople } = useYoungPeople();
  const names = staffNamesById(useStaffMembers());
  if (!can(roles, 'restriction:override')) return null;
  const youngPersonName = (id: string) => {
    const person = youngPeople?.find((item) => item.id === id);
    return person ? displayName(person) : 'a young person';
  };

  return (
    <Panel titleId="contact-alerts-title" title="Safeguarding: contact with restricted people">
      <LoadedList
        items={alerts}
        loading="Checking contact forms…"
        empty={
          <>No contact form in the last {alertWindowDays} days records a restricted person taking part.</>
        }
      >
        {(alerts) => (
          <>
            <p className="muted">
              These contacts went against a restriction. Check what happened and whether anyone needs to be
              told.
            </p>
            <ul>
              {alerts.map((form) => (
                <li key={form.id}>
                  <a href={hashFor('contact-forms', form.id)}>
                    {contactKindLabels[form.kind]} with {youngPersonName(form.youngPersonId)}
                  </a>{' '}
                  on {dayAndTime(form.contactStartedAt, timeZone)}, recorded by{' '}
                  {names.get(form.authorId) ?? 'a member of staff'}:{' '}
                  {form.restrictedParticipants.map((item) => (
                    <span key={item.restrictionId} className="badge badge--warn">
                      {item.name}: {verdictLabels[item.verdict]}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )}
      </LoadedList>
    </Panel>
  );
}
