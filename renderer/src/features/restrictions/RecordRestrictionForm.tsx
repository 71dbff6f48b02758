import { zodResolver } from '@hookform/resolvers/zod';
import { displayPersonName } from '@shared/display-names';
import { useForm } from 'react-hook-form';
import { aliasesAsText } from '@shared/schemas/people';
import type { Restriction } from '@shared/schemas/registers';
import { OptionField, TextAreaField, TextField } from '../../ui/TextField';
import { familyOptions, type FamilyFormContext } from '../../common/useFamilyOf';
import { useDraftedRecordSubmit } from '../../common/useDraftedRecordSubmit';
import type { RestrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';
import { blankAsUndefined } from '../../ui/blank-as-undefined';
import {
  restrictionEntrySchema,
  restrictionFromEntry,
  type RestrictionEntry,
  type RestrictionTermsFieldName,
} from './restriction-entry-schema';
import { TypedDateField } from '../../common/TypedDateField';
import { newRestrictionWording, RestrictionTermsFields } from './RestrictionTermsFields';
import { PanelForm } from '../../ui/PanelForm';

type Props = FamilyFormContext & {
  readonly repository: RestrictionRepository;
  readonly onDone: (recorded: Restriction | undefined) => void;
};

/**
 * Records a restriction for one young person. The restricted person may be someone in the
 * family list, or only a name: a name, aliases and a description are enough for the door.
 */
export function RecordRestrictionForm({
  repository,
  youngPersonId,
  youngPersonName,
  today,
  family,
  onDone,
}: Props) {
  const session = useSession();
  const form = useForm<RestrictionEntry>({
    resolver: zodResolver(restrictionEntrySchema),
    defaultValues: {
      youngPersonId,
      name: '',
      aliases: '',
      description: '',
      conditions: '',
      authorityReference: '',
      effectiveFrom: today,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const register = (name: RestrictionTermsFieldName, isOptional: boolean) =>
    form.register(name, isOptional ? { setValueAs: blankAsUndefined } : {});

  // Choosing someone from the family list fills in the name and aliases the door check matches on.
  const personOptions = {
    setValueAs: blankAsUndefined,
    onChange: (event: { target: { value: string } }) => {
      const chosen = family.find((entry) => entry.person.id === event.target.value)?.person;
      if (!chosen) return;
      form.setValue('name', displayPersonName(chosen), { shouldValidate: form.formState.isSubmitted });
      form.setValue('aliases', aliasesAsText(chosen.aliases));
    },
  };

  const { submit, failure, draftRestoredAt, leave } = useDraftedRecordSubmit(
    form,
    `restriction:new:${youngPersonId}`,
    (values) => repository.record(session, restrictionFromEntry(values)),
    onDone,
  );

  return (
    <PanelForm
      titleId="record-restriction-title"
      title={<>Record a restriction for {youngPersonName}</>}
      level={3}
      label="Record a restriction"
      onSubmit={submit}
      notices={{ failure, draftRestoredAt }}
      actions={{ submitLabel: 'Record restriction', isBusy: isSubmitting, onCancel: leave }}
    >
      <fieldset className="fieldset">
        <legend>Who is restricted</legend>
        <OptionField
          form={form}
          name="personId"
          label="Person in the family list"
          hint="Or choose “Not in the list” and type their name below."
          options={personOptions}
          emptyLabel="Not in the list"
          choices={familyOptions(family)}
        />
        <TextField
          form={form}
          name="name"
          label="Name"
          hint="As they might give it at the door."
          autoComplete="off"
        />
        <TextField
          form={form}
          name="aliases"
          label="Other names (optional)"
          hint="Nicknames or other surnames, separated by commas."
          autoComplete="off"
        />
        <TextAreaField
          form={form}
          name="description"
          label="Description (optional)"
          hint="What they look like, to help recognise them. Care staff do not see this."
          rows={2}
        />
      </fieldset>
      <RestrictionTermsFields
        register={register}
        errors={errors}
        dateField={(field) => <TypedDateField control={form.control} {...field} />}
        wording={newRestrictionWording}
      />
    </PanelForm>
  );
}
