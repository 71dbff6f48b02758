import { z } from 'zod';
import '../../zod-setup';
import { pairingEnvelopeSchema, pairingIdSchema, joinPasswordSchema } from '../../sync/pairing-envelope';
import { serverAdminSchema, syncComputerUserSchema, syncServerSchema } from '../../sync/sync-settings';
import { passwordProtections } from '../../schemas/mail';
import { withManagerProof } from '../manager-proof';
import { certificatePemSchema } from '../../schemas/certificate-pem';
import { noRequest } from '../no-request';

/**
 * Sync with the home's CouchDB server. The main process keeps where the server is, the CA to trust
 * and this computer's own server password (encrypted with the OS's protected storage); the renderer
 * never receives the password. The renderer's replicator reaches the server only through
 * `sync:http`, which the main process performs over verified TLS, inside the home's database only,
 * adding the credentials itself. A server admin's password, typed by the manager to add or remove a
 * computer, is used for that one operation and kept nowhere.
 *
 * Whatever decides where this computer's records go, or which computers may sync with the home,
 * carries a Registered Manager's proof (shared/ipc/manager-proof.ts): setting the server up,
 * adding a computer, cancelling a code, removing a computer and forgetting the server. A page left
 * open at the door, or DevTools on it, must not be able to point this computer at a server of its
 * own (the home's sealed records would replicate there), let another computer in, shut one out, or
 * stop new restrictions reaching this computer. Joining cannot carry one (the new computer has no
 * accounts yet); the main process refuses it on a computer that already syncs with another server.
 */

/** Why a sync operation did not happen, for the code; the message is for the person. */
export const syncFailureCodes = [
  'not-configured',
  'no-protected-storage',
  'invalid',
  'certificate',
  'unreachable',
  'timeout',
  'auth',
  'forbidden',
  'no-database',
  'public-database',
  'not-found',
  'expired',
  'conflict',
  'too-large',
  'refused',
  'server-error',
] as const;
export type SyncFailureCode = (typeof syncFailureCodes)[number];

const failed = z.object({
  outcome: z.literal('failed'),
  code: z.enum(syncFailureCodes),
  message: z.string(),
});

export const syncStatusSchema = z.discriminatedUnion('configured', [
  z.object({
    configured: z.literal(false),
    passwordProtection: z.enum(passwordProtections),
    /**
     * The settings file is there but not as Family Links wrote it (edited, damaged, or never bound
     * to its server under the main key): nothing in it is used until a manager sets sync up again.
     */
    changedOutsideApp: z.literal(true).optional(),
  }),
  z.object({
    configured: z.literal(true),
    serverUrl: z.string(),
    database: z.string(),
    computerUser: z.string(),
    trustsOwnCa: z.boolean(),
    /** False when the stored password cannot be opened on this computer (protected storage changed). */
    hasPassword: z.boolean(),
    passwordProtection: z.enum(passwordProtections),
  }),
]);
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const done = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.discriminatedUnion('outcome', [z.object({ outcome: z.literal('done'), ...shape }), failed]);

/** Bodies are JSON text; these bound what one request or reply may carry across the bridge. */
export const syncRequestBodyLimit = 16 * 1024 * 1024;
export const syncReplyBodyLimit = 32 * 1024 * 1024;

export const syncHttpRequestSchema = z
  .object({
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']),
    /** Inside the home's database: `/`, `/_changes`, `/_local/<id>`, `/<document id>`... */
    path: z.string().min(1).max(400).startsWith('/'),
    /** The query string without its `?`. */
    query: z.string().max(4000),
    body: z.string().max(syncRequestBodyLimit).optional(),
  })
  .strict();
export type SyncHttpRequest = z.infer<typeof syncHttpRequestSchema>;

export const syncHttpReplySchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('reply'),
    status: z.number().int().min(100).max(599),
    contentType: z.string().max(200),
    body: z.string().max(syncReplyBodyLimit),
  }),
  failed,
]);
export type SyncHttpReply = z.infer<typeof syncHttpReplySchema>;

const joinRequest = z
  .object({ server: syncServerSchema.strict(), pairingId: pairingIdSchema, joinPassword: joinPasswordSchema })
  .strict();

