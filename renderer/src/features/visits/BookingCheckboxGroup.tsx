import { Controller, type Control } from 'react-hook-form';
import type { VisitBookingFormInput } from '@shared/schemas/visits';
import { CheckboxGroup, type CheckboxGroupProps } from './CheckboxGroup';

type Props = Omit<CheckboxGroupProps, 'value' | 'onChange' | 'inputRef'> & {
  readonly control: Control<VisitBookingFormInput>;
  /** One of the booking's lists of ids: who the visit is for, who comes, and which staff go. */
  readonly name: 'youngPersonIds' | 'personIds' | 'staffIds';
};

/**
 * A group of checkboxes holding one of the booking form's lists of ids, wired to the form so it
 * reads the chosen ids, changes them, and is focused when the form points to a problem there.
 */
export function BookingCheckboxGroup({ control, name, ...group }: Props) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <CheckboxGroup {...group} value={field.value ?? []} onChange={field.onChange} inputRef={field.ref} />
      )}
    />
  );
}
