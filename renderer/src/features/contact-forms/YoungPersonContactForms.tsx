import { contactFormScope } from '@shared/rules/contact-form-access';
import { useSession } from '../../security/session-context';
import { ContactFormsFinder } from './ContactFormsFinder';
import './contact-forms.css';

/** A young person's page: their contact forms that this person may see (none for a role without contact forms). */
export function YoungPersonContactForms({
  youngPersonId,
  youngPersonName,
}: {
  readonly youngPersonId: string;
  readonly youngPersonName: string;
}) {
  const { roles } = useSession();
  if (contactFormScope(roles).kind === 'none') return null;
  return <ContactFormsFinder youngPersonId={youngPersonId} title={`${youngPersonName}’s contact forms`} />;
}
