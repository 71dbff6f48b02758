import { zodResolver } from '@hookform/resolvers/zod';
import { displayName, displayPersonName } from '@shared/display-names';
import { clockTimeWithSeconds } from '@shared/home-time';
import { useState, type ComponentProps } from 'react';
import { Controller, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { contactFormDeadline } from '@shared/rules/contact-form-deadline';
import { describeDueBy } from '@shared/rules/contact-form-due-text';
import {
  contactFormScreenSchema,
  contactInitiatorLabels,
  contactInitiators,
  contactKindLabels,
  contactKinds,
  type ContactForm,
  type ContactFormScreen,
  type ContactFormScreenInput,
} from '@shared/schemas/contact-forms';
import { relationshipCategoryLabels } from '@shared/schemas/people';
import { Banner } from '../../ui/Banner';
import { Field, OptionSelect } from '../../ui/Field';
import { ChoiceField, TextAreaField, TextField, TypedShortField } from '../../ui/TextField';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import { useSession } from '../../security/session-context';
import { useDraft } from '../../security/useDraft';
import { useFamilyOf } from '../../common/useFamilyOf';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useYoungPeople } from '../../common/useYoungPeople';
import { ActionRows } from './ActionRows';
import { FamilyFeelingField } from './FamilyFeelingField';
import { ViewsActedOnFields } from './ViewsActedOnFields';
import { FormReferenceLink } from './FormReferenceLink';
import { IdChoices } from '../../ui/IdChoices';
import { CommunicationNotes } from '../../ui/CommunicationNote';
import { communicationLine } from '@shared/rules/communication';
import { RestrictedParticipantsNotice } from './RestrictedParticipantsNotice';
import { contactFormDraftKey } from './contact-form-draft-key';
import type { NewFormPrefill } from './contact-form-links';
import { instantFromTyped } from './contact-form-time';
import { blankScreenValues, entryOf, screenFieldMessages, screenValuesOf } from './contact-form-values';
import { fieldLabelOf, problemSummary } from './contact-form-field-labels';
import { useContactFormRepository } from './useContactFormRepository';
import { useDueHours } from './useContactFormSettings';
import { useRestrictedPreview } from './useRestrictedPreview';
import { SubmitForm } from '../../ui/SubmitForm';
import { CheckboxField } from '../../ui/CheckboxField';
import { OpeningPanel } from '../../ui/OpeningPanel';

type Props = {
  /** The form's id: a new form has one from the moment it opens, and its draft is kept under it. */
  readonly formId: string;
  /** The form as stored; none for a contact nobody booked until its first save makes it. */
  readonly existing: ContactForm | undefined;
  /** For a new form: the young person and kind of contact chosen already. */
  readonly prefill?: NewFormPrefill | undefined;
  readonly timeZone: string;
  /** After each save, with the form as stored. */
  readonly onSaved?: ((form: ContactForm) => void) | undefined;
  /** Shown beside Save for a stored draft: opens signing. */
  readonly onSign?: (() => void) | undefined;
};

