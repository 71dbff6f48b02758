import { Field, TextInput } from '../../ui/Field';
import type { DoorForm } from './door-form';

/** The rest of "Sign a visitor in": who they are to the home, why they came, ID, vehicle and badge. */
export function VisitDetailsFields({ form }: { form: DoorForm }) {
  const { errors } = form.formState;
  return (
    <>
      <Field
        label="Organisation or relationship"
        hint="For example “Mum”, “social worker, Leeds City Council” or “plumber”."
        error={errors.organisationOrRelationship?.message}
      >
        {(wiring) => <TextInput {...wiring} {...form.register('organisationOrRelationship')} />}
      </Field>
      <Field label="Reason for the visit" error={errors.reason?.message}>
        {(wiring) => <TextInput {...wiring} {...form.register('reason')} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...form.register('isIdChecked')} />
        ID checked
      </label>
      <div className="door-sign-in__pair">
        <Field label="Vehicle registration" hint="If they came by car." error={errors.vehicle?.message}>
          {(wiring) => (
            <TextInput
              {...wiring}
              className="input input--short"
              autoComplete="off"
              {...form.register('vehicle')}
            />
          )}
        </Field>
        <Field label="Badge number" error={errors.badgeNumber?.message}>
          {(wiring) => (
            <TextInput
              {...wiring}
              className="input input--short"
              autoComplete="off"
              {...form.register('badgeNumber')}
            />
          )}
        </Field>
      </div>
    </>
  );
}
