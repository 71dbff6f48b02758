import { displayName, displayPersonName } from '@shared/display-names';
import { contactInitiatorLabels, contactKindLabels, type ContactForm } from '@shared/schemas/contact-forms';
import { formatDeadlineInstant } from '@shared/rules/contact-form-deadline';
import { voicesCopy } from '@shared/rules/contact-form-filing';
import { formatUkDate } from '@shared/format-dates';
import { hashFor } from '../../common/routes';
import { Banner } from '../../ui/Banner';
import { staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useFamilyOf } from '../../common/useFamilyOf';
import { useYoungPeople } from '../../common/useYoungPeople';
import { AddendumForm } from './AddendumForm';
import { FormReferenceLink } from './FormReferenceLink';
import { RestrictedParticipantsNotice } from './RestrictedParticipantsNotice';
import { SignedCopySection } from './SignedCopySection';
import { isLateOrOverdue, statusOf, statusText } from './contact-form-status-text';
import { Panel } from '../../ui/Panel';

/** A form filed before the form asked the voices questions. */
const notAsked = 'Not asked (the form did not ask this then)';

type Props = {
  readonly form: ContactForm;
  readonly addenda: readonly ContactForm[];
  readonly isCopyWaiting: boolean;
  readonly timeZone: string;
};

/**
 * A filed form as it was signed: whose it is, the signed copy itself with its signature status,
 * the form read only, its clock, its file's SHA-256 and its addenda.
 */
