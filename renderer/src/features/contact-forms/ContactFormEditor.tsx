import { zodResolver } from '@hookform/resolvers/zod';
import { displayName, displayPersonName } from '@shared/display-names';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
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
import { Field, TextInput } from '../../ui/Field';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import { useSession } from '../../security/session-context';
import { useDraft } from '../../security/useDraft';
import { useFamilyOf } from '../../common/useFamilyOf';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useYoungPeople } from '../../common/useYoungPeople';
import { ActionRows } from './ActionRows';
import { IdChoices } from './IdChoices';
import { RestrictedParticipantsNotice } from './RestrictedParticipantsNotice';
import { blankScreenValues, entryOf, screenValuesOf } from './contact-form-values';
import { useContactFormRepository } from './useContactFormRepository';
import { useRestrictedPreview } from './useRestrictedPreview';

type Props = {
  /** The draft being written; none for a contact nobody booked (the form is made on first save). */
  readonly existing: ContactForm | undefined;
  readonly timeZone: string;
  readonly onSaved: (form: ContactForm) => void;
  /** Shown beside Save for a stored draft: opens signing. */
  readonly onSign?: (() => void) | undefined;
};

/**
 * Everything the policy asks a contact form to hold (DESIGN: contact forms), kept as a sealed draft while
 * typed.
 */
