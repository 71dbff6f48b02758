import { Field } from '../../ui/Field';
import { ControlledTextField } from '../../ui/ControlledTextField';

export type ServerValues = { serverUrl: string; database: string; caCertificatePem: string };
export const emptyServer: ServerValues = { serverUrl: '', database: '', caCertificatePem: '' };

/** Where the home's sync server is and how to trust it: the same three answers on every computer. */
export function ServerFields({
  values,
  errors,
  onChange,
}: {
  values: ServerValues;
  errors: Readonly<Record<string, string>>;
  onChange: (values: ServerValues) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>The home’s sync server</legend>
      <ControlledTextField
        label="Server address"
        hint="Starts with https://, for example https://sync.example.org:6984."
        error={errors['serverUrl']}
        value={values.serverUrl}
        onChange={(serverUrl) => onChange({ ...values, serverUrl })}
        spellCheck={false}
        inputMode="url"
      />
      <ControlledTextField
        label="Database name"
        hint="The home’s database on the server, for example family-links-oak-house."
        error={errors['database']}
        value={values.database}
        onChange={(database) => onChange({ ...values, database })}
        spellCheck={false}
      />
      <Field
        label="The home’s CA certificate (if it has its own)"
        hint="Paste it as PEM text, from “-----BEGIN CERTIFICATE-----” to “-----END CERTIFICATE-----”. Leave it empty if the server’s certificate is from a public authority."
        error={errors['caCertificatePem']}
      >
        {(wiring) => (
          <textarea
            {...wiring}
            className="input input--code"
            rows={4}
            spellCheck={false}
            value={values.caCertificatePem}
            onChange={(event) => onChange({ ...values, caCertificatePem: event.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
