import type { UseFormRegisterReturn } from 'react-hook-form';
import {
  restrictionAuthorities,
  restrictionAuthorityLabels,
  restrictionKindLabels,
  restrictionKinds,
} from '@shared/schemas/registers';
import { Field, TextInput } from '../../ui/Field';
import type { RestrictionTermsFieldName } from './restriction-entry-schema';

type Props = {
  /** The form's own `register`, for each field; `isOptional` fields read an empty box as none. */
  readonly register: (name: RestrictionTermsFieldName, isOptional: boolean) => UseFormRegisterReturn;
  readonly errors: Partial<Record<RestrictionTermsFieldName, { message?: string | undefined }>>;
};

/**
 * A new version's terms: what is restricted, on whose authority, and its dates. The change form
 * and the review form (when the review changes it) both ask for them in these words.
 */
export function RestrictionTermsFields({ register, errors }: Props) {
  const dateInput = (name: RestrictionTermsFieldName, isOptional: boolean) => (wiring: object) => (
    <TextInput type="date" className="input input--short" {...wiring} {...register(name, isOptional)} />
  );
  return (
    <>
      <fieldset className="fieldset">
        <legend>The restriction from now on</legend>
        <Field label="What is restricted" error={errors.kind?.message}>
          {(wiring) => (
            <select className="input" {...wiring} {...register('kind', false)}>
              <option value="">Choose…</option>
              {restrictionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {restrictionKindLabels[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Conditions (optional unless “Other”)"
          hint="What staff must do, for example “supervised by two staff, in the family room only”."
          error={errors.conditions?.message}
        >
          {(wiring) => <textarea className="input" rows={3} {...wiring} {...register('conditions', false)} />}
        </Field>
        <Field label="Authority" error={errors.authority?.message}>
          {(wiring) => (
            <select className="input" {...wiring} {...register('authority', false)}>
              <option value="">Choose…</option>
              {restrictionAuthorities.map((authority) => (
                <option key={authority} value={authority}>
                  {restrictionAuthorityLabels[authority]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Reference"
          hint="Needed unless it comes from the care plan, for example the varied order’s case number."
          error={errors.authorityReference?.message}
        >
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
        <Field
          label="Changes from"
          hint="Today or a later date. Until then, what applies now still applies."
          error={errors.effectiveFrom?.message}
        >
          {dateInput('effectiveFrom', false)}
        </Field>
        <Field
          label="Applies until (optional)"
          hint="Leave empty if it has no end date."
          error={errors.effectiveTo?.message}
        >
          {dateInput('effectiveTo', true)}
        </Field>
        <Field label="Next review by (optional)" error={errors.reviewOn?.message}>
          {dateInput('reviewOn', true)}
        </Field>
      </fieldset>
    </>
  );
}