export function ContactFormEditor({ existing, timeZone, onSaved, onSign }: Props) {
  const session = useSession();
  const repository = useContactFormRepository();
  const { youngPeople } = useYoungPeople();
  const staff = useStaffMembers();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [failure, setFailure] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const form = useForm<ContactFormScreenInput, unknown, ContactFormScreen>({
    resolver: zodResolver(contactFormScreenSchema),
    defaultValues: existing
      ? screenValuesOf(existing, timeZone)
      : blankScreenValues(new Date(), timeZone, session.staff.id),
  });
  const draft = useDraft(`contact-form:${existing?.id ?? 'new'}`, form);
  const { errors, isSubmitting } = form.formState;
  const youngPersonId = useWatch({ control: form.control, name: 'youngPersonId' });
  const isConcern = useWatch({ control: form.control, name: 'isSafeguardingConcern' });
  const family = useFamilyOf(youngPersonId ?? '');
  const youngPerson = youngPeople?.find((item) => item.id === youngPersonId);
  const theirName = youngPerson ? youngPerson.preferredName || youngPerson.firstName : 'the young person';
  const restrictedNow = useRestrictedPreview(form.control, timeZone, existing?.youngPersonId);
  const notYetMarked = restrictedNow.filter(
    (item) => !existing?.restrictedParticipants.some((marked) => marked.restrictionId === item.restrictionId),
  );

  useEffect(() => headingRef.current?.focus(), []);

  const submit = form.handleSubmit(
    async (values) => {
      setSaved(undefined);
      const entry = entryOf(values, timeZone);
      if (!entry) {
        form.setError('startTime', {
          message: 'That time does not exist on that day (the clocks went forward). Check it.',
        });
        setFailure('Some details need correcting. Each problem is shown beside its field.');
        return;
      }
      const result = existing
        ? await repository.save(session, existing.id, entry)
        : await repository.start(session, values.youngPersonId, entry);
      if (!result.ok) {
        applyFieldErrors(result.error.fields, form.setError);
        setFailure(result.error.message);
        return;
      }
      setFailure(undefined);
      await draft.clear();
      form.reset(screenValuesOf(result.value, timeZone));
      setSaved(`Saved. It is not filed yet: sign it when it is complete.`);
      onSaved(result.value);
    },
    () => setFailure('Some details need correcting. Each problem is shown beside its field.'),
  );

  return (
    <section className="panel contact-form" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title" ref={headingRef} tabIndex={-1}>
        {existing?.amendsFormId ? 'Addendum' : 'Contact form'} {existing ? existing.reference : '(new)'}
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="form" aria-label="Contact form">
        {failure ? <Banner tone="error">{failure}</Banner> : null}
        {saved ? <Banner tone="success">{saved}</Banner> : null}
        {draft.restoredAt && !failure ? (
          <Banner tone="info">We kept what you were typing. Check it, then save.</Banner>
        ) : null}
        {existing?.amendmentReason ? (
          <Banner tone="info">
            This addendum corrects a filed form whose signed file has SHA-256{' '}
            <span className="hash">{existing.amendsSha256}</span>. Why: {existing.amendmentReason}
          </Banner>
        ) : null}
        {existing ? <RestrictedParticipantsNotice participants={existing.restrictedParticipants} /> : null}

        <h3>The contact</h3>
        {existing ? (
          <p>
            <strong>Young person:</strong> {youngPerson ? displayName(youngPerson) : '…'}
          </p>
        ) : (
          <Field label="Young person" error={errors.youngPersonId?.message}>
            {(wiring) => (
              <select className="input" {...wiring} {...form.register('youngPersonId')}>
                <option value="">Choose…</option>
                {(youngPeople ?? []).map((item) => (
                  <option key={item.id} value={item.id}>
                    {displayName(item)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Kind of contact" error={errors.kind?.message}>
          {(wiring) => (
            <select className="input" {...wiring} {...form.register('kind')}>
              {contactKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {contactKindLabels[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form__row">
          <Field label="Date" error={errors.contactDate?.message}>
            {(wiring) => (
              <TextInput
                type="date"
                className="input input--short"
                {...wiring}
                {...form.register('contactDate')}
              />
            )}
          </Field>
          <Field label="Started at" hint="The home’s time, 24-hour clock." error={errors.startTime?.message}>
            {(wiring) => (
              <TextInput
                type="time"
                className="input input--short"
                {...wiring}
                {...form.register('startTime')}
              />
            )}
          </Field>
          <Field label="How long (minutes)" error={errors.durationMinutes?.message}>
            {(wiring) => (
              <TextInput
                type="number"
                min={1}
                inputMode="numeric"
                className="input input--short"
                {...wiring}
                {...form.register('durationMinutes', { valueAsNumber: true })}
              />
            )}
          </Field>
        </div>
        <Field label="Who started it?" error={errors.initiatedBy?.message}>
          {(wiring) => (
            <select className="input" {...wiring} {...form.register('initiatedBy')}>
              <option value="">Choose…</option>
              {contactInitiators.map((who) => (
                <option key={who} value={who}>
                  {contactInitiatorLabels[who]}
                </option>
              ))}
            </select>
          )}
        </Field>

        <h3>Who took part</h3>
        <Controller
          control={form.control}
          name="personIds"
          render={({ field }) => (
            <IdChoices
              legend="Family and friends"
              hint="From the young person’s people on the register."
              choices={(family ?? []).map(({ person, relationship }) => ({
                id: person.id,
                label: displayPersonName(person),
                note: relationship.relationship || relationshipCategoryLabels[relationship.category],
              }))}
              value={field.value}
              onChange={field.onChange}
              emptyText={
                youngPersonId
                  ? 'Nobody is on the register for this young person yet.'
                  : 'Choose the young person first.'
              }
            />
          )}
        />
        <Controller
          control={form.control}
          name="staffIds"
          render={({ field }) => (
            <IdChoices
              legend="Staff"
              choices={(staff ?? [])
                .filter((member) => member.isActive)
                .map((member) => ({ id: member.id, label: member.name }))}
              value={field.value}
              onChange={field.onChange}
              emptyText="No staff accounts yet."
            />
          )}
        />
        <Field
          label="Anyone else (optional)"
          hint="Names separated by commas, with their role in brackets: “Ms Green (teacher)”."
          error={errors.otherParticipants?.message}
        >
          {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('otherParticipants')} />}
        </Field>
        <div aria-live="polite">
          <RestrictedParticipantsNotice participants={notYetMarked} when="beforeSaving" />
        </div>

        <h3>What happened</h3>
        <Field
          label="What happened"
          hint="What was said and done, in order. Facts first; say where something is your opinion."
          error={errors.whatHappened?.message}
        >
          {(wiring) => <textarea className="input" rows={6} {...wiring} {...form.register('whatHappened')} />}
        </Field>
        <Field
          label={`${theirName}’s own views and feelings`}
          hint="In their own words where you can: quote what they said."
          error={errors.youngPersonViews?.message}
        >
          {(wiring) => (
            <textarea
              className="input contact-form__voice"
              rows={4}
              {...wiring}
              {...form.register('youngPersonViews')}
            />
          )}
        </Field>
        <Field label="The family’s views" error={errors.familyViews?.message}>
          {(wiring) => <textarea className="input" rows={3} {...wiring} {...form.register('familyViews')} />}
        </Field>
        <Field
          label="Concerns"
          hint="Anything that worried you or anyone else."
          error={errors.concerns?.message}
        >
          {(wiring) => <textarea className="input" rows={3} {...wiring} {...form.register('concerns')} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" {...form.register('isSafeguardingConcern')} />
          This is a safeguarding concern
        </label>
        {isConcern ? (
          <p className="field__hint">
            Follow the safeguarding procedure now as well: tell the designated safeguarding lead today. The
            manager is alerted when you file.
          </p>
        ) : null}

        <ActionRows form={form} staff={(staff ?? []).filter((member) => member.isActive)} />

        <h3>Next contact</h3>
        <Field
          label="Next contact planned"
          hint="What is planned next, for example “Phone call with Mum on Sunday”."
          error={errors.nextContactPlanned?.message}
        >
          {(wiring) => <TextInput {...wiring} {...form.register('nextContactPlanned')} />}
        </Field>
        <Field label="Date of the next contact (optional)" error={errors.nextContactOn?.message}>
          {(wiring) => (
            <TextInput
              type="date"
              className="input input--short"
              {...wiring}
              {...form.register('nextContactOn')}
            />
          )}
        </Field>

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
      </form>
    </section>
  );
}
