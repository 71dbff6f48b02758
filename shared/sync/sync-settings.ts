import { z } from 'zod';

/**
 * What a computer needs to reach the home's sync server, as the manager enters it. No password:
 * the computer's own server password stays in the main process, encrypted with the OS's protected
 * storage, and never reaches the renderer.
 */

/** The server's address: always https, no user name or password in it, no query or fragment. */
export const syncServerUrlSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter the sync server’s address, for example https://sync.example.org:6984.' })
  .max(500, { message: 'That address is too long.' })
  .transform((text, context) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      context.addIssue({
        code: 'custom',
        message:
          'Enter the whole address, starting with https://, for example https://sync.example.org:6984.',
      });
      return z.NEVER;
    }
    if (url.protocol !== 'https:') {
      context.addIssue({
        code: 'custom',
        message:
          'The address must start with https://. Family Links only talks to a sync server over an encrypted connection.',
      });
      return z.NEVER;
    }
    if (url.username || url.password || url.search || url.hash) {
      context.addIssue({
        code: 'custom',
        message: 'Enter the address alone, with no user name, password, “?” or “#” in it.',
      });
      return z.NEVER;
    }
    // One form for every spelling: origin plus a path that ends in a slash (a server behind a proxy may have one).
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    return `${url.origin}${path}`;
  });

/**
 * The home's database on the server. Narrower than CouchDB allows (no `/`, `$`, `(`, `)` or `+`),
 * so it is one plain path segment.
 */
export const syncDatabaseNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,62}$/, {
    message:
      'Use lower-case letters, digits, “-” and “_”, starting with a letter (for example family-links-oak-house).',
  });

/** A computer's own user on the server: made by the app, never a person's name. */
export const syncComputerUserSchema = z.string().regex(/^fl-[a-z0-9_-]{1,63}-[0-9a-z]{8,26}$/);

export const pemCertificateSchema = z
  .string()
  .trim()
  .max(20000, { message: 'That certificate is too long. Paste one PEM certificate.' })
  .refine((text) => /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(text), {
    message:
      'Paste the certificate as PEM text, from “-----BEGIN CERTIFICATE-----” to “-----END CERTIFICATE-----”.',
  });

/** Where the server is and how to trust it: what every computer of the home has in common. */
export const syncServerSchema = z.object({
  serverUrl: syncServerUrlSchema,
  database: syncDatabaseNameSchema,
  /** The home's or organisation's own CA, trusted as well as the public ones (as for mail). */
  caCertificatePem: pemCertificateSchema.optional(),
});
export type SyncServer = z.infer<typeof syncServerSchema>;

/** A server admin's sign-in, typed by the manager for one operation and never stored. */
export const serverAdminSchema = z.object({
  name: z.string().min(1, { message: 'Enter the server admin’s user name.' }).max(200),
  password: z.string().min(1, { message: 'Enter the server admin’s password.' }).max(1000),
});
export type ServerAdmin = z.infer<typeof serverAdminSchema>;

/** The user name a computer gets on the server: the database and a random id, nothing personal. */
export function computerUserName(database: string, id: string): string {
  return `fl-${database}-${id}`;
}
