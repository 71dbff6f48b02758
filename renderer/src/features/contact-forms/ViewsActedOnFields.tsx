import type { UseFormReturn } from 'react-hook-form';
import type { ContactFormScreenInput } from '@shared/schemas/contact-forms';
import type { StaffMember } from '@shared/schemas/staff';
import { Field, OptionSelect, TypedShortInput } from '../../ui/Field';

type Props = {
  readonly form: UseFormReturn<ContactFormScreenInput>;
  readonly staff: readonly StaffMember[];
  /** The young person's name as the form calls them ("Millie"). */
  readonly theirName: string;
};

/**
 * The young person's voice acted on (seed 003 §3.1: "too often they are gathered and then ignored";
 * feed back to the child the decisions and how they were listened to): how their views were used,
 * and when and by whom they were told what happened next.
 */
export function ViewsActedOnFields({ form, staff, theirName }: Props) {
  const errors = form.formState.errors;
  return (
    <fieldset className="fieldset">
      <legend>{`${theirName.charAt(0).toUpperCase()}${theirName.slice(1)}’s views acted on`}</legend>
      <Field
        label="How were their views used?"
        hint="What changed or was decided because of what they said, or why it could not."
        error={errors.viewsUsed?.message}
      >
        {(wiring) => <textarea className="input" rows={3} {...wiring} {...form.register('viewsUsed')} />}
      </Field>
      <Field
        label="Told them what happened next: on"
        hint="Day/month/year. Leave empty until someone has told them."
        error={errors.toldNextOn?.message}
      >
        {(wiring) => <TypedShortInput {...wiring} {...form.register('toldNextOn')} />}
      </Field>
      <Field label="Told them what happened next: by" error={errors.toldNextById?.message}>
        {(wiring) => (
          <OptionSelect
            emptyLabel="Not told yet"
            options={staff.map((member) => ({ value: member.id, label: member.name }))}
            {...wiring}
            {...form.register('toldNextById')}
          />
        )}
      </Field>
    </fieldset>
  );
}
