import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import type { Restriction, RestrictionReviewOutcome } from '@shared/schemas/registers';
import type { StaffMember } from '@shared/schemas/staff';
import { can } from '@shared/rules/access';
import { SelectField, TextAreaField, TextField } from '../../ui/TextField';
import { blankAsUndefined } from '../../ui/blank-as-undefined';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { RestrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';
import { TypedDateField } from '../../common/TypedDateField';
import { termsEntryOf } from './ChangeRestrictionForm';
import { RestrictionTermsFields } from './RestrictionTermsFields';
import {
  restrictionReviewEntrySchema,
  reviewFieldsOnForm,
  reviewFromEntry,
  type RestrictionReviewEntry,
  type RestrictionTermsFieldName,
} from './restriction-entry-schema';
import { endedReasonField } from './ended-reason';
import { PanelForm } from '../../ui/PanelForm';
import { FieldError } from '../../ui/FieldError';

type Props = {
  readonly repository: RestrictionRepository;
  readonly restriction: Restriction;
  readonly today: string;
  readonly staff: readonly StaffMember[];
  readonly onDone: (
    reviewed: { restriction: Restriction; outcome: RestrictionReviewOutcome } | undefined,
  ) => void;
};

const outcomeLabels: Readonly<Record<RestrictionReviewOutcome, string>> = {
  continues: 'It continues unchanged',
  changed: 'It changes',
  ended: 'It ends',
};

/**
 * Recording a review: when, who reviewed it and with whom it was checked (the social worker, the
 * placing authority), and what was decided. Continuing needs the next review date; a change asks
 * for the new terms as the change form does; ending asks why.
 */
export function ReviewRestrictionForm({ repository, restriction, today, staff, onDone }: Props) {
  const session = useSession();
  const form = useForm<RestrictionReviewEntry>({
    resolver: zodResolver(restrictionReviewEntrySchema),
    defaultValues: {
      reviewedOn: today,
      reviewedById: session.staff.id,
      checkedWith: '',
      nextReviewOn: '',
      endedReason: '',
      ...termsEntryOf(restriction, today),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const { submit, failure } = useRecordSubmit(
    form,
    async (values) => {
      const result = await repository.review(session, restriction.id, reviewFromEntry(values), today);
      if (result.ok) return result;
      return { ...result, error: { ...result.error, fields: reviewFieldsOnForm(result.error.fields) } };
    },
    (saved) => onDone({ restriction: saved, outcome: form.getValues('outcome') ?? 'continues' }),
  );
  const titleId = `review-restriction-${restriction.id}`;
  const register = (name: RestrictionTermsFieldName, isOptional: boolean) =>
    form.register(name, isOptional ? { setValueAs: blankAsUndefined } : {});
  // Who can review: those who may record one (DESIGN: the PT, CC or manager), and whoever is signed in.
  const reviewers = staff.filter(
    (member) =>
      member.id === session.staff.id || (member.isActive && can(member.roles, 'restriction:record')),
  );

  return (
    <PanelForm
      titleId={titleId}
      title={<>Record a review of the restriction on {restriction.name}</>}
      level={4}
      label={`Record a review of the restriction on ${restriction.name}`}
      onSubmit={submit}
      notices={{ failure }}
      actions={{ submitLabel: 'Record the review', isBusy: isSubmitting, onCancel: () => onDone(undefined) }}
    >
      <fieldset className="fieldset">
        <legend>The review</legend>
        <TypedDateField
          control={form.control}
          name="reviewedOn"
          label="Reviewed on"
          what="the date of the review"
        />
        <SelectField form={form} name="reviewedById" label="Reviewed by">
          {reviewers.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </SelectField>
        <TextField
          form={form}
          name="checkedWith"
          label="Checked with"
          hint="Who agreed it, for example “Jo Bell, social worker, Leeds City Council”."
          autoComplete="off"
        />
      </fieldset>
      <fieldset
        className="fieldset"
        aria-describedby={errors.outcome ? `${titleId}-outcome-error` : undefined}
      >
        <legend>What was decided</legend>
        <FieldError id={`${titleId}-outcome-error`} message={errors.outcome?.message} />
        {(Object.keys(outcomeLabels) as RestrictionReviewOutcome[]).map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" value={value} {...form.register('outcome')} />
            {outcomeLabels[value]}
          </label>
        ))}
      </fieldset>
      {outcome === 'continues' ? (
        <TypedDateField
          control={form.control}
          name="nextReviewOn"
          label="Next review by"
          hint="After today: the restriction then leaves the list of reviews due."
          what="the next review date"
        />
      ) : null}
      {outcome === 'changed' ? (
        <RestrictionTermsFields
          register={register}
          errors={errors}
          dateField={(field) => <TypedDateField control={form.control} {...field} />}
        />
      ) : null}
      {outcome === 'ended' ? <TextAreaField form={form} {...endedReasonField} /> : null}
    </PanelForm>
  );
}
