import type { UseFormReturn } from 'react-hook-form';
import { TextAreaField, TextField } from '../../ui/TextField';
import type { ServerValues } from './server-values';

type ServerForm = { server: ServerValues };

/** Where the home's sync server is and how to trust it: the same three answers on every computer. */
export function ServerFields({ form }: { form: Pick<UseFormReturn<ServerForm>, 'register' | 'formState'> }) {
  return (
    <fieldset className="fieldset">
      <legend>The home’s sync server</legend>
      <TextField
        form={form}
        name="server.serverUrl"
        label="Server address"
        hint="Starts with https://, for example https://sync.example.org:6984."
        spellCheck={false}
        inputMode="url"
      />
      <TextField
        form={form}
        name="server.database"
        label="Database name"
        hint="The home’s database on the server, for example family-links-oak-house."
        spellCheck={false}
      />
      <TextAreaField
        form={form}
        name="server.caCertificatePem"
        label="The home’s CA certificate (if it has its own)"
        hint="Paste it as PEM text, from “-----BEGIN CERTIFICATE-----” to “-----END CERTIFICATE-----”. Leave it empty if the server’s certificate is from a public authority."
        className="input input--code"
        rows={4}
        spellCheck={false}
      />
    </fieldset>
  );
}
