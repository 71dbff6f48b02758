import { Agent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import type { SyncFailureCode } from '../../../../shared/ipc/channels/sync';
import { describeSyncFailure } from './sync-failures';
import type { Log } from '../clock-and-log';

/** Where requests go and whom to trust: the system's roots plus the home's own CA, if it has one. */
export type CouchTarget = { readonly serverUrl: string; readonly caCertificatePem?: string | undefined };
export type CouchCredentials = { readonly name: string; readonly password: string };

export type CouchRequest = {
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  /** Already encoded, starting with `/`, relative to the server's address (which may have a path). */
  readonly path: string;
  readonly query?: string;
  readonly body?: string;
  readonly credentials?: CouchCredentials;
  /** The whole exchange must be over by then. */
  readonly deadlineMs: number;
  readonly maxReplyBytes: number;
};

export type CouchOutcome =
  | { readonly kind: 'reply'; readonly status: number; readonly contentType: string; readonly body: string }
  | { readonly kind: 'failed'; readonly code: SyncFailureCode; readonly message: string };

/**
 * One HTTPS exchange with the sync server. TLS always (the address is https by its schema, and
 * this refuses anything else), the certificate verified against the system's roots plus the home's
 * CA, TLS 1.2 at least, no redirects followed, no compression asked for, the reply read up to a
 * limit and the whole exchange bounded in time. Credentials go in a Basic header, only ever over
 * this verified connection. Plain Node: the harness and tests run the very same code.
 */
export function createCouchHttp(options: { log?: Log } = {}) {
  const agents = new Map<string, Agent>();

  function agentFor(target: CouchTarget): Agent {
    const key = `${target.serverUrl}\u0000${target.caCertificatePem ?? ''}`;
    const existing = agents.get(key);
    if (existing) return existing;
    const host = new URL(target.serverUrl).hostname;
    const agent = new Agent({
      keepAlive: true,
      maxSockets: 6,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ...(target.caCertificatePem ? { ca: [...rootCertificates, target.caCertificatePem] } : {}),
      ...(isIP(host.replace(/^\[|\]$/g, '')) === 0 ? { servername: host } : {}),
    });
    agents.set(key, agent);
    return agent;
  }

  function send(target: CouchTarget, request: CouchRequest): Promise<CouchOutcome> {
    const base = new URL(target.serverUrl);
    if (base.protocol !== 'https:')
      return Promise.resolve({
        kind: 'failed',
        code: 'refused',
        message: 'Family Links only talks to a sync server over https.',
      });
    const url = new URL(
      `${base.pathname.replace(/\/$/, '')}${request.path}${request.query ? `?${request.query}` : ''}`,
      base.origin,
    );
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname.replace(/\/$/, '')))
      return Promise.resolve({
        kind: 'failed',
        code: 'refused',
        message: 'That request would leave the sync server.',
      });
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string | number> = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = body.byteLength;
    }
    if (request.credentials)
      headers['Authorization'] =
        `Basic ${Buffer.from(`${request.credentials.name}:${request.credentials.password}`, 'utf8').toString('base64')}`;

    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: CouchOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(outcome);
      };
      const outgoing = httpsRequest(
        url,
        { method: request.method, headers, agent: agentFor(target) },
        (incoming) => {
          const chunks: Buffer[] = [];
          let size = 0;
          incoming.on('data', (chunk: Buffer) => {
            size += chunk.byteLength;
            if (size > request.maxReplyBytes) {
              incoming.destroy();
              outgoing.destroy();
              finish({
                kind: 'failed',
                code: 'too-large',
                message: 'The sync server sent more than one reply may hold.',
              });
              return;
            }
            chunks.push(chunk);
          });
          incoming.on('end', () =>
            finish({
              kind: 'reply',
              status: incoming.statusCode ?? 502,
              contentType: String(incoming.headers['content-type'] ?? '').slice(0, 200),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          incoming.on('error', (error) =>
            finish({ kind: 'failed', ...describeSyncFailure(error, base.host) }),
          );
        },
      );
      const deadline = setTimeout(() => {
        outgoing.destroy(new Error('timed out'));
        finish({
          kind: 'failed',
          code: 'timeout',
          message: `The sync server at ${base.host} did not answer in time.`,
        });
      }, request.deadlineMs);
      outgoing.on('error', (error) => {
        options.log?.('A sync request failed', {
          code: (error as { code?: unknown }).code,
          message: error.message,
        });
        finish({ kind: 'failed', ...describeSyncFailure(error, base.host) });
      });
      outgoing.end(body);
    });
  }

  return {
    send,
    /** Closes idle connections (when the settings change or the app quits). */
    closeIdle(): void {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
export type CouchHttp = ReturnType<typeof createCouchHttp>;
