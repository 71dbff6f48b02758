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
import { TextField } from '../../ui/TextField';
import { TypedDateField } from '../../common/TypedDateField';
import { useDraftedRecordSubmit } from '../../common/useDraftedRecordSubmit';
import type { YoungPeopleRepository } from '../../db/repositories/young-people-repository';
import { useSession } from '../../security/session-context';
import { blankAsUndefined } from '../../ui/blank-as-undefined';
import { StaffSelect } from './StaffSelect';
import { PanelForm } from '../../ui/PanelForm';

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

/** The key staff on a record, each chosen from the colleagues who hold that role. */
const keyStaff = [
  { label: 'Personal Tutor', role: 'personalTutor', field: 'personalTutorId' },
  { label: 'Case Co-ordinator', role: 'caseCoordinator', field: 'caseCoordinatorId' },
  { label: 'Learning Mentor', role: 'learningMentor', field: 'learningMentorId' },
] as const;

function valuesOf({ id: _id, ...rest }: YoungPerson): FormInput {
  return rest;
}

/** Adds a young person or changes their details. Nothing is saved unless all of it is sound. */
export function YoungPersonForm({ repository, existing, staff, onDone }: Props) {
  const session = useSession();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(youngPersonFormSchema),
    defaultValues: existing ? valuesOf(existing) : blank,
  });
  const { errors, isSubmitting } = form.formState;
  const optional = { setValueAs: blankAsUndefined };

  const { submit, failure, draftRestoredAt, leave } = useDraftedRecordSubmit(
    form,
    existing ? `young-person:${existing.id}` : 'young-person:new',
    (values) => repository.save(session, values, existing?.id),
    onDone,
  );

  const title = existing ? `Edit ${displayName(existing)}’s details` : 'Add a young person';
  return (
    <PanelForm
      titleId="young-person-form-title"
      title={title}
      label={title}
      onSubmit={submit}
      notices={{ failure, draftRestoredAt }}
      actions={{
        submitLabel: existing ? 'Save changes' : 'Add young person',
        isBusy: isSubmitting,
        onCancel: leave,
      }}
    >
      <fieldset className="fieldset">
        <legend>Name and case</legend>
        <TextField form={form} name="firstName" label="First name" autoComplete="off" />
        <TextField form={form} name="lastName" label="Last name" autoComplete="off" />
        <TextField
          form={form}
          name="preferredName"
          label="Preferred name (optional)"
          hint="The name they like to be called, if it is not their first name."
          autoComplete="off"
        />
        <TypedDateField
          control={form.control}
          name="dateOfBirth"
          label="Date of birth"
          what="their date of birth"
        />
        <TextField
          form={form}
          name="caseNumber"
          label="Case number"
          hint="As on their case file."
          className="input input--short"
          spellCheck={false}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Placement</legend>
        <TypedDateField
          control={form.control}
          name="placementStartsOn"
          label="Placement started"
          what="the day the placement started"
        />
        <TypedDateField
          control={form.control}
          name="placementEndsOn"
          label="Placement ends (optional)"
          hint="Leave empty if no end date is planned."
          what="the day the placement ends"
          isOptional
        />
        <TextField form={form} name="placingAuthority" label="Placing authority (optional)" />
        <TextField form={form} name="socialWorker" label="Social worker (optional)" />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Key staff</legend>
        {keyStaff.map(({ label, role, field }) => (
          <StaffSelect
            key={field}
            label={label}
            role={role}
            staff={staff}
            currentId={existing?.[field]}
            registration={form.register(field, optional)}
            error={errors[field]?.message}
          />
        ))}
      </fieldset>
    </PanelForm>
  );
}
