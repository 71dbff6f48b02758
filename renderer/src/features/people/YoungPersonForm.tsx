import { zodResolver } from '@hookform/resolvers/zod';
import { displayName } from '@shared/display-names';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  youngPersonFormSchema,
  type YoungPerson,
  type YoungPersonForm as FormOutput,
} from '@shared/schemas/people';
import type { StaffMember } from '@shared/schemas/staff';
import { Field, DateInput, TextInput } from '../../ui/Field';
import { FormNotices } from '../../ui/FormNotices';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { YoungPeopleRepository } from '../../db/repositories/young-people-repository';
import { useSession } from '../../security/session-context';
import { useDraft } from '../../security/useDraft';
import { blankAsUndefined } from '../../ui/blank-as-undefined';
import { StaffSelect } from './StaffSelect';
import { FormActions } from '../../ui/FormActions';

type FormInput = z.input<typeof youngPersonFormSchema>;

type Props = {
  readonly repository: YoungPeopleRepository;
  /** The young person being changed, or undefined to add one. */
  readonly existing: YoungPerson | undefined;
  /** Loaded before the form opens, so a saved PT, CC or mentor is selected from the start. */
  readonly staff: readonly StaffMember[];
  readonly onDone: (saved: YoungPerson | undefined) => void;
};

const blank: FormInput = {
  caseNumber: '',
  firstName: '',
  lastName: '',
  preferredName: '',
  dateOfBirth: '',
  placementStartsOn: '',
  placingAuthority: '',
  socialWorker: '',
};

function valuesOf({ id: _id, ...rest }: YoungPerson): FormInput {
  return rest;
}

/** Adds a young person or changes their details. Nothing is saved unless all of it is sound. */
export function YoungPersonForm({ repository, existing, staff, onDone }: Props) {
  const session = useSession();
  const headingRef = useFocusOnOpen();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(youngPersonFormSchema),
    defaultValues: existing ? valuesOf(existing) : blank,
  });
  const { errors, isSubmitting } = form.formState;
  const draft = useDraft(existing ? `young-person:${existing.id}` : 'young-person:new', form);
  const optional = { setValueAs: blankAsUndefined };

  const { submit, failure } = useRecordSubmit(
    form,
    (values) => repository.save(session, values, existing?.id),
    async (saved) => {
      await draft.clear();
      onDone(saved);
    },
  );

  const title = existing ? `Edit ${displayName(existing)}’s details` : 'Add a young person';
  return (
    <section className="panel" aria-labelledby="young-person-form-title">
      <h2 id="young-person-form-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <form onSubmit={submit} noValidate className="form" aria-label={title}>
        <FormNotices failure={failure} draftRestoredAt={draft.restoredAt} />
        <fieldset className="fieldset">
          <legend>Name and case</legend>
          <Field label="First name" error={errors.firstName?.message}>
            {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('firstName')} />}
          </Field>
          <Field label="Last name" error={errors.lastName?.message}>
            {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('lastName')} />}
          </Field>
          <Field
            label="Preferred name (optional)"
            hint="The name they like to be called, if it is not their first name."
            error={errors.preferredName?.message}
          >
            {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('preferredName')} />}
          </Field>
          <Field label="Date of birth" error={errors.dateOfBirth?.message}>
            {(wiring) => <DateInput {...wiring} {...form.register('dateOfBirth')} />}
          </Field>
          <Field label="Case number" hint="As on their case file." error={errors.caseNumber?.message}>
            {(wiring) => (
              <TextInput
                {...wiring}
                className="input input--short"
                spellCheck={false}
                {...form.register('caseNumber')}
              />
            )}
          </Field>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Placement</legend>
          <Field label="Placement started" error={errors.placementStartsOn?.message}>
            {(wiring) => <DateInput {...wiring} {...form.register('placementStartsOn')} />}
          </Field>
          <Field
            label="Placement ends (optional)"
            hint="Leave empty if no end date is planned."
            error={errors.placementEndsOn?.message}
          >
            {(wiring) => <DateInput {...wiring} {...form.register('placementEndsOn', optional)} />}
          </Field>
          <Field label="Placing authority (optional)" error={errors.placingAuthority?.message}>
            {(wiring) => <TextInput {...wiring} {...form.register('placingAuthority')} />}
          </Field>
          <Field label="Social worker (optional)" error={errors.socialWorker?.message}>
            {(wiring) => <TextInput {...wiring} {...form.register('socialWorker')} />}
          </Field>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Key staff</legend>
          <StaffSelect
            label="Personal Tutor"
            role="personalTutor"
            staff={staff}
            currentId={existing?.personalTutorId}
            registration={form.register('personalTutorId', optional)}
            error={errors.personalTutorId?.message}
          />
          <StaffSelect
            label="Case Co-ordinator"
            role="caseCoordinator"
            staff={staff}
            currentId={existing?.caseCoordinatorId}
            registration={form.register('caseCoordinatorId', optional)}
            error={errors.caseCoordinatorId?.message}
          />
          <StaffSelect
            label="Learning Mentor"
            role="learningMentor"
            staff={staff}
            currentId={existing?.learningMentorId}
            registration={form.register('learningMentorId', optional)}
            error={errors.learningMentorId?.message}
          />
        </fieldset>
        <FormActions
          submitLabel={existing ? 'Save changes' : 'Add young person'}
          isBusy={isSubmitting}
          onCancel={() => void draft.clear().then(() => onDone(undefined))}
        />
      </form>
    </section>
  );
}
