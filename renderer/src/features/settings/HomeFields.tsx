import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { defaultTimeZone } from '@shared/schemas/home';
import { SelectField, TextField } from '../../ui/TextField';

const timeZones = [
  defaultTimeZone,
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== defaultTimeZone),
];

type HomeField = 'name' | 'ofstedUrn' | 'timeZone';

type Props<Values extends FieldValues> = {
  readonly form: Pick<UseFormReturn<Values>, 'register' | 'formState'>;
  /** Where each answer sits in the form: at the top in Home details, under the home at first run. */
  readonly at: (field: HomeField) => NoInfer<Path<Values>>;
};

/** The home's name, Ofsted URN and time zone (every IANA zone the runtime knows, Europe/London first). */
export function HomeFields<Values extends FieldValues>({ form, at }: Props<Values>) {
  return (
    <>
      <TextField form={form} name={at('name')} label="Home name" autoComplete="organization" />
      <TextField
        form={form}
        name={at('ofstedUrn')}
        label="Ofsted URN"
        hint="On the home’s registration certificate, for example SC123456."
        className="input input--short"
        spellCheck={false}
      />
      <SelectField
        form={form}
        name={at('timeZone')}
        label="Time zone"
        hint="Deadlines such as the 48-hour contact form follow this zone’s clock changes."
      >
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
    </>
  );
}
