import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpsRequest, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import expressPouchDb from 'express-pouchdb';
import PouchDB, { type ServerDatabase, type ServerPouchConstructor } from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapReduce from 'pouchdb-mapreduce';
import { makeTestCertificates, type TestCertificates } from './test-certificates';

/** One request as the server saw it: enough for a test to check what reached the server. */
export type CouchRequestRecord = {
  readonly method: string;
  readonly path: string;
  /** The Basic-auth user name, if the request carried one. */
  readonly user: string | null;
  readonly status: number;
};

export type CouchTestServer = {
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  /** The test CA that issued the server's certificate (what a home's manager would paste in). */
  readonly caPem: string;
  readonly admin: { readonly name: string; readonly password: string };
  /** Every request so far, oldest first. */
  readonly requests: readonly CouchRequestRecord[];
  /** Calls the server's HTTP API as the admin (or as `as`), trusting the test CA; JSON in and out. */
  call(
    method: string,
    path: string,
    body?: unknown,
    as?: { name: string; password: string },
  ): Promise<{ status: number; body: unknown }>;
  createDatabase(name: string, members?: readonly string[]): Promise<void>;
  createUser(name: string, password: string): Promise<void>;
  /**
   * The server's own copy of a database, beneath the HTTP API: what someone with the server's
   * disk could change. Tests use it to alter, invent or delete documents behind the clients' backs.
   */
  rawDatabase(name: string): ServerDatabase;
  /**
   * While false, every request is answered 503, as a server down for maintenance: what a
   * journey uses to see what the app says, and keeps, when the server does not answer.
   */
  available: boolean;
  close(): Promise<void>;
};

let withPlugins: ServerPouchConstructor | undefined;

/** PouchDB's plugins change the class they are given, once per process: a second time throws. */
function pouchWithPlugins(): ServerPouchConstructor {
  withPlugins ??= PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication).plugin(mapReduce);
  return withPlugins;
}

const adminDefaults = { name: 'couch-admin', password: 'admin password for the test server only' };

/**
 * A CouchDB-protocol server for tests and benchmarks: express-pouchdb over pouchdb-core with the
 * in-memory adapter, behind Node's `https.createServer` on 127.0.0.1 at a random port, with a
 * server certificate from a fresh test CA. Users (`_users`), `_session` and per-database
 * `_security` work, and a server admin exists from the start, as on a real CouchDB 3.
 *
 * It is not Apache CouchDB: clients are written to the protocol, not to this server. One known
 * defect is fenced off here: once an admin exists, a non-admin `PUT /{db}` crashes express-pouchdb
 * (pouchdb-server issue 374), so that request is refused with CouchDB's own 401 before it reaches
 * it. Clients never create databases (`skip_setup: true`); the admin does.
 *
 * `corsOrigin` lets a browser page on that origin call the server directly (the benchmark's bare
 * replication floor); the app itself never does, it goes through the main process.
 */
export async function startCouchTestServer(
  options: {
    certificates?: TestCertificates;
    admin?: { name: string; password: string };
    corsOrigin?: string;
  } = {},
): Promise<CouchTestServer> {
  const certificates = options.certificates ?? makeTestCertificates('Family Links sync test CA');
  const admin = options.admin ?? adminDefaults;
  const folder = await mkdtemp(join(tmpdir(), 'family-links-couch-'));
  // Each server has its own PouchDB class and prefix, so two servers in one process share nothing.
  const ServerPouch = pouchWithPlugins().defaults({ adapter: 'memory', prefix: `${folder}/` });
  const app = expressPouchDb(ServerPouch, {
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: join(folder, 'log.txt'),
    overrideMode: { exclude: ['routes/fauxton', 'routes/replicate', 'replicator'] },
  });
  await new Promise<void>((resolve, reject) =>
    app.couchConfig.set('admins', admin.name, admin.password, (error) =>
      error
        ? reject(error instanceof Error ? error : new Error('The test server’s admin could not be set'))
        : resolve(),
    ),
  );
  const adminAuth = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  const requests: CouchRequestRecord[] = [];
  const state = { available: true };

  function userOf(request: IncomingMessage): string | null {
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return null;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    return decoded.slice(0, Math.max(0, decoded.indexOf(':')));
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    response.on('finish', () =>
      requests.push({
        method: request.method ?? '',
        path,
        user: userOf(request),
        status: response.statusCode,
      }),
    );
    if (options.corsOrigin && request.headers.origin === options.corsOrigin) {
      response.setHeader('Access-Control-Allow-Origin', options.corsOrigin);
      response.setHeader('Access-Control-Allow-Credentials', 'true');
      response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
      response.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE');
      if (request.method === 'OPTIONS') {
        response.writeHead(204).end();
        return;
      }
    }
    if (!state.available) {
      response
        .writeHead(503, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ error: 'unavailable', reason: 'The server is down for maintenance.' }));
      return;
    }
    const pathname = new URL(path, 'https://127.0.0.1').pathname;
    if (
      request.method === 'PUT' &&
      /^\/[^/_][^/]*\/?$/.test(pathname) &&
      request.headers.authorization !== adminAuth
    ) {
      response
        .writeHead(401, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ error: 'unauthorized', reason: 'You are not a server admin.' }));
      return;
    }
    app(request, response);
  }

  const server: Server = createServer({ key: certificates.keyPem, cert: certificates.certPem }, handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `https://127.0.0.1:${port}`;

  function call(
    method: string,
    path: string,
    body?: unknown,
    as: { name: string; password: string } = admin,
  ): Promise<{ status: number; body: unknown }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = httpsRequest(
        `${origin}${path}`,
        {
          method,
          ca: certificates.caPem,
          headers: {
            Accept: 'application/json',
            // An empty name plays a request with no credentials at all.
            ...(as.name === ''
              ? {}
              : { Authorization: `Basic ${Buffer.from(`${as.name}:${as.password}`).toString('base64')}` }),
            ...(payload === undefined
              ? {}
              : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // Not JSON: the text as it came.
            }
            resolve({ status: incoming.statusCode ?? 0, body: parsed });
          });
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  async function expectOk(what: string, reply: Promise<{ status: number; body: unknown }>): Promise<void> {
    const { status, body } = await reply;
    if (status < 200 || status >= 300)
      throw new Error(`The test server refused to ${what}: ${status} ${JSON.stringify(body)}`);
  }

  return {
    origin,
    caPem: certificates.caPem,
    admin,
    requests,
    call,
    async createDatabase(name, members = []) {
      await expectOk(`create the database ${name}`, call('PUT', `/${encodeURIComponent(name)}`));
      await expectOk(
        `set the members of ${name}`,
        call('PUT', `/${encodeURIComponent(name)}/_security`, {
          admins: { names: [], roles: [] },
          members: { names: [...members], roles: [] },
        }),
      );
    },
    async createUser(name, password) {
      await expectOk(
        `create the user ${name}`,
        call('PUT', `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`, {
          _id: `org.couchdb.user:${name}`,
          name,
          password,
          roles: [],
          type: 'user',
        }),
      );
    },
    rawDatabase: (name) => new ServerPouch(name),
    get available() {
      return state.available;
    },
    set available(on: boolean) {
      state.available = on;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(folder, { recursive: true, force: true });
    },
  };
}
