import type { SyncHttpReply, SyncHttpRequest } from '@shared/ipc/channels/sync';
import type { IpcResult } from '@shared/ipc/ipc-result';

/** `window.api['sync:http']`: the main process performs the request and answers with the server's reply. */
export type SyncHttpPort = (request: SyncHttpRequest) => Promise<IpcResult<SyncHttpReply>>;

/**
 * The address PouchDB is given for the home's database. It is never contacted: `.invalid` cannot
 * resolve, and every request PouchDB makes to it goes through `createIpcFetch` to the main process,
 * which sends it to the real server. So the renderer needs no `connect-src` for the server, holds
 * no server password, and cannot be pointed at any other server.
 */
export function virtualDatabaseUrl(database: string): string {
  return `https://sync.family-links.invalid/${encodeURIComponent(database)}`;
}

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);

function refusal(reason: string): Response {
  return new Response(JSON.stringify({ error: 'forbidden', reason }), {
    status: 403,
    headers: { 'Content-Type': 'application/json' },
  });
}

/**
 * The sync server could not be reached, or the request failed on the way. A TypeError, as a
 * browser's own network failures are, so PouchDB backs off and tries again. PouchDB also asks
 * the server for its details after each batch without waiting for the answer, so this can reach
 * the page as an unhandled rejection: the sync status already says the server is out of reach,
 * and the unexpected-error banner must not tell staff an action of theirs failed.
 */
export class SyncServerUnreachable extends TypeError {}

export function isSyncServerUnreachable(reason: unknown): reason is SyncServerUnreachable {
  return reason instanceof SyncServerUnreachable;
}

function abortError(): DOMException {
  return new DOMException('The sync request was cancelled.', 'AbortError');
}

/**
 * A `fetch` for PouchDB's http adapter (its `fetch` option) that carries each request over IPC.
 * Requests for anything but the home's database (PouchDB asks the server's root for its uuid) get
 * a local 403, which PouchDB tolerates. A failure to reach the server becomes a rejected fetch,
 * which PouchDB treats as a network error and retries.
 */
export function createIpcFetch(
  syncHttp: SyncHttpPort,
  databaseUrl: string,
): (url: string, options: RequestInit) => Promise<Response> {
  const base = new URL(databaseUrl);
  return async (url, options) => {
    const signal = options.signal ?? undefined;
    if (signal?.aborted) throw abortError();
    const target = new URL(url);
    const inside =
      target.origin === base.origin &&
      (target.pathname === base.pathname || target.pathname.startsWith(`${base.pathname}/`));
    if (!inside) return refusal('Only the home’s database is reachable for sync.');
    const method = (options.method ?? 'GET').toUpperCase();
    if (!methods.has(method)) return refusal(`${method} is not used for sync.`);
    const body = options.body;
    if (body !== undefined && body !== null && typeof body !== 'string')
      return refusal('Only JSON text is sent for sync.');
    const request: SyncHttpRequest = {
      method: method as SyncHttpRequest['method'],
      path: target.pathname.slice(base.pathname.length) || '/',
      query: target.search.replace(/^\?/, ''),
      ...(typeof body === 'string' ? { body } : {}),
    };
    const pending = syncHttp(request);
    const result = signal
      ? await Promise.race([
          pending,
          new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () => reject(abortError()), { once: true }),
          ),
        ])
      : await pending;
    if (!result.ok) throw new SyncServerUnreachable(result.error.message);
    const reply = result.value;
    if (reply.outcome === 'failed') {
      // The relay's own refusal is an answer, not a network failure: retrying cannot help.
      if (reply.code === 'refused') return refusal(reply.message);
      throw new SyncServerUnreachable(reply.message);
    }
    const empty = method === 'HEAD' || reply.status === 204 || reply.status === 304;
    return new Response(empty ? null : reply.body, {
      status: reply.status,
      headers: { 'Content-Type': reply.contentType || 'application/json' },
    });
  };
}
