/**
 * Which requests the renderer's replicator may send to the sync server through the main process.
 * The renderer runs PouchDB, but the main process performs every request, adding this computer's
 * credentials; so anything the renderer asks for is checked here first, whatever asked for it.
 *
 * Only what the CouchDB replication protocol needs, inside the home's database: the database's
 * info, the changes feed (never an endless one), revision differences, bulk reads and writes,
 * single documents by id (read only) and replication checkpoints (`_local`). Never design
 * documents, `_security`, attachments, other databases, the server's root, or the pairing
 * documents (which have their own channels).
 */

export type SyncMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

export type SyncRequestCheck =
  | {
      readonly ok: true;
      /** The path inside the database, as given (it already passed the allow-list). */
      readonly path: string;
      /** The query string to send, re-encoded, without its `?` (may be empty). */
      readonly query: string;
      readonly kind: 'changes-longpoll' | 'ordinary';
      /** For a longpoll: the wait the server was asked for, in milliseconds. */
      readonly serverWaitMs: number;
    }
  | { readonly ok: false; readonly reason: string };

/** The longest a longpoll `_changes` may ask the server to wait (CouchDB's own default is 60 s). */
export const longestServerWaitMs = 60_000;

/** Document ids the app writes are keyed hashes (base64url or hex): letters, digits, `-`, `_`. */
const documentId = /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/;
/** PouchDB's checkpoint ids are base64 with `/` and `+` swapped out, so `=` arrives as %3D. */
const localId = /^(?:[A-Za-z0-9._~-]|%3D){1,200}$/;
export const pairingLocalPrefix = 'family-links-pairing-';

const routes: readonly { readonly pattern: RegExp; readonly methods: readonly SyncMethod[] }[] = [
  { pattern: /^\/$/, methods: ['GET', 'HEAD'] },
  { pattern: /^\/_changes$/, methods: ['GET', 'POST'] },
  { pattern: /^\/_revs_diff$/, methods: ['POST'] },
  { pattern: /^\/_bulk_docs$/, methods: ['POST'] },
  { pattern: /^\/_bulk_get$/, methods: ['POST'] },
  { pattern: /^\/_all_docs$/, methods: ['GET', 'POST'] },
  { pattern: /^\/_local\/[^/]+$/, methods: ['GET', 'PUT', 'DELETE'] },
  { pattern: /^\/[^_/][^/]*$/, methods: ['GET'] },
];

const queryKey = /^[a-z_]{1,32}$/;
const longestQuery = 4000;

export function checkSyncRequest(request: {
  readonly method: SyncMethod;
  readonly path: string;
  readonly query: string;
}): SyncRequestCheck {
  const { method, path } = request;
  const route = routes.find((candidate) => candidate.pattern.test(path));
  if (!route) return { ok: false, reason: 'That part of the server is not used for sync.' };
  if (!route.methods.includes(method))
    return { ok: false, reason: `${method} is not used on that part of the server.` };
  if (path.startsWith('/_local/')) {
    const id = path.slice('/_local/'.length);
    if (!localId.test(id) || id === '.' || id === '..')
      return { ok: false, reason: 'That checkpoint id is not one PouchDB makes.' };
    if (id.startsWith(pairingLocalPrefix))
      return { ok: false, reason: 'Pairing documents are read and removed through their own requests.' };
  } else if (!path.startsWith('/_') && path !== '/' && !documentId.test(path.slice(1))) {
    return { ok: false, reason: 'That document id is not one the app makes.' };
  }

  if (request.query.length > longestQuery) return { ok: false, reason: 'The query is too long.' };
  const params = new URLSearchParams(request.query);
  for (const key of params.keys()) {
    if (!queryKey.test(key))
      return { ok: false, reason: `The query parameter “${key}” is not used for sync.` };
  }
  const query = params.toString();
  if (path !== '/_changes') return { ok: true, path, query, kind: 'ordinary', serverWaitMs: 0 };

  const feed = params.get('feed');
  if (feed === null || feed === 'normal') return { ok: true, path, query, kind: 'ordinary', serverWaitMs: 0 };
  if (feed !== 'longpoll')
    return {
      ok: false,
      reason: 'Only a normal or longpoll changes feed can be relayed, not an endless one.',
    };
  const timeout = Number(params.get('timeout') ?? longestServerWaitMs);
  const heartbeat = params.get('heartbeat');
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > longestServerWaitMs)
    return {
      ok: false,
      reason: `A longpoll may ask the server to wait at most ${longestServerWaitMs / 1000} s.`,
    };
  if (heartbeat !== null && !/^\d{1,6}$/.test(heartbeat))
    return { ok: false, reason: 'The heartbeat must be a number of milliseconds.' };
  // Without a timeout CouchDB would wait for its own default; the relay always says how long.
  if (!params.has('timeout')) params.set('timeout', String(longestServerWaitMs));
  return { ok: true, path, query: params.toString(), kind: 'changes-longpoll', serverWaitMs: timeout };
}
