import { zodResolver } from '@hookform/resolvers/zod';
import { displayPersonName } from '@shared/display-names';
import { useForm } from 'react-hook-form';
import {
  aliasesAsText,
  aliasesFromText,
  personFormSchema,
  type Person,
  type PersonForm as FormValues,
  type YoungPerson,
} from '@shared/schemas/people';
import { specialDatesAsForm, specialDatesFromForm } from '@shared/schemas/communication';
import { TextAreaField, TextField } from '../../ui/TextField';
import { useDraftedRecordSubmit } from '../../common/useDraftedRecordSubmit';
import type { PeopleRepository, PersonWithRelationships } from '../../db/repositories/people-repository';
import { useSession } from '../../security/session-context';
import { CommunicationFields } from './CommunicationFields';
import { RelationshipRows } from './RelationshipRows';
import { SpecialDateRows } from './SpecialDateRows';
import { PanelForm } from '../../ui/PanelForm';

type Props = {
  readonly repository: PeopleRepository;
  /** The person being changed, or undefined to add someone. */
  readonly existing: PersonWithRelationships | undefined;
  readonly youngPeople: readonly YoungPerson[];
  readonly onDone: (saved: Person | undefined) => void;
};

const newPerson: FormValues = {
  firstName: '',
  lastName: '',
  aliases: '',
  phone: '',
  email: '',
  address: '',
  notes: '',
  language: '',
  needsInterpreter: false,
  accessibilityNeeds: '',
  preferredChannels: [],
  preferredTimes: '',
  relationships: [{ youngPersonId: '', relationship: '', category: '', hasParentalResponsibility: false }],
  specialDates: [],
};

function valuesOf({
  person: { id: _id, aliases, ...details },
  relationships,
  specialDates,
}: PersonWithRelationships): FormValues {
  return {
    ...newPerson,
    ...details,
    aliases: aliasesAsText(aliases),
    relationships: relationships.map(
      ({ youngPersonId, relationship, category, hasParentalResponsibility }) => ({
        youngPersonId,
        relationship,
        category,
        hasParentalResponsibility,
      }),
    ),
    specialDates: specialDatesAsForm(specialDates ?? []),
  };
}

/** Adds a family member or significant person, or changes their details and who they are family to. */
export function PersonForm({ repository, existing, youngPeople, onDone }: Props) {
  const session = useSession();
  // Special dates are casework records: a session without that key neither sees nor replaces them.
  const readsSpecialDates = session.cipher.holds('casework');
  const form = useForm<FormValues>({
    resolver: zodResolver(personFormSchema),
    defaultValues: existing ? valuesOf(existing) : newPerson,
  });
  const { isSubmitting } = form.formState;
  const { submit, failure, draftRestoredAt, leave } = useDraftedRecordSubmit(
    form,
    existing ? `person:${existing.person.id}` : 'person:new',
    ({ relationships, aliases, specialDates, ...details }) =>
      repository.savePerson(
        session,
        {
          person: { ...details, aliases: aliasesFromText(aliases) },
          relationships,
          ...(readsSpecialDates ? { specialDates: specialDatesFromForm(specialDates ?? []) } : {}),
        },
        existing?.person.id,
      ),
    (saved) => onDone(saved?.person),
  );

  const title = existing
    ? `Edit ${displayPersonName(existing.person)}’s details`
    : 'Add a family member or friend';
  return (
    <PanelForm
      titleId="person-form-title"
      title={title}
      label={title}
      onSubmit={submit}
      notices={{ failure, draftRestoredAt }}
      actions={{
        submitLabel: existing ? 'Save changes' : 'Add person',
        isBusy: isSubmitting,
        onCancel: leave,
      }}
    >
      <fieldset className="fieldset">
        <legend>Name</legend>
        <TextField form={form} name="firstName" label="First name" autoComplete="off" />
        <TextField form={form} name="lastName" label="Last name (optional)" autoComplete="off" />
        <TextField
          form={form}
          name="aliases"
          label="Other names (optional)"
          hint="Nicknames or other surnames they use, separated by commas."
          autoComplete="off"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Contact details</legend>
        <TextField
          form={form}
          name="phone"
          label="Phone (optional)"
          type="tel"
          className="input input--short"
          autoComplete="off"
        />
        <TextField
          form={form}
          name="email"
          label="Email (optional)"
          type="email"
          autoComplete="off"
          spellCheck={false}
        />
        <TextAreaField form={form} name="address" label="Address (optional)" rows={3} />
        <TextAreaField
          form={form}
          name="notes"
          label="Notes (optional)"
          hint="Anything else that helps arrange contact."
          rows={3}
        />
      </fieldset>
      <CommunicationFields form={form} />
      <RelationshipRows form={form} youngPeople={youngPeople} />
      {readsSpecialDates ? <SpecialDateRows form={form} /> : null}
    </PanelForm>
  );
}