/** Everything the policy asks a contact form to hold (DESIGN: contact forms), kept as a sealed draft while typed. */
export function ContactFormEditor({ formId, existing, prefill, timeZone, onSaved, onSign }: Props) {
  const session = useSession();
  const repository = useContactFormRepository();
  const { youngPeople } = useYoungPeople();
  const staff = useStaffMembers();
  const activeStaff = (staff ?? []).filter((member) => member.isActive);
  const dueHours = useDueHours();
  const [failure, setFailure] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  // The form as this screen last stored it: a second Save of a new form changes it, never starts another.
  const [savedHere, setSavedHere] = useState<ContactForm | undefined>();
  const stored = savedHere ?? existing;
  const form = useForm<ContactFormScreenInput, unknown, ContactFormScreen>({
    resolver: zodResolver(contactFormScreenSchema),
    defaultValues: existing
      ? screenValuesOf(existing, timeZone)
      : blankScreenValues(session.staff.id, prefill),
  });
  const draft = useDraft(contactFormDraftKey(formId), form);
  const { errors, isSubmitting } = form.formState;
  const youngPersonId = useWatch({ control: form.control, name: 'youngPersonId' });
  const isConcern = useWatch({ control: form.control, name: 'isSafeguardingConcern' });
  const chosenPersonIds = useWatch({ control: form.control, name: 'personIds' });
  const family = useFamilyOf(youngPersonId ?? '');
  const youngPerson = youngPeople?.find((item) => item.id === youngPersonId);
  const theirName = youngPerson ? youngPerson.preferredName || youngPerson.firstName : 'the young person';
  const [contactDate, startTime, durationMinutes] = useWatch({
    control: form.control,
    name: ['contactDate', 'startTime', 'durationMinutes'],
  });
  const dueAt = dueAtOf(stored, contactDate, startTime, durationMinutes, timeZone, dueHours);
  const restrictedNow = useRestrictedPreview(form.control, timeZone, stored?.youngPersonId);
  const notYetMarked = restrictedNow.filter(
    (item) => !stored?.restrictedParticipants.some((marked) => marked.restrictionId === item.restrictionId),
  );

  const submit = form.handleSubmit(
    async (values) => {
      setSaved(undefined);
      setFailure(undefined);
      const entry = entryOf(values, timeZone);
      if (!entry) {
        form.setError(
          'startTime',
          { message: 'That time does not exist on that day (the clocks went forward). Check it.' },
          { shouldFocus: true },
        );
        return;
      }
      const result = stored
        ? await repository.save(session, stored.id, entry)
        : await repository.start(session, values.youngPersonId, entry, formId);
      if (!result.ok) {
        // A message that belongs to a field is shown there only; the banner is for the rest.
        if (!applyFieldErrors(screenFieldMessages(result.error.fields), form.setError))
          setFailure(result.error.message);
        return;
      }
      await draft.clear();
      form.reset(screenValuesOf(result.value, timeZone));
      setSavedHere(result.value);
      setSaved(
        `Saved. ${describeDueBy(result.value.dueAt, new Date(), timeZone)}. It is not filed yet: sign and file it when it is complete.`,
      );
      onSaved?.(result.value);
    },
    (problems) => setFailure(problemSummary(problems as FieldErrors)),
  );

  return (
    <OpeningPanel
      titleId="contact-form-title"
      title={
        <>
          {stored?.amendsFormId ? 'Addendum' : 'Contact form'} {stored ? stored.reference : '(new)'}
        </>
      }
      className="panel contact-form"
    >
      <SubmitForm label="Contact form" onSubmit={submit}>
        {failure ? <Banner tone="error">{failure}</Banner> : null}
        {saved ? <Banner tone="success">{saved}</Banner> : null}
        {draft.restored && !failure && !saved ? (
          <Banner tone="info">
            We kept what you were typing, as it was at {clockTimeWithSeconds(draft.restored.at, timeZone)}
            {stored ? ' (not saved yet)' : ' (this form has not been saved yet)'}:{' '}
            {draft.restored.fields.map(fieldLabelOf).join(', ')}. Check it, then save.
          </Banner>
        ) : null}
        {stored?.amendmentReason ? (
          <Banner tone="info">
            This addendum corrects{' '}
            {stored.amendsFormId ? (
              <FormReferenceLink
                formId={stored.amendsFormId}
                reference={stored.reference.replace(/-A\d+$/, '')}
              />
            ) : (
              'a filed form'
            )}
            , whose signed file has SHA-256 <span className="hash">{stored.amendsSha256}</span>. Why:{' '}
            {stored.amendmentReason}
          </Banner>
        ) : null}
        {stored ? <RestrictedParticipantsNotice participants={stored.restrictedParticipants} /> : null}

        <h3>The contact</h3>
        {stored ? (
          <p>
            <strong>Young person:</strong> {youngPerson ? displayName(youngPerson) : '…'}
          </p>
        ) : (
          <Field label="Young person" error={errors.youngPersonId?.message}>
            {(wiring) => (
              // Controlled: a kept draft can come back before the list of young people has loaded.
              <Controller
                control={form.control}
                name="youngPersonId"
                render={({ field }) => (
                  <OptionSelect
                    {...wiring}
                    name={field.name}
                    ref={field.ref}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    emptyLabel="Choose…"
                    options={(youngPeople ?? []).map((item) => ({
                      value: item.id,
                      label: displayName(item),
                    }))}
                  />
                )}
              />
            )}
          </Field>
        )}
        <ChoiceField
          form={form}
          name="kind"
          label="Kind of contact"
          values={contactKinds}
          labels={contactKindLabels}
        />
        <div className="form__row">
          <TypedShortField
            form={form}
            name="contactDate"
            label="Date"
            hint="Day/month/year, for example 26/10/2026."
          />
          <TypedShortField
            form={form}
            name="startTime"
            label="Started at"
            hint="The home’s time, 24-hour clock, for example 18:30."
          />
          <TextField
            form={form}
            name="durationMinutes"
            label="How long (minutes)"
            options={{ valueAsNumber: true }}
            type="number"
            min={1}
            inputMode="numeric"
            className="input input--short"
          />
        </div>
        <p className="contact-form__due" aria-live="polite">
          {dueAt ? `${describeDueBy(dueAt, new Date(), timeZone)}.` : null}
        </p>
        <ChoiceField
          form={form}
          name="initiatedBy"
          label="Who started it?"
          values={contactInitiators}
          labels={contactInitiatorLabels}
        />

        <h3>Who took part</h3>
        <Controller
          control={form.control}
          name="personIds"
          render={participantChoices({
            legend: 'Family and friends',
            hint: 'From the young person’s people on the register.',
            choices: (family ?? []).map(({ person, relationship }) => ({
              id: person.id,
              label: displayPersonName(person),
              note: relationship.relationship || relationshipCategoryLabels[relationship.category],
            })),
            emptyText: youngPersonId
              ? 'Nobody is on the register for this young person yet.'
              : 'Choose the young person first.',
          })}
        />
        <CommunicationNotes
          people={(family ?? [])
            .filter(({ person }) => (chosenPersonIds ?? []).includes(person.id))
            .map(({ person }) => ({
              id: person.id,
              name: displayPersonName(person),
              text: communicationLine(person),
            }))}
        />
        <Controller
          control={form.control}
          name="staffIds"
          render={participantChoices({
            legend: 'Staff',
            choices: (staff ?? [])
              .filter((member) => member.isActive)
              .map((member) => ({ id: member.id, label: member.name })),
            emptyText: 'No staff accounts yet.',
          })}
        />
        <TextField
          form={form}
          name="otherParticipants"
          label="Anyone else (optional)"
          hint="Names separated by commas, with their role in brackets: “Ms Green (teacher)”."
          autoComplete="off"
        />
        <div aria-live="polite">
          <RestrictedParticipantsNotice participants={notYetMarked} when="beforeSaving" />
        </div>

        <h3>What happened</h3>
        <TextAreaField
          form={form}
          name="whatHappened"
          label="What happened"
          hint="What was said and done, in order. Facts first; say where something is your opinion."
          rows={6}
        />
        <TextAreaField
          form={form}
          name="youngPersonViews"
          label={
            youngPerson
              ? `${theirName}’s own views and feelings`
              : 'The young person’s own views and feelings'
          }
          hint="In their own words where you can: quote what they said."
          rows={4}
          className="input contact-form__voice"
        />
        <ViewsActedOnFields form={form} staff={activeStaff} theirName={theirName} />
        <TextAreaField form={form} name="familyViews" label="The family’s views" rows={3} />
        <FamilyFeelingField form={form} />
        <TextAreaField
          form={form}
          name="concerns"
          label="Concerns"
          hint="Anything that worried you or anyone else."
          rows={3}
        />
        <CheckboxField form={form} name="isSafeguardingConcern" label="This is a safeguarding concern" />
        {isConcern ? (
          <p className="field__hint">
            Follow the safeguarding procedure now as well: tell the designated safeguarding lead today. The
            manager is alerted when you file.
          </p>
        ) : null}

        <ActionRows form={form} staff={activeStaff} />

        <h3>Next contact</h3>
        <TextField
          form={form}
          name="nextContactPlanned"
          label="Next contact planned"
          hint="What is planned next, for example “Phone call with Mum on Sunday”."
        />
        <TypedShortField
          form={form}
          name="nextContactOn"
          label="Date of the next contact (optional)"
          hint="Day/month/year."
        />

        <div className="form__actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            Save
          </button>
          {onSign ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={onSign}
              disabled={isSubmitting || form.formState.isDirty}
            >
              Sign and file…
            </button>
          ) : null}
        </div>
        {onSign && form.formState.isDirty ? (
          <p className="field__hint">Save your changes before signing.</p>
        ) : null}
      </SubmitForm>
    </OpeningPanel>
  );
}

