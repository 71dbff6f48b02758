import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { inMemoryProtectedStorage } from '../../../../../electron/main/services/mail/in-memory-protected-storage';
import { createSyncService } from '../../../../../electron/main/services/sync/sync-service';
import { createTrustServices } from '../../../../../electron/main/services/trust-services';
import { startCouchTestServer, type CouchTestServer } from '../../../../support/couchdb-test-server';
import { makeTestCertificates } from '../../../../support/test-certificates';

/** The home's database on the test server. */
export const homeDatabase = 'oak-house';

/**
 * One CouchDB-protocol test server for a whole test file, started before its tests and closed after
 * them, and a main-process sync service for each computer, each in a temporary folder of its own
 * (`folderPrefix` names them) deleted with the server.
 */
export function couchTestRig(folderPrefix: string) {
  let started: CouchTestServer | undefined;
  let homeCa: string | undefined;
  const folders: string[] = [];
  beforeAll(async () => {
    started = await startCouchTestServer();
    homeCa = makeTestCertificates('Oak House home CA').caPem;
  }, 60_000);
  afterAll(async () => {
    await started?.close();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });
  const homeAuthorityPem = (): string => {
    if (!homeCa) throw new Error('The home CA is made before the tests.');
    return homeCa;
  };
  const couch = (): CouchTestServer => {
    if (!started) throw new Error('The CouchDB test server has not started.');
    return started;
  };
  return {
    couch,
    /** The server settings a computer is given: the home's database, trusting the test server's CA. */
    server: () => ({ serverUrl: couch().origin, database: homeDatabase, caCertificatePem: couch().caPem }),
    /** The home CA's certificate, as the manager's computer puts it in a new computer's code. */
    homeAuthorityPem,
    /** What the manager gives to add a computer called `name`: the admin's sign-in, the name, the CA. */
    addition: (name: string) => ({ admin: couch().admin, name, homeAuthorityPem: homeAuthorityPem() }),
    /** A computer's main-process sync service in a new temporary folder. */
    syncService: async (protectedStorage = inMemoryProtectedStorage()) => {
      const folder = await mkdtemp(join(tmpdir(), folderPrefix));
      folders.push(folder);
      // The main key and the manager proofs as the app makes them, over the same folder.
      const trust = createTrustServices({ folder, protectedStorage });
      const open = () => createSyncService({ folder, protectedStorage, mainKey: trust.mainKey });
      /** `reopen`: the same computer started again, reading its settings file afresh. */
      return {
        sync: open(),
        folder,
        reopen: open,
        trust,
        proofs: trust.proofs,
        homeAuthority: trust.homeAuthority,
      };
    },
  };
}
