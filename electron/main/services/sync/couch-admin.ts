import type { SyncFailureCode } from '../../../../shared/ipc/channels/sync';
import type { ServerAdmin, SyncServer } from '../../../../shared/sync/sync-settings';
import type { CouchCredentials, CouchHttp, CouchOutcome } from './couch-http';

export type Step<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly code: SyncFailureCode; readonly message: string };

const ordinaryDeadlineMs = 30_000;
const smallReplyBytes = 1024 * 1024;

/** The server's JSON reply, or a failure in words for the manager. */
export type CouchJson = { readonly status: number; readonly body: unknown };

/**
 * The few server calls that set sync up, each one CouchDB HTTP request with JSON in and out: the
 * database, users in `_users`, the database's members in `_security`, and `_local` documents.
 * Written to CouchDB 3's documented API; tested against a CouchDB-protocol test server.
 */
export function createCouchCalls(http: CouchHttp) {
  async function call(
    server: SyncServer,
    method: 'GET' | 'PUT' | 'DELETE' | 'POST',
    path: string,
    credentials: CouchCredentials | undefined,
    body?: unknown,
  ): Promise<Step<CouchJson>> {
    // A query in the path (`/db/_all_docs?limit=1`) goes as the request's query.
    const mark = path.indexOf('?');
    const [bare, query] = mark < 0 ? [path, undefined] : [path.slice(0, mark), path.slice(mark + 1)];
    const outcome: CouchOutcome = await http.send(server, {
      method,
      path: bare,
      ...(query === undefined ? {} : { query }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(credentials ? { credentials } : {}),
      deadlineMs: ordinaryDeadlineMs,
      maxReplyBytes: smallReplyBytes,
    });
    if (outcome.kind === 'failed') return { ok: false, code: outcome.code, message: outcome.message };
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(outcome.body);
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    if (outcome.status >= 500)
      return {
        ok: false,
        code: 'server-error',
        message: `The sync server had a problem (${outcome.status}). Try again later.`,
      };
    return { ok: true, value: { status: outcome.status, body: parsed } };
  }

  const database = (server: SyncServer) => `/${encodeURIComponent(server.database)}`;
  const userPath = (name: string) => `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const localPath = (server: SyncServer, id: string) =>
    `${database(server)}/_local/${encodeURIComponent(id)}`;

  function revOf(body: unknown): string | undefined {
    const rev = (body as { _rev?: unknown } | null)?._rev;
    return typeof rev === 'string' ? rev : undefined;
  }

  function refusedAdmin(status: number): Step<never> {
    return {
      ok: false,
      code: 'auth',
      message:
        status === 401
          ? 'The server did not accept the server admin’s name or password. Nothing was changed on the server.'
          : 'That server account is not a server admin, so the server refused. Nothing was changed on the server.',
    };
  }

  /**
   * A PUT of `body` at `path` that makes something new: one of `made` statuses is done, 409 is a
   * name already taken (`taken` tells the manager what to do), and any other status is `refused`'s
   * to explain.
   */
  async function putNew(
    server: SyncServer,
    path: string,
    credentials: CouchCredentials,
    body: Record<string, unknown>,
    {
      made,
      taken,
      refused,
    }: { made: readonly number[]; taken: string; refused: (status: number) => Step<never> },
  ): Promise<Step<true>> {
    const reply = await call(server, 'PUT', path, credentials, body);
    if (!reply.ok) return reply;
    if (made.includes(reply.value.status)) return { ok: true, value: true };
    if (reply.value.status === 409) return { ok: false, code: 'conflict', message: taken };
    return refused(reply.value.status);
  }

  /**
   * Deletes the document at `path` at the revision read just before (CouchDB deletes by
   * revision); false when there was none. A read the server refuses is `refused`'s to explain,
   * and a delete that does not succeed is `notDeleted`'s.
   */
  async function deleteAtRevision(
    server: SyncServer,
    path: string,
    credentials: CouchCredentials,
    refused: (status: number) => Step<never>,
    notDeleted: (status: number) => Step<boolean>,
  ): Promise<Step<boolean>> {
    const found = await call(server, 'GET', path, credentials);
    if (!found.ok) return found;
    if (found.value.status === 404) return { ok: true, value: false };
    const rev = revOf(found.value.body);
    if (found.value.status !== 200 || !rev) return refused(found.value.status);
    const removed = await call(server, 'DELETE', `${path}?rev=${encodeURIComponent(rev)}`, credentials);
    if (!removed.ok) return removed;
    if (removed.value.status === 200 || removed.value.status === 202) return { ok: true, value: true };
    return notDeleted(removed.value.status);
  }

  return {
    call,

    /** Checks that the name and password are a server admin's (`_session` names the `_admin` role). */
    async checkAdmin(server: SyncServer, admin: ServerAdmin): Promise<Step<true>> {
      const reply = await call(server, 'GET', '/_session', admin);
      if (!reply.ok) return reply;
      if (reply.value.status === 401) return refusedAdmin(401);
      const roles = (reply.value.body as { userCtx?: { roles?: unknown } } | null)?.userCtx?.roles;
      if (!Array.isArray(roles) || !roles.includes('_admin')) return refusedAdmin(403);
      return { ok: true, value: true };
    },

    async databaseExists(server: SyncServer, admin: ServerAdmin): Promise<Step<boolean>> {
      const reply = await call(server, 'GET', `${database(server)}/`, admin);
      if (!reply.ok) return reply;
      if (reply.value.status === 404) return { ok: true, value: false };
      if (reply.value.status === 200) return { ok: true, value: true };
      return refusedAdmin(reply.value.status);
    },

    async createDatabase(server: SyncServer, admin: ServerAdmin): Promise<Step<true>> {
      const reply = await call(server, 'PUT', database(server), admin);
      if (!reply.ok) return reply;
      if (reply.value.status === 201 || reply.value.status === 202 || reply.value.status === 412)
        return { ok: true, value: true };
      return refusedAdmin(reply.value.status);
    },

    async createUser(server: SyncServer, admin: ServerAdmin, user: CouchCredentials): Promise<Step<true>> {
      return putNew(
        server,
        userPath(user.name),
        admin,
        {
          _id: `org.couchdb.user:${user.name}`,
          name: user.name,
          password: user.password,
          roles: [],
          type: 'user',
        },
        {
          made: [201, 202],
          taken: 'The server already has a computer with that name. Try again: a new code gets a new name.',
          refused: refusedAdmin,
        },
      );
    },

    /** Removes a computer's user; false when there was none. */
    async deleteUser(server: SyncServer, admin: ServerAdmin, name: string): Promise<Step<boolean>> {
      return deleteAtRevision(server, userPath(name), admin, refusedAdmin, refusedAdmin);
    },

    /**
     * Adds or removes one member name in the database's `_security`, keeping everything else in it.
     * `_security` has no revisions, so the result is read back to catch a concurrent change.
     */
    async changeMember(
      server: SyncServer,
      admin: ServerAdmin,
      name: string,
      change: 'add' | 'remove',
    ): Promise<Step<boolean>> {
      const path = `${database(server)}/_security`;
      const current = await call(server, 'GET', path, admin);
      if (!current.ok) return current;
      if (current.value.status !== 200) return refusedAdmin(current.value.status);
      const security = (current.value.body ?? {}) as {
        admins?: { names?: unknown; roles?: unknown };
        members?: { names?: unknown; roles?: unknown };
      };
      const names = Array.isArray(security.members?.names)
        ? security.members.names.filter((entry): entry is string => typeof entry === 'string')
        : [];
      const has = names.includes(name);
      if ((change === 'add' && has) || (change === 'remove' && !has)) return { ok: true, value: false };
      const nextNames = change === 'add' ? [...names, name] : names.filter((entry) => entry !== name);
      const next = {
        ...security,
        admins: security.admins ?? { names: [], roles: [] },
        members: {
          ...(security.members ?? {}),
          names: nextNames,
          roles: Array.isArray(security.members?.roles) ? security.members.roles : [],
        },
      };
      const written = await call(server, 'PUT', path, admin, next);
      if (!written.ok) return written;
      if (written.value.status !== 200 && written.value.status !== 201)
        return refusedAdmin(written.value.status);
      const check = await call(server, 'GET', path, admin);
      if (!check.ok) return check;
      const after = (check.value.body as { members?: { names?: unknown } } | null)?.members?.names;
      const present = Array.isArray(after) && after.includes(name);
      if (present !== (change === 'add'))
        return {
          ok: false,
          code: 'conflict',
          message: 'Someone changed the database’s members at the same moment. Try again.',
        };
      return { ok: true, value: true };
    },

    /** A `_local` document's body, or null when there is none. */
    async readLocal(server: SyncServer, credentials: CouchCredentials, id: string): Promise<Step<unknown>> {
      const reply = await call(server, 'GET', localPath(server, id), credentials);
      if (!reply.ok) return reply;
      if (reply.value.status === 404) return { ok: true, value: null };
      if (reply.value.status === 200) return { ok: true, value: reply.value.body };
      return memberRefused(reply.value.status);
    },

    async writeLocal(
      server: SyncServer,
      credentials: CouchCredentials,
      id: string,
      body: Record<string, unknown>,
    ): Promise<Step<true>> {
      return putNew(server, localPath(server, id), credentials, body, {
        made: [201, 200],
        taken: 'A pairing with that id is already waiting. Try again: a new code gets a new id.',
        refused: memberRefused,
      });
    },

    /** Deletes a `_local` document; false when there was none. */
    async deleteLocal(server: SyncServer, credentials: CouchCredentials, id: string): Promise<Step<boolean>> {
      // Gone between the read and the delete (the other computer collected it): none to delete.
      const notDeleted = (status: number): Step<boolean> =>
        status === 404 ? { ok: true, value: false } : memberRefused(status);
      return deleteAtRevision(server, localPath(server, id), credentials, memberRefused, notDeleted);
    },

    /**
     * Whether the database already holds a home's computers: any device document of a registry
     * (`rd_…`, docs/sync-design.md "Keys"). Ids only, as the admin: nothing sealed is read.
     */
    async holdsHomeComputers(server: SyncServer, admin: ServerAdmin): Promise<Step<boolean>> {
      const range = `startkey=${encodeURIComponent('"rd_"')}&endkey=${encodeURIComponent('"rd_\uffff"')}&limit=1`;
      const reply = await call(server, 'GET', `${database(server)}/_all_docs?${range}`, admin);
      if (!reply.ok) return reply;
      if (reply.value.status !== 200) return refusedAdmin(reply.value.status);
      const rows = (reply.value.body as { rows?: unknown } | null)?.rows;
      return { ok: true, value: Array.isArray(rows) && rows.length > 0 };
    },

    /** Whether the database answers a request that carries no credentials at all. */
    async readableWithoutSignIn(server: SyncServer): Promise<Step<boolean>> {
      const reply = await call(server, 'GET', `${database(server)}/`, undefined);
      if (!reply.ok) return reply;
      return { ok: true, value: reply.value.status === 200 };
    },

    async ownUserDocument(
      server: SyncServer,
      credentials: CouchCredentials,
    ): Promise<Step<Record<string, unknown>>> {
      const reply = await call(server, 'GET', userPath(credentials.name), credentials);
      if (!reply.ok) return reply;
      if (reply.value.status !== 200 || typeof reply.value.body !== 'object' || reply.value.body === null)
        return memberRefused(reply.value.status);
      return { ok: true, value: reply.value.body as Record<string, unknown> };
    },

    async replaceOwnPassword(
      server: SyncServer,
      credentials: CouchCredentials,
      document: Record<string, unknown>,
      password: string,
    ): Promise<Step<true>> {
      const reply = await call(server, 'PUT', userPath(credentials.name), credentials, {
        ...document,
        password,
      });
      if (!reply.ok) return reply;
      if (reply.value.status === 201 || reply.value.status === 202 || reply.value.status === 200)
        return { ok: true, value: true };
      return memberRefused(reply.value.status);
    },
  };
}

export function memberRefused(status: number): { ok: false; code: SyncFailureCode; message: string } {
  if (status === 401)
    return {
      ok: false,
      code: 'auth',
      message:
        'The sync server did not accept this computer’s sign-in. It may have been removed from the home.',
    };
  if (status === 403)
    return {
      ok: false,
      code: 'forbidden',
      message: 'The sync server refused: this computer is not a member of the home’s database.',
    };
  return {
    ok: false,
    code: 'server-error',
    message: `The sync server answered in a way Family Links did not expect (${status}).`,
  };
}
