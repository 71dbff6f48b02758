import type { UseFormReturn } from 'react-hook-form';
import type { ContactFormScreenInput } from '@shared/schemas/contact-forms';
import type { StaffMember } from '@shared/schemas/staff';
import { OptionField, TextAreaField, TypedShortField } from '../../ui/TextField';
import { staffChoices } from '../../common/staff-names';

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
  return (
    <fieldset className="fieldset">
      <legend>{`${theirName.charAt(0).toUpperCase()}${theirName.slice(1)}’s views acted on`}</legend>
      <TextAreaField
        form={form}
        name="viewsUsed"
        label="How were their views used?"
        hint="What changed or was decided because of what they said, or why it could not."
        rows={3}
      />
      <TypedShortField
        form={form}
        name="toldNextOn"
        label="Told them what happened next: on"
        hint="Day/month/year. Leave empty until someone has told them."
      />
      <OptionField
        form={form}
        name="toldNextById"
        label="Told them what happened next: by"
        emptyLabel="Not told yet"
        choices={staffChoices(staff)}
      />
    </fieldset>
  );
}
