import type { UseFormReturn } from 'react-hook-form';
import {
  familyFeelingLabels,
  familyFeelings,
  type ContactFormScreenInput,
} from '@shared/schemas/contact-forms';
import { Field } from '../../ui/Field';

type Props = { readonly form: UseFormReturn<ContactFormScreenInput> };

/**
 * "How did the family feel about our work?" (seed 004 §4: parents have regular opportunities to
 * express their views about the quality of our work): a five-point scale in plain words, one native
 * radio group (arrow keys move through it), and their own words beside it. "Not asked this time"
 * is a choice of its own, so leaving the scale is never read as a low score.
 */
export function FamilyFeelingField({ form }: Props) {
  const errors = form.formState.errors;
  return (
    <fieldset className="fieldset contact-form__feeling">
      <legend>How did the family feel about our work?</legend>
      <p className="field__hint">Ask them, and choose the words closest to what they said.</p>
      <div className="contact-form__scale">
        {familyFeelings.map((feeling) => (
          <label key={feeling} className="checkbox">
            <input type="radio" value={feeling} {...form.register('familyFeeling')} />
            {familyFeelingLabels[feeling]}
          </label>
        ))}
        <label className="checkbox">
          <input type="radio" value="" {...form.register('familyFeeling')} />
          Not asked this time, or they did not say
        </label>
      </div>
      <Field
        label="Their words about our work"
        hint="What they said about how we are doing, in their words where you can."
        error={errors.familyFeelingWords?.message}
      >
        {(wiring) => (
          <textarea className="input" rows={2} {...wiring} {...form.register('familyFeelingWords')} />
        )}
      </Field>
    </fieldset>
  );
}
