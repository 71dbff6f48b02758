import type { FieldValues, Path, UseFormRegister } from 'react-hook-form';

/** A tick box registered on a form under `name`, with its words beside it as its label. */
export function CheckboxField<Values extends FieldValues>({
  form,
  name,
  label,
}: {
  readonly form: { readonly register: UseFormRegister<Values> };
  readonly name: Path<Values>;
  readonly label: string;
}) {
  return (
    <label className="checkbox">
      <input type="checkbox" {...form.register(name)} />
      {label}
    </label>
  );
}
