import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { displayPersonName } from '@shared/display-names';
import type { Person, Relationship } from '@shared/schemas/people';
import {
  contactArrangementFormSchema,
  contactPlanAgreedBy,
  contactPlanAgreedByLabels,
  contactPlanFrequencies,
  contactPlanFrequencyLabels,
  contactPlanKindLabels,
  contactPlanKinds,
  type ContactArrangement,
  type ContactArrangementFormInput,
  type ContactArrangementForm as FormValues,
} from '@shared/schemas/contact-plans';
import { Field, DateInput, TextInput, ChoiceSelect } from '../../ui/Field';
import { FormNotices } from '../../ui/FormNotices';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen';
import { blankAsUndefined } from '../../ui/blank-as-undefined';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { ContactPlanRepository } from '../../db/repositories/contact-plan-repository';
import { useSession } from '../../security/session-context';
import { FormActions } from '../../ui/FormActions';

type Props = {
  readonly repository: ContactPlanRepository;
  readonly youngPersonId: string;
  readonly youngPersonName: string;
  readonly today: string;
  readonly family: readonly { readonly person: Person; readonly relationship: Relationship }[];
  /** The arrangement being changed (a new version), or none to record one. */
  readonly existing?: ContactArrangement | undefined;
  readonly onDone: (saved: ContactArrangement | undefined) => void;
};

function defaultsFrom(youngPersonId: string, today: string, existing?: ContactArrangement) {
  if (!existing)
    return {
      youngPersonId,
      where: '',
      supervisedBy: '',
      wording: '',
      agreedByName: '',
      startsOn: today,
      supervision: 'unsupervised',
    } satisfies Partial<ContactArrangementFormInput>;
  const {
    agreement,
    id: _id,
    version: _v,
    firstRecordedAt: _f,
    recordedAt: _r,
    recordedById: _b,
    ...rest
  } = existing;
  return { ...rest, ...agreement };
}

function personName(family: Props['family'], personId: string): string {
  const found = family.find((entry) => entry.person.id === personId)?.person;
  return found ? displayPersonName(found) : 'this family member';
}

/** Records an arrangement of a young person's contact plan, or changes one (kept as a new version). */
export function ContactArrangementForm({
  repository,
  youngPersonId,
  youngPersonName,
  today,
  family,
  existing,
  onDone,
}: Props) {
  const session = useSession();
  const headingRef = useFocusOnOpen();
  const form = useForm<ContactArrangementFormInput, unknown, FormValues>({
    resolver: zodResolver(contactArrangementFormSchema),
    defaultValues: defaultsFrom(youngPersonId, today, existing),
  });
  const { errors, isSubmitting } = form.formState;
  const optional = { setValueAs: blankAsUndefined };
  const { submit, failure } = useRecordSubmit(
    form,
    (values) =>
      existing
        ? repository.change(session, existing.id, existing.version, values)
        : repository.record(session, values),
    (saved) => onDone(saved),
  );
  const title = existing ? 'Change an arrangement' : `Add to ${youngPersonName}’s contact plan`;
  return (
    <section className="panel" aria-labelledby="contact-arrangement-title">
      <h3 id="contact-arrangement-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <form onSubmit={submit} noValidate className="form" aria-label={title}>
        <FormNotices failure={failure} />
        <fieldset className="fieldset">
          <legend>What is agreed</legend>
          {existing ? (
            <p>
              With {personName(family, existing.personId)}: an arrangement stays with the same person. Record
              a new one for someone else.
            </p>
          ) : (
            <Field label="Family member or significant person" error={errors.personId?.message}>
              {(wiring) => (
                <select className="input" {...wiring} {...form.register('personId')}>
                  <option value="">Choose…</option>
                  {family.map(({ person, relationship }) => (
                    <option key={person.id} value={person.id}>
                      {displayPersonName(person)} ({relationship.relationship})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label="Kind of contact" error={errors.kind?.message}>
            {(wiring) => (
              <ChoiceSelect
                {...wiring}
                {...form.register('kind')}
                values={contactPlanKinds}
                labels={contactPlanKindLabels}
              />
            )}
          </Field>
          <Field label="How often" error={errors.frequency?.message}>
            {(wiring) => (
              <ChoiceSelect
                {...wiring}
                {...form.register('frequency')}
                values={contactPlanFrequencies}
                labels={contactPlanFrequencyLabels}
              />
            )}
          </Field>
          <Field
            label="Where (optional)"
            hint="For example “the home’s family room” or “Nan’s house”."
            error={errors.where?.message}
          >
            {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('where')} />}
          </Field>
          <Field label="Supervision" error={errors.supervision?.message}>
            {(wiring) => (
              <select className="input" {...wiring} {...form.register('supervision')}>
                <option value="unsupervised">Unsupervised</option>
                <option value="supervised">Supervised</option>
              </select>
            )}
          </Field>
          <Field
            label="Supervised by (if supervised)"
            hint="For example “a member of the care team” or “the contact centre”."
            error={errors.supervisedBy?.message}
          >
            {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('supervisedBy')} />}
          </Field>
          <Field
            label="In the plan’s own words (optional)"
            hint="Copied from the placement plan. Staff see it when a booking does not match."
            error={errors.wording?.message}
          >
            {(wiring) => <textarea className="input" rows={2} {...wiring} {...form.register('wording')} />}
          </Field>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Who agreed it</legend>
          <Field label="Agreed by" error={errors.agreedBy?.message}>
            {(wiring) => (
              <ChoiceSelect
                {...wiring}
                {...form.register('agreedBy')}
                values={contactPlanAgreedBy}
                labels={contactPlanAgreedByLabels}
              />
            )}
          </Field>
          <Field
            label="Name"
            hint="The person or body, for example “Jo Price, Leeds social care”. Care staff do not see this."
            error={errors.agreedByName?.message}
          >
            {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('agreedByName')} />}
          </Field>
          <Field label="Agreed on" error={errors.agreedOn?.message}>
            {(wiring) => <DateInput {...wiring} {...form.register('agreedOn')} />}
          </Field>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Dates</legend>
          <Field label="Starts on" error={errors.startsOn?.message}>
            {(wiring) => <DateInput {...wiring} {...form.register('startsOn')} />}
          </Field>
          <Field label="Review by (optional)" error={errors.reviewOn?.message}>
            {(wiring) => <DateInput {...wiring} {...form.register('reviewOn', optional)} />}
          </Field>
          <Field
            label="Ends on (optional)"
            hint="Leave empty if it has no end date."
            error={errors.endsOn?.message}
          >
            {(wiring) => <DateInput {...wiring} {...form.register('endsOn', optional)} />}
          </Field>
        </fieldset>
        <FormActions
          submitLabel={existing ? 'Save as a new version' : 'Add to the plan'}
          isBusy={isSubmitting}
          onCancel={() => onDone(undefined)}
        />
      </form>
    </section>
  );
}
