import { z } from 'zod';
import { serverAdminSchema, syncServerSchema } from '@shared/sync/sync-settings';

export type ServerValues = { serverUrl: string; database: string; caCertificatePem: string };
export const emptyServer: ServerValues = { serverUrl: '', database: '', caCertificatePem: '' };

/** The server as typed, checked with the shared schema; an empty CA box is no CA. */
export const serverFormSchema = z
  .object({ serverUrl: z.string(), database: z.string(), caCertificatePem: z.string() })
  .transform(({ caCertificatePem, ...server }) => {
    const ca = caCertificatePem.trim();
    return { ...server, ...(ca ? { caCertificatePem: ca } : {}) };
  })
  .pipe(syncServerSchema.strict());

/** A server admin's sign-in as typed, checked with the shared schema. */
export const adminFormSchema = serverAdminSchema.strict();
export const noAdmin = { name: '', password: '' };
