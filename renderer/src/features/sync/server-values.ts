import type { z } from 'zod';
import {
  serverAdminSchema,
  syncServerSchema,
  type ServerAdmin,
  type SyncServer,
} from '@shared/sync/sync-settings';

type Parsed<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

function parsed<Value>(result: z.ZodSafeParseResult<Value>, prefix = ''): Parsed<Value> {
  if (result.success) return { ok: true, value: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[`${prefix}${String(issue.path[0])}`] ??= issue.message;
  return { ok: false, errors };
}

/** The server as typed, checked with the shared schema; an empty CA box is no CA. */
export function parseServer(values: {
  serverUrl: string;
  database: string;
  caCertificatePem: string;
}): Parsed<SyncServer> {
  const ca = values.caCertificatePem.trim();
  return parsed(
    syncServerSchema.strict().safeParse({
      serverUrl: values.serverUrl,
      database: values.database,
      ...(ca ? { caCertificatePem: ca } : {}),
    }),
  );
}

/** A server admin's sign-in as typed; errors keyed `admin.name` and `admin.password`. */
export function parseAdmin(values: { name: string; password: string }): Parsed<ServerAdmin> {
  return parsed(serverAdminSchema.strict().safeParse(values), 'admin.');
}
