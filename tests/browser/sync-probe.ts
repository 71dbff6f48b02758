// A page that plays one computer's replicator with opaque test documents: the renderer's own sync
// transport (renderer/src/platform/sync) over the real window.api, with no records and no UI. Bundled by
// tests/support/browser-bundle.ts and served at the app's origin under the app's CSP.
import '../../shared/zod-setup';
import { api } from './page-api';
import type { Database, SyncDocument } from 'pouchdb-browser';
import PouchDB from 'pouchdb-browser';
import { openMirror, openRemote, replicateOnce } from '../../renderer/src/platform/sync/replicator';
import { createIpcFetch, virtualDatabaseUrl } from '../../renderer/src/platform/sync/ipc-fetch';

type ProbeGlobal = typeof globalThis & { familyLinksSyncProbe?: SyncProbe };
const page: ProbeGlobal = globalThis;

let mirror: Database | undefined;
let remote: Database | undefined;
const cspViolations: string[] = [];
addEventListener('securitypolicyviolation', (event) =>
  cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
);

function randomText(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of random) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** PouchDB's errors are objects with a status and a reason; say what they held. */
async function explained<T>(task: Promise<T>): Promise<T> {
  try {
    return await task;
  } catch (error) {
    const { name, status, message, reason } = (error ?? {}) as Record<string, unknown>;
    throw new Error(`PouchDB failed: ${JSON.stringify({ name, status, message, reason })}`, {
      cause: error,
    });
  }
}

const probe = {
  open(database: string, mirrorName: string): void {
    mirror = openMirror(mirrorName);
    remote = openRemote(database, (request) => api()['sync:http'](request));
  },
  /** Opaque documents shaped like sealed envelopes: a random id and ciphertext-sized noise. */
  async write(count: number, bytesEach = 600): Promise<string[]> {
    if (!mirror) throw new Error('open() first');
    const docs: SyncDocument[] = Array.from({ length: count }, () => ({
      // Ids the app makes are keyed hashes in base64url behind a letter: never a leading underscore, which CouchDB reserves.
      _id: `d${randomText(16)}`,
      v: 1,
      s: randomText(bytesEach),
    }));
    for (let start = 0; start < docs.length; start += 1000)
      await mirror.bulkDocs(docs.slice(start, start + 1000));
    return docs.map((doc) => doc._id);
  },
  async push(): Promise<number> {
    if (!mirror || !remote) throw new Error('open() first');
    return (await explained(replicateOnce(mirror, remote))).docs_written;
  },
  async pull(): Promise<{ written: number; progressEvents: number }> {
    if (!mirror || !remote) throw new Error('open() first');
    let progressEvents = 0;
    const result = await explained(replicateOnce(remote, mirror, () => (progressEvents += 1)));
    return { written: result.docs_written, progressEvents };
  },
  async ids(): Promise<string[]> {
    if (!mirror) throw new Error('open() first');
    return (await explained(mirror.allDocs())).rows.map((row) => row.id).sort();
  },
  /** What the transport answers for an address outside the home's database. */
  async fetchOutside(database: string, url: string): Promise<number> {
    const fetchOverIpc = createIpcFetch(
      (request) => api()['sync:http'](request),
      virtualDatabaseUrl(database),
    );
    return (await fetchOverIpc(url, { method: 'GET' })).status;
  },
  violations: (): string[] => [...cspViolations],
  /**
   * A new computer's first pull into an empty mirror, timed here: through the relay (as the app
   * does), or bare (PouchDB straight to the server over fetch, the floor). The mirror is deleted
   * afterwards, so each pass starts empty.
   */
  async timedFirstPull(
    mirrorName: string,
    via:
      | { readonly kind: 'relay'; readonly database: string }
      | { readonly kind: 'bare'; readonly url: string; readonly name: string; readonly password: string },
  ): Promise<{ ms: number; written: number }> {
    const fresh = openMirror(mirrorName);
    const source =
      via.kind === 'relay'
        ? openRemote(via.database, (request) => api()['sync:http'](request))
        : new PouchDB(via.url, { skip_setup: true, auth: { username: via.name, password: via.password } });
    try {
      const started = performance.now();
      const result = await explained(replicateOnce(source, fresh));
      return { ms: performance.now() - started, written: result.docs_written };
    } finally {
      await fresh.destroy();
    }
  },
};
export type SyncProbe = typeof probe;
page.familyLinksSyncProbe = probe;
