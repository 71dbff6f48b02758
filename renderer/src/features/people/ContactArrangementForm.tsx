import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { displayPersonName } from '@shared/display-names';
import type { FamilyFormContext } from '../../common/useFamilyOf';
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
import { TypedDateField } from '../../common/TypedDateField';
import { ChoiceField, OptionField, SelectField, TextAreaField, TextField } from '../../ui/TextField';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { ContactPlanRepository } from '../../db/repositories/contact-plan-repository';
import { useSession } from '../../security/session-context';
import { PanelForm } from '../../ui/PanelForm';

type Props = FamilyFormContext & {
  readonly repository: ContactPlanRepository;
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
  const form = useForm<ContactArrangementFormInput, unknown, FormValues>({
    resolver: zodResolver(contactArrangementFormSchema),
    defaultValues: defaultsFrom(youngPersonId, today, existing),
  });
  const { isSubmitting } = form.formState;
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
    <PanelForm
      titleId="contact-arrangement-title"
      title={title}
      level={3}
      label={title}
      onSubmit={submit}
      notices={{ failure }}
      actions={{
        submitLabel: existing ? 'Save as a new version' : 'Add to the plan',
        isBusy: isSubmitting,
        onCancel: () => onDone(undefined),
      }}
    >
      <fieldset className="fieldset">
        <legend>What is agreed</legend>
        {existing ? (
          <p>
            With {personName(family, existing.personId)}: an arrangement stays with the same person. Record a
            new one for someone else.
          </p>
        ) : (
          <OptionField
            form={form}
            name="personId"
            label="Family member or significant person"
            emptyLabel="Choose…"
            choices={family.map(({ person, relationship }) => ({
              value: person.id,
              label: `${displayPersonName(person)} (${relationship.relationship})`,
            }))}
          />
        )}
        <ChoiceField
          form={form}
          name="kind"
          label="Kind of contact"
          values={contactPlanKinds}
          labels={contactPlanKindLabels}
        />
        <ChoiceField
          form={form}
          name="frequency"
          label="How often"
          values={contactPlanFrequencies}
          labels={contactPlanFrequencyLabels}
        />
        <TextField
          form={form}
          name="where"
          label="Where (optional)"
          hint="For example “the home’s family room” or “Nan’s house”."
          autoComplete="off"
        />
        <SelectField form={form} name="supervision" label="Supervision">
          <option value="unsupervised">Unsupervised</option>
          <option value="supervised">Supervised</option>
        </SelectField>
        <TextField
          form={form}
          name="supervisedBy"
          label="Supervised by (if supervised)"
          hint="For example “a member of the care team” or “the contact centre”."
          autoComplete="off"
        />
        <TextAreaField
          form={form}
          name="wording"
          label="In the plan’s own words (optional)"
          hint="Copied from the placement plan. Staff see it when a booking does not match."
          rows={2}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Who agreed it</legend>
        <ChoiceField
          form={form}
          name="agreedBy"
          label="Agreed by"
          values={contactPlanAgreedBy}
          labels={contactPlanAgreedByLabels}
        />
        <TextField
          form={form}
          name="agreedByName"
          label="Name"
          hint="The person or body, for example “Jo Price, Leeds social care”. Care staff do not see this."
          autoComplete="off"
        />
        <TypedDateField
          control={form.control}
          name="agreedOn"
          label="Agreed on"
          what="the day it was agreed"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Dates</legend>
        <TypedDateField control={form.control} name="startsOn" label="Starts on" what="the day it starts" />
        <TypedDateField
          control={form.control}
          name="reviewOn"
          label="Review by (optional)"
          what="the day it is to be reviewed by"
          isOptional
        />
        <TypedDateField
          control={form.control}
          name="endsOn"
          label="Ends on (optional)"
          hint="Leave empty if it has no end date."
          what="the day it ends"
          isOptional
        />
      </fieldset>
    </PanelForm>
  );
}
