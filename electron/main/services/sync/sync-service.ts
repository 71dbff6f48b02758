import { randomBytes } from 'node:crypto';
import { X509Certificate } from 'node:crypto';
import {
  syncReplyBodyLimit,
  type SyncFailureCode,
  type SyncHttpReply,
  type SyncHttpRequest,
  type SyncStatus,
} from '../../../../shared/ipc/channels/sync';
import {
  longestPairingLifetimeMs,
  type PairingEnvelope,
  pairingEnvelopeSchema,
} from '../../../../shared/sync/pairing-envelope';
import { pairingIdAlphabet } from '../../../../shared/sync/pairing-code';
import { checkSyncRequest, pairingLocalPrefix } from '../../../../shared/sync/sync-request-rules';
import {
  computerUserName,
  syncServerSchema,
  type ServerAdmin,
  type SyncServer,
} from '../../../../shared/sync/sync-settings';
import type { MainKey } from '../main-key';
import type { ProtectedStorage } from '../mail/protected-storage';
import { createCouchCalls, memberRefused } from './couch-admin';
import { createCouchHttp, type CouchCredentials } from './couch-http';
import { createSyncSettingsStore, type SyncConnection, type SyncSettingsRead } from './sync-settings-store';
import type { ClockAndLog } from '../clock-and-log';

export type SyncOutcome<Value> =
  | ({ readonly outcome: 'done' } & Value)
  | { readonly outcome: 'failed'; readonly code: SyncFailureCode; readonly message: string };

const failed = (code: SyncFailureCode, message: string) => ({ outcome: 'failed', code, message }) as const;

/** A longpoll gets this long beyond the wait it asked the server for; anything else gets two minutes. */
const longpollMarginMs = 15_000;
const ordinaryDeadlineMs = 120_000;

/** What a joining computer signs in to the server with: the code's pairing id and first password. */
type PairingSignIn = {
  readonly server: SyncServer;
  readonly pairingId: string;
  readonly joinPassword: string;
};

export type SyncServiceOptions = ClockAndLog & {
  /** The app's own folder (userData): the settings file lives here, never in IndexedDB. */
  readonly folder: string;
  readonly protectedStorage: ProtectedStorage;
  /** Binds the stored password to its server, so an edited settings file cannot redirect it. */
  readonly mainKey: MainKey;
};

/** The same address, database and trusted CA: where this computer's records already go. */
function sameServer(a: SyncServer, b: SyncServer): boolean {
  return (
    a.serverUrl === b.serverUrl &&
    a.database === b.database &&
    (a.caCertificatePem ?? null) === (b.caCertificatePem ?? null)
  );
}

/** Eight base32 characters from the OS's random source: a first computer's user name suffix. */
function randomId(): string {
  const bytes = randomBytes(8);
  return [...bytes].map((byte) => pairingIdAlphabet[byte % 32]).join('');
}

/** The database a computer's server user (`fl-<database>-<id>`) belongs to. */
function databaseOfUser(computerUser: string): string {
  return computerUser.slice('fl-'.length, computerUser.lastIndexOf('-'));
}