export function ContactFormView({ form, addenda, isCopyWaiting, timeZone }: Props) {
  const staffNames = staffNamesById(useStaffMembers());
  const family = useFamilyOf(form.youngPersonId);
  const { youngPeople } = useYoungPeople();
  const youngPerson = youngPeople?.find((item) => item.id === form.youngPersonId);
  const youngPersonName = youngPerson ? displayName(youngPerson) : 'the young person';
  const voices = voicesCopy(form, Object.fromEntries(staffNames));
  const status = statusOf(form, new Date());
  const at = (iso: string) => formatDeadlineInstant(iso, timeZone);
  const personName = (id: string) => {
    const found = family?.find((item) => item.person.id === id);
    return found
      ? `${displayPersonName(found.person)} (${found.relationship.relationship})`
      : 'Someone no longer on the register';
  };

  return (
    <Panel
      titleId="filed-form-title"
      title={
        <>
          {form.amendsFormId ? 'Addendum' : 'Contact form'} {form.reference}
        </>
      }
      className="panel contact-form"
    >
      <p className="contact-form__whose">
        {contactKindLabels[form.kind]} with{' '}
        {youngPerson ? (
          <a href={hashFor('young-people', youngPerson.id)}>{youngPersonName}</a>
        ) : (
          youngPersonName
        )}
      </p>
      <p>
        <span className={isLateOrOverdue(status) ? 'badge badge--warn' : 'badge'}>
          {statusText(form, new Date())}
        </span>{' '}
        Signed and filed by {staffNames.get(form.authorId) ?? 'a member of staff'}
        {form.filedAt ? ` on ${at(form.filedAt)}` : ''}. It cannot be changed.
      </p>
      {isCopyWaiting ? (
        <Banner tone="info">
          The signed copy is waiting for the case-file folder, which could not be written to. The form itself
          is filed and safe here; Family Links keeps trying to write the copy.
        </Banner>
      ) : null}
      <RestrictedParticipantsNotice participants={form.restrictedParticipants} />
      <SignedCopySection
        form={form}
        youngPersonName={youngPersonName}
        staffName={(id) => (id ? staffNames.get(id) : undefined) ?? 'a member of staff'}
        timeZone={timeZone}
      />
      <h3>The form</h3>
      <dl className="details">
        <dt>Young person</dt>
        <dd>{youngPersonName}</dd>
        <dt>Kind of contact</dt>
        <dd>{contactKindLabels[form.kind]}</dd>
        <dt>When</dt>
        <dd>
          {at(form.contactStartedAt)} to {at(form.contactEndedAt)}
        </dd>
        <dt>Due by</dt>
        <dd>{at(form.dueAt)}</dd>
        <dt>Who started it</dt>
        <dd>{form.initiatedBy ? contactInitiatorLabels[form.initiatedBy] : 'Not recorded'}</dd>
        <dt>Who took part</dt>
        <dd>
          {[
            ...form.personIds.map(personName),
            ...form.staffIds.map((id) => `${staffNames.get(id) ?? 'A member of staff'} (staff)`),
            form.otherParticipants,
          ]
            .filter(Boolean)
            .join(', ') || 'Not recorded'}
        </dd>
        <dt>What happened</dt>
        <dd className="contact-form__text">{form.whatHappened}</dd>
        <dt>The young person’s own views and feelings</dt>
        <dd className="contact-form__text contact-form__voice">{form.youngPersonViews || 'Not recorded'}</dd>
        <dt>How their views were used</dt>
        <dd className="contact-form__text">{voices ? voices.viewsUsed || 'Not recorded' : notAsked}</dd>
        <dt>Told them what happened next</dt>
        <dd>
          {voices
            ? voices.toldNext
              ? `On ${formatUkDate(voices.toldNext.on)}, by ${voices.toldNext.by}`
              : 'Not yet recorded'
            : notAsked}
        </dd>
        <dt>The family’s views</dt>
        <dd className="contact-form__text">{form.familyViews || 'Not recorded'}</dd>
        <dt>How the family felt about our work</dt>
        <dd className="contact-form__text">
          {voices ? [voices.familyFeeling, voices.familyFeelingWords].filter(Boolean).join(': ') : notAsked}
        </dd>
        <dt>Concerns</dt>
        <dd className="contact-form__text">
          {form.isSafeguardingConcern ? (
            <>
              <span className="badge badge--warn">Safeguarding concern</span>{' '}
            </>
          ) : null}
          {form.concerns || 'None recorded'}
        </dd>
        <dt>Actions</dt>
        <dd>
          {form.actions.length === 0 ? (
            'None'
          ) : (
            <ul>
              {form.actions.map((action, index) => (
                <li key={index}>
                  {action.action}:{' '}
                  {[action.ownerStaffId ? staffNames.get(action.ownerStaffId) : undefined, action.ownerName]
                    .filter(Boolean)
                    .join(', ')}
                  {action.dueOn ? `, by ${action.dueOn}` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Next contact planned</dt>
        <dd>{[form.nextContactPlanned, form.nextContactOn].filter(Boolean).join(', ') || 'Not recorded'}</dd>
        {form.amendsSha256 ? (
          <>
            <dt>Corrects</dt>
            <dd>
              {form.amendsFormId ? (
                <FormReferenceLink
                  formId={form.amendsFormId}
                  reference={form.reference.replace(/-A\d+$/, '')}
                />
              ) : null}
            </dd>
            <dt>Corrects the file with SHA-256</dt>
            <dd className="hash">{form.amendsSha256}</dd>
            <dt>Why</dt>
            <dd>{form.amendmentReason}</dd>
          </>
        ) : null}
        <dt>Signed file’s SHA-256</dt>
        <dd className="hash">{form.signedPdfSha256}</dd>
      </dl>

      <h3>Addenda</h3>
      {addenda.length === 0 ? (
        <p className="muted">No corrections.</p>
      ) : (
        <ul>
          {addenda.map((addendum) => (
            <li key={addendum.id}>
              <FormReferenceLink formId={addendum.id} reference={addendum.reference} /> (
              {addendum.status === 'filed' ? 'filed' : 'being written'}): {addendum.amendmentReason}
            </li>
          ))}
        </ul>
      )}
      {form.amendsFormId ? null : <AddendumForm formId={form.id} />}
    </Panel>
  );
}