/** What a Controller gives its render for one of the form's lists of ids. */
type ControlledIds = {
  readonly field: {
    readonly value: readonly string[] | undefined;
    readonly onChange: (ids: string[]) => void;
  };
};

/** Who took part, family or staff: ticks held as the form's list of their ids. */
function participantChoices(
  list: Pick<ComponentProps<typeof IdChoices>, 'legend' | 'hint' | 'choices' | 'emptyText'>,
) {
  return function ParticipantChoices({ field }: ControlledIds) {
    return (
      <IdChoices
        {...list}
        listClassName="contact-form__choices"
        value={field.value}
        onChange={field.onChange}
      />
    );
  };
}

/**
 * When the form will be due, from what is on the screen now (or, for an addendum, its own clock):
 * shown as soon as the date, time and length read as real. Undefined until then.
 */
function dueAtOf(
  stored: ContactForm | undefined,
  contactDate: string,
  startTime: string,
  durationMinutes: number,
  timeZone: string,
  dueHours: number | undefined,
): string | undefined {
  if (stored?.amendsFormId) return stored.dueAt;
  const startedAt = instantFromTyped(contactDate, startTime, timeZone);
  if (!startedAt || dueHours === undefined || !Number.isInteger(durationMinutes) || durationMinutes < 1)
    return undefined;
  return contactFormDeadline(
    new Date(Date.parse(startedAt) + durationMinutes * 60_000).toISOString(),
    dueHours,
  );
}