/** 32 random bytes as base64url: a computer's server password, known only to that computer. */
function randomPassword(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sync with the home's CouchDB server, main-process side (DESIGN: several computers, one home).
 * Plain Node, no `electron`: the OS's protected storage is passed in. This computer's server
 * password is made here, kept here (encrypted) and used here: the renderer's replicator sends each
 * protocol request through `http`, which checks it against the allow-list, adds the credentials
 * and performs it over verified TLS inside the home's database.
 */
export function createSyncService(options: SyncServiceOptions) {
  const now = options.now ?? (() => new Date());
  const store = createSyncSettingsStore(options);
  const http = createCouchHttp(options.log ? { log: options.log } : {});
  const couch = createCouchCalls(http);
  let cached: Promise<SyncSettingsRead> | undefined;

  const settings = () => (cached ??= store.read());
  /** The settings only if the main key vouches for them: a changed file's server is never contacted. */
  const connection = async (): Promise<SyncConnection | null> => {
    const read = await settings();
    return read.state === 'trusted' ? read.connection : null;
  };
  const forgetCache = () => {
    cached = undefined;
    http.closeIdle();
  };

  function statusOf(read: SyncSettingsRead): SyncStatus {
    const passwordProtection = store.protection();
    if (read.state === 'changed') return { configured: false, passwordProtection, changedOutsideApp: true };
    if (read.state === 'none') return { configured: false, passwordProtection };
    const current = read.connection;
    return {
      configured: true,
      serverUrl: current.server.serverUrl,
      database: current.server.database,
      computerUser: current.computerUser,
      trustsOwnCa: current.server.caCertificatePem !== undefined,
      hasPassword: current.password !== undefined,
      passwordProtection,
    };
  }

  function credentialsOf(current: SyncConnection | null): CouchCredentials | null {
    return current?.password === undefined
      ? null
      : { name: current.computerUser, password: current.password };
  }

  function unreadableCa(server: SyncServer): boolean {
    if (!server.caCertificatePem) return false;
    try {
      new X509Certificate(server.caCertificatePem);
      return false;
    } catch {
      return true;
    }
  }

  const notConfigured = failed(
    'not-configured',
    'This computer is not connected to a sync server (or its server password could not be opened here).',
  );
  const noProtectedStorage = failed(
    'no-protected-storage',
    'This computer offers no protected storage for the server password, so sync was not set up. Family Links will not keep it as plain text.',
  );
  const noMainKey = failed(
    'no-protected-storage',
    'Family Links cannot open the key it keeps for its own records on this computer, so the sync settings were not saved.',
  );
  const notKept = (written: 'no-protected-storage' | 'no-main-key') =>
    written === 'no-main-key' ? noMainKey : noProtectedStorage;
  const alreadyConnected = failed(
    'conflict',
    'This computer is already connected to another sync server, so it cannot join one with this code. Nothing was changed.',
  );
  const badCa = failed(
    'invalid',
    'That CA certificate could not be read. Paste the whole PEM text, including the BEGIN and END lines.',
  );

  /**
   * Sets this computer up with the server. `computerUser`: this computer is one of the home's
   * computers already (its settings were lost or changed outside the app) and the home's registry
   * names this user as its own; the user is made again under that name with a new password, so
   * that removing the computer later takes away the user it connects as, not one nobody knows of.
   */
  async function setUpServer(request: {
    server: SyncServer;
    admin: ServerAdmin;
    createDatabase: boolean;
    computerUser?: string | undefined;
  }): Promise<SyncOutcome<{ status: SyncStatus }>> {
    const { server, admin } = request;
    if (request.computerUser !== undefined && !request.computerUser.startsWith(`fl-${server.database}-`))
      return failed(
        'invalid',
        `This computer connected to the database ${databaseOfUser(request.computerUser)} before. Enter that database’s name.`,
      );
    if (unreadableCa(server)) return badCa;
    if (!options.protectedStorage.isEncryptionAvailable()) return noProtectedStorage;
    const isAdmin = await couch.checkAdmin(server, admin);
    if (!isAdmin.ok) return failed(isAdmin.code, isAdmin.message);
    const exists = await couch.databaseExists(server, admin);
    if (!exists.ok) return failed(exists.code, exists.message);
    if (!exists.value) {
      if (request.computerUser !== undefined)
        return failed(
          'no-database',
          `The server has no database called ${server.database}. Check the server’s address: it is the one this computer used before.`,
        );
      if (!request.createDatabase)
        return failed(
          'no-database',
          `The server has no database called ${server.database}. Check the name, or let Family Links create it.`,
        );
      const created = await couch.createDatabase(server, admin);
      if (!created.ok) return failed(created.code, created.message);
    } else if (request.computerUser === undefined) {
      // A second home started in a database that holds one already would have each home's
      // computers refuse the other's records, and the other home's manager told of them.
      const taken = await couch.holdsHomeComputers(server, admin);
      if (!taken.ok) return failed(taken.code, taken.message);
      if (taken.value)
        return failed(
          'conflict',
          `The database ${server.database} on that server already holds the records of a home’s computers, so this computer cannot start sync there. Choose another database name. (A computer of that home joins it with a code made on one of its computers.)`,
        );
    }
    const user = {
      name: request.computerUser ?? computerUserName(server.database, randomId()),
      password: randomPassword(),
    };
    if (request.computerUser !== undefined) {
      // Its old password went with the lost settings: the user is made again with a new one.
      const gone = await couch.deleteUser(server, admin, user.name);
      if (!gone.ok) return failed(gone.code, gone.message);
      // Removing a computer deletes its user: none means it was removed (on a computer whose
      // registry this one has not seen), and only joining with a new code may bring it back.
      if (!gone.value)
        return failed(
          'not-found',
          'The server has no user for this computer: it was removed from the home’s computers, or this is not the server it used before. Check the server’s address. Nothing was changed.',
        );
    }
    const madeUser = await couch.createUser(server, admin, user);
    if (!madeUser.ok) return failed(madeUser.code, madeUser.message);
    const member = await couch.changeMember(server, admin, user.name, 'add');
    if (!member.ok) {
      await couch.deleteUser(server, admin, user.name);
      return failed(member.code, member.message);
    }
    // A database anyone can read without signing in would hand every sealed record to anyone who asks.
    const open = await couch.readableWithoutSignIn(server);
    if (open.ok && open.value)
      return failed(
        'public-database',
        `Anyone can read the database ${server.database} on that server without signing in. Ask whoever runs the server to restrict it to its members (see the sync set-up page), then try again.`,
      );
    const canRead = await couch.call(server, 'GET', `/${encodeURIComponent(server.database)}/`, user);
    if (!canRead.ok) return failed(canRead.code, canRead.message);
    if (canRead.value.status !== 200) {
      const { code, message } = memberRefused(canRead.value.status);
      return failed(code, message);
    }
    const written = await store.write({ server, computerUser: user.name, password: user.password });
    if (written !== 'written') return notKept(written);
    forgetCache();
    return { outcome: 'done', status: statusOf(await settings()) };
  }

  function checkEnvelope(pairingId: string, envelope: PairingEnvelope): string | null {
    if (envelope.pairingId !== pairingId) return 'The pairing does not match its id.';
    const expires = new Date(envelope.expiresAt).getTime();
    const at = now().getTime();
    if (!(expires > at)) return 'The pairing has already expired.';
    if (expires - at > longestPairingLifetimeMs) return 'A pairing may wait at most seven days.';
    return null;
  }

  /**
   * Takes one computer's user off the server: out of the database's members first (so it is
   * refused at once), then the user, then any pairing document its code left. The admin is the
   * manager's, for this one operation.
   */
  async function takeUserAway(
    server: SyncServer,
    admin: ServerAdmin,
    own: CouchCredentials,
    computerUser: string,
  ): Promise<SyncOutcome<{ removedUser: boolean; removedMember: boolean }>> {
    const member = await couch.changeMember(server, admin, computerUser, 'remove');
    if (!member.ok) return failed(member.code, member.message);
    const user = await couch.deleteUser(server, admin, computerUser);
    if (!user.ok) return failed(user.code, user.message);
    const pairingId = computerUser.slice(`fl-${server.database}-`.length);
    await couch.deleteLocal(server, own, `${pairingLocalPrefix}${pairingId}`);
    return { outcome: 'done', removedUser: user.value, removedMember: member.value };
  }

  /** Whether a user name is one this home's database gave a computer, and not this computer's own. */
  function otherComputerOfHome(current: SyncConnection, computerUser: string): string | null {
    if (computerUser === current.computerUser)
      return 'That is this computer. Remove it from another computer of the home.';
    if (!computerUser.startsWith(`fl-${current.server.database}-`))
      return 'That computer does not belong to this home’s database.';
    return null;
  }

  async function addComputer(request: {
    admin: ServerAdmin;
    pairingId: string;
    joinPassword: string;
    envelope: PairingEnvelope;
    replaces?: readonly string[] | undefined;
  }): Promise<SyncOutcome<{ computerUser: string; removedUsers: string[] }>> {
    const current = await connection();
    const own = credentialsOf(current);
    if (!current || !own) return notConfigured;
    const problem = checkEnvelope(request.pairingId, pairingEnvelopeSchema.parse(request.envelope));
    if (problem) return failed('invalid', problem);
    const replaces = request.replaces ?? [];
    for (const stale of replaces) {
      const notOurs = otherComputerOfHome(current, stale);
      if (notOurs) return failed('invalid', notOurs);
    }
    const server = current.server;
    const isAdmin = await couch.checkAdmin(server, request.admin);
    if (!isAdmin.ok) return failed(isAdmin.code, isAdmin.message);
    // An earlier code's user that will never join (a half-joined computer's, or one cancelled or
    // expired) would otherwise stay a member of the home's database until someone noticed it.
    const removedUsers: string[] = [];
    for (const stale of replaces) {
      const gone = await takeUserAway(server, request.admin, own, stale);
      if (gone.outcome !== 'done') return gone;
      removedUsers.push(stale);
    }
    const documentId = `${pairingLocalPrefix}${request.pairingId}`;
    const left = await couch.writeLocal(server, own, documentId, { envelope: request.envelope });
    if (!left.ok) return failed(left.code, left.message);
    const user = {
      name: computerUserName(server.database, request.pairingId),
      password: request.joinPassword,
    };
    const madeUser = await couch.createUser(server, request.admin, user);
    const member = madeUser.ok ? await couch.changeMember(server, request.admin, user.name, 'add') : madeUser;
    if (!member.ok) {
      // Nothing half-made stays behind: no pairing without its user, no user outside the database.
      await couch.deleteLocal(server, own, documentId);
      if (madeUser.ok) await couch.deleteUser(server, request.admin, user.name);
      return failed(member.code, member.message);
    }
    return { outcome: 'done', computerUser: user.name, removedUsers };
  }

  async function pairingStatus(request: {
    pairingId: string;
  }): Promise<SyncOutcome<{ state: 'waiting' | 'collected' }>> {
    const current = await connection();
    const own = credentialsOf(current);
    if (!current || !own) return notConfigured;
    const found = await couch.readLocal(current.server, own, `${pairingLocalPrefix}${request.pairingId}`);
    if (!found.ok) return failed(found.code, found.message);
    return { outcome: 'done', state: found.value === null ? 'collected' : 'waiting' };
  }

  async function cancelPairing(request: {
    pairingId: string;
    joinPassword?: string | undefined;
  }): Promise<SyncOutcome<{ removed: boolean; disabledUser: boolean }>> {
    const current = await connection();
    const own = credentialsOf(current);
    if (!current || !own) return notConfigured;
    const removed = await couch.deleteLocal(current.server, own, `${pairingLocalPrefix}${request.pairingId}`);
    if (!removed.ok) return failed(removed.code, removed.message);
    if (request.joinPassword === undefined)
      return { outcome: 'done', removed: removed.value, disabledUser: false };
    // Still the code's own password: nobody used the code. A random password kept nowhere shuts
    // the user out until an admin deletes it; a used code's user signs in with its computer's own.
    const codeUser = {
      name: computerUserName(current.server.database, request.pairingId),
      password: request.joinPassword,
    };
    const document = await couch.ownUserDocument(current.server, codeUser);
    if (!document.ok) return { outcome: 'done', removed: removed.value, disabledUser: false };
    const replaced = await couch.replaceOwnPassword(
      current.server,
      codeUser,
      document.value,
      randomPassword(),
    );
    if (!replaced.ok) return failed(replaced.code, replaced.message);
    return { outcome: 'done', removed: removed.value, disabledUser: true };
  }

  async function removeComputer(request: {
    admin: ServerAdmin;
    computerUser: string;
  }): Promise<SyncOutcome<{ removedUser: boolean; removedMember: boolean }>> {
    const current = await connection();
    const own = credentialsOf(current);
    if (!current || !own) return notConfigured;
    const notOurs = otherComputerOfHome(current, request.computerUser);
    if (notOurs) return failed('invalid', notOurs);
    const isAdmin = await couch.checkAdmin(current.server, request.admin);
    if (!isAdmin.ok) return failed(isAdmin.code, isAdmin.message);
    return takeUserAway(current.server, request.admin, own, request.computerUser);
  }

  function joinCredentials(request: PairingSignIn): CouchCredentials {
    return {
      name: computerUserName(request.server.database, request.pairingId),
      password: request.joinPassword,
    };
  }

  async function fetchPairing(request: PairingSignIn): Promise<SyncOutcome<{ envelope: PairingEnvelope }>> {
    if (unreadableCa(request.server)) return badCa;
    const found = await couch.readLocal(
      request.server,
      joinCredentials(request),
      `${pairingLocalPrefix}${request.pairingId}`,
    );
    if (!found.ok) {
      if (found.code === 'auth')
        return failed(
          'auth',
          'The server did not accept the code. Check it; it may already have been used, or the computer was removed.',
        );
      return failed(found.code, found.message);
    }
    if (found.value === null)
      return failed(
        'not-found',
        'This code has already been used, or the manager cancelled it. Ask the manager for a new code.',
      );
    const envelope = pairingEnvelopeSchema.safeParse((found.value as { envelope?: unknown }).envelope);
    if (!envelope.success)
      return failed(
        'invalid',
        'The pairing on the server is not in the expected form. Ask the manager for a new code.',
      );
    return { outcome: 'done', envelope: envelope.data };
  }

  async function completeJoin(request: PairingSignIn): Promise<SyncOutcome<{ status: SyncStatus }>> {
    // Joining needs no proof (the new computer has no accounts yet), so it must never point a
    // computer that syncs at another server. The same server stays allowed: a computer that
    // started joining but did not finish is connected already, and finishes with a new code.
    const current = await connection();
    if (current && !sameServer(current.server, syncServerSchema.parse(request.server)))
      return alreadyConnected;
    if (unreadableCa(request.server)) return badCa;
    if (!options.protectedStorage.isEncryptionAvailable()) return noProtectedStorage;
    const joining = joinCredentials(request);
    const document = await couch.ownUserDocument(request.server, joining);
    if (!document.ok) return failed(document.code, document.message);
    const password = randomPassword();
    // Kept first, so a reply lost after the server took the new password cannot lock this computer out.
    const written = await store.write({ server: request.server, computerUser: joining.name, password });
    if (written !== 'written') return notKept(written);
    forgetCache();
    const replaced = await couch.replaceOwnPassword(request.server, joining, document.value, password);
    if (!replaced.ok) {
      await store.clear();
      forgetCache();
      return failed(replaced.code, replaced.message);
    }
    const removed = await couch.deleteLocal(
      request.server,
      { name: joining.name, password },
      `${pairingLocalPrefix}${request.pairingId}`,
    );
    if (!removed.ok)
      options.log?.('The pairing document could not be removed after joining', removed.message);
    return { outcome: 'done', status: statusOf(await settings()) };
  }

  async function relay(request: SyncHttpRequest): Promise<SyncHttpReply> {
    const current = await connection();
    const own = credentialsOf(current);
    if (!current || !own) return notConfigured;
    const checked = checkSyncRequest(request);
    if (!checked.ok) {
      options.log?.('Refused a sync request outside the replication protocol', {
        method: request.method,
        path: request.path,
      });
      return failed('refused', checked.reason);
    }
    const outcome = await http.send(current.server, {
      method: request.method,
      path: `/${encodeURIComponent(current.server.database)}${checked.path}`,
      query: checked.query,
      ...(request.body === undefined ? {} : { body: request.body }),
      credentials: own,
      deadlineMs:
        checked.kind === 'changes-longpoll' ? checked.serverWaitMs + longpollMarginMs : ordinaryDeadlineMs,
      maxReplyBytes: syncReplyBodyLimit,
    });
    if (outcome.kind === 'failed') return failed(outcome.code, outcome.message);
    return { outcome: 'reply', status: outcome.status, contentType: outcome.contentType, body: outcome.body };
  }

  return {
    getStatus: async (): Promise<SyncStatus> => statusOf(await settings()),
    setUpServer,
    addComputer,
    pairingStatus,
    cancelPairing,
    removeComputer,
    fetchPairing,
    completeJoin,
    async forgetServer(): Promise<void> {
      await store.clear();
      forgetCache();
    },
    http: relay,
    /** Closes idle connections when the app quits. */
    close: () => http.closeIdle(),
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
