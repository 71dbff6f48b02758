import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import {
  restrictionAuthorities,
  restrictionAuthorityLabels,
  restrictionKindLabels,
  restrictionKinds,
} from '@shared/schemas/registers';
import { Field, TextInput } from '../../ui/Field';
import { LabelledChoiceSelect } from '../../ui/LabelledSelect';
import type { RestrictionTermsFieldName } from './restriction-entry-schema';

/** The words that differ between recording a restriction and giving it a new version. */
type TermsWording = {
  readonly legend: string;
  readonly referenceHint: string;
  readonly fromLabel: string;
  readonly fromHint?: string;
  /** The first day in the words of a message: "Enter the date it applies from…". */
  readonly fromWhat: string;
  readonly reviewLabel: string;
  readonly reviewWhat: string;
};

/** Recording a restriction for the first time. */
export const newRestrictionWording: TermsWording = {
  legend: 'The restriction',
  referenceHint: 'Needed unless it comes from the care plan, for example the court order’s case number.',
  fromLabel: 'Applies from',
  fromWhat: 'the date it applies from',
  reviewLabel: 'Review by (optional)',
  reviewWhat: 'the review date',
};

/** A new version, from a change or a review that changed it. */
const changedRestrictionWording: TermsWording = {
  legend: 'The restriction from now on',
  referenceHint: 'Needed unless it comes from the care plan, for example the varied order’s case number.',
  fromLabel: 'Changes from',
  fromHint: 'Today or a later date. Until then, what applies now still applies.',
  fromWhat: 'the date it changes from',
  reviewLabel: 'Next review by (optional)',
  reviewWhat: 'the next review date',
};

/** One of the terms' dates, for the form to draw as its typed date field (`TypedDateField`). */
export type TermsDateField = {
  readonly name: Extract<RestrictionTermsFieldName, 'effectiveFrom' | 'effectiveTo' | 'reviewOn'>;
  readonly label: string;
  readonly hint?: string;
  readonly what: string;
  readonly isOptional: boolean;
};

type Props = {
  /** The form's own `register`, for each field; `isOptional` fields read an empty box as none. */
  readonly register: (name: RestrictionTermsFieldName, isOptional: boolean) => UseFormRegisterReturn;
  readonly errors: Partial<Record<RestrictionTermsFieldName, { message?: string | undefined }>>;
  /** Each date as the form's `TypedDateField`, which shows its own problem. */
  readonly dateField: (field: TermsDateField) => ReactNode;
  readonly wording?: TermsWording;
};

/**
 * A restriction's terms: what is restricted, on whose authority, and its dates. Recording one, and
 * changing it (the change form, or a review that changes it), ask for the same fields.
 */
export function RestrictionTermsFields({
  register,
  errors,
  dateField,
  wording = changedRestrictionWording,
}: Props) {
  return (
    <>
      <fieldset className="fieldset">
        <legend>{wording.legend}</legend>
        <LabelledChoiceSelect
          label="What is restricted"
          error={errors.kind?.message}
          {...register('kind', false)}
          values={restrictionKinds}
          labels={restrictionKindLabels}
        />
        <Field
          label="Conditions (optional unless “Other”)"
          hint="What staff must do, for example “supervised by two staff, in the family room only”."
          error={errors.conditions?.message}
        >
          {(wiring) => <textarea className="input" rows={3} {...wiring} {...register('conditions', false)} />}
        </Field>
        <LabelledChoiceSelect
          label="Authority"
          error={errors.authority?.message}
          {...register('authority', false)}
          values={restrictionAuthorities}
          labels={restrictionAuthorityLabels}
        />
        <Field label="Reference" hint={wording.referenceHint} error={errors.authorityReference?.message}>
          {(wiring) => (
            <TextInput
              {...wiring}
              className="input input--short"
              spellCheck={false}
              {...register('authorityReference', false)}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Dates</legend>
        {dateField({
          name: 'effectiveFrom',
          label: wording.fromLabel,
          ...(wording.fromHint ? { hint: wording.fromHint } : {}),
          what: wording.fromWhat,
          isOptional: false,
        })}
        {dateField({
          name: 'effectiveTo',
          label: 'Applies until (optional)',
          hint: 'Leave empty if it has no end date.',
          what: 'the date it applies until',
          isOptional: true,
        })}
        {dateField({
          name: 'reviewOn',
          label: wording.reviewLabel,
          what: wording.reviewWhat,
          isOptional: true,
        })}
      </fieldset>
    </>
  );
}