export const syncChannels = {
  /** Open: a read, with no password in it. */
  'sync:get-status': {
    request: noRequest,
    reply: syncStatusSchema,
  },
  /**
   * The home's first computer: checks the server over TLS, makes the database if asked (as the
   * admin), makes this computer's own server user with a random password and makes it the
   * database's member. Refused if anyone could read the database without signing in.
   */
  'sync:set-up-server': {
    request: withManagerProof(
      z.object({
        server: syncServerSchema.strict(),
        admin: serverAdminSchema.strict(),
        createDatabase: z.boolean(),
        /**
         * This computer's user as the home's registry names it, when it is one of the home's
         * computers already: made again under that name, so removing the computer removes it.
         */
        computerUser: syncComputerUserSchema.optional(),
      }),
    ),
    reply: done({ status: syncStatusSchema }),
  },
  /**
   * The manager adds a computer: the pairing document (sealed in the renderer under the code) is
   * left on the server, and the new computer's user is made with the password the code gives.
   * First, with the same admin sign-in, the users of earlier codes that will never join
   * (`replaces`: a code for the same name, or one that expired or was cancelled) are taken away
   * with their membership; `removedUsers` says which are gone now.
   */
  'sync:add-computer': {
    request: withManagerProof(
      z.object({
        admin: serverAdminSchema.strict(),
        pairingId: pairingIdSchema,
        joinPassword: joinPasswordSchema,
        envelope: pairingEnvelopeSchema,
        replaces: z.array(syncComputerUserSchema).max(50).optional(),
      }),
    ),
    reply: done({ computerUser: syncComputerUserSchema, removedUsers: z.array(syncComputerUserSchema) }),
  },
  /**
   * Whether the new computer has collected its pairing yet (it removes the document when it has).
   * Open: it only reads, and changes nothing here or on the server.
   */
  'sync:pairing-status': {
    request: z.object({ pairingId: pairingIdSchema }).strict(),
    reply: done({ state: z.enum(['waiting', 'collected']) }),
  },
  /**
   * Takes an uncollected pairing document off the server. With the code's first password, and the
   * code not yet used, its user's password is replaced with a random one that is kept nowhere, so
   * nobody can sign in as it (`disabledUser`); deleting the user and its membership needs the
   * admin, so that waits for the next addition (`replaces`).
   */
  'sync:cancel-pairing': {
    request: withManagerProof(
      z.object({ pairingId: pairingIdSchema, joinPassword: joinPasswordSchema.optional() }),
    ),
    reply: done({ removed: z.boolean(), disabledUser: z.boolean() }),
  },
  /** Removes a computer's server user and its membership, so the server refuses it from now on. */
  'sync:remove-computer': {
    request: withManagerProof(
      z.object({ admin: serverAdminSchema.strict(), computerUser: syncComputerUserSchema }),
    ),
    reply: done({ removedUser: z.boolean(), removedMember: z.boolean() }),
  },
  /**
   * The joining computer reads its pairing document with the password the code gives. Stores
   * nothing, so it is open: the new computer has no accounts to prove anything with yet.
   */
  'sync:fetch-pairing': {
    request: joinRequest,
    reply: done({ envelope: pairingEnvelopeSchema }),
  },
  /**
   * The joining computer, once the renderer has opened the pairing: replaces the code's password
   * with a random one only it knows, keeps that with protected storage, and removes the pairing
   * document from the server. Refused on a computer already connected to another server, so it
   * can never point a working computer elsewhere (the same server is allowed: a computer that
   * started joining and did not finish finishes with a new code).
   */
  'sync:complete-join': {
    request: joinRequest.extend({
      /**
       * The home CA the code's bundle carries (none in a code from an older version): learnt
       * once the join is complete, only on a computer with no home of its own yet.
       */
      homeAuthorityPem: certificatePemSchema.optional(),
    }),
    reply: done({ status: syncStatusSchema }),
  },
  /** This computer forgets the server and its password (the server user stays until removed). */
  'sync:forget-server': {
    request: withManagerProof(z.object({})),
    reply: z.object({ forgotten: z.literal(true) }),
  },
  /**
   * One request of the replication protocol, performed by the main process (see above). Open: it
   * goes only to the server already set up, inside the home's database, as this computer's own
   * user, and carries records already sealed in the renderer; it cannot change where sync goes.
   */
  'sync:http': {
    request: syncHttpRequestSchema,
    reply: syncHttpReplySchema,
  },
} as const;
