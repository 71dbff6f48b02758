// A page that plays one computer of the `sync-first-pull` benchmark beside the app, in its browser
// context (the same IndexedDB, device key store and window.api): the home's first computer loads
// the large home and pushes it, and a fresh computer joins and pulls it, both through the
// renderer's own sync code (sync-home, sync-runner, the pump and the applier) with no screens.
// Bundled by tests/support/browser-bundle.ts and served at the app's origin under the app's CSP.
import '../../shared/zod-setup';
import { api } from './page-api';
import type { PairingBundle } from '../../shared/sync/pairing-envelope';
import { FamilyLinksDb, openFamilyLinksDb } from '../../renderer/src/db/database';
import { replicatedRowSchemas } from '../../renderer/src/db/sync/replicated-rows';
import { pumpChanges } from '../../renderer/src/db/sync/sync-pump';
import { joinSyncHome, setUpFirstComputer, syncKeyText } from '../../renderer/src/db/sync/sync-home';
import { connectSync, publishRegistry, remoteOf, runSync } from '../../renderer/src/db/sync/sync-runner';
import { openDeviceKeyStore } from '../../renderer/src/platform/sync/device-key-store';
import { replicateOnce } from '../../renderer/src/platform/sync/replicator';
import { isHomeSetting } from '../../shared/rules/sync-scope';
import { generateHome } from '../fixtures/generate-home';
import { fixtureSession, loadFixture } from '../fixtures/load-fixture';

type ProbeGlobal = typeof globalThis & { familyLinksFirstPullProbe?: FirstPullProbe };
const page: ProbeGlobal = globalThis;

async function database(): Promise<FamilyLinksDb> {
  const opened = await openFamilyLinksDb(new FamilyLinksDb());
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/**
 * Rows in each table the applier takes from other computers: what a joined computer must hold
 * too. Of the settings, the home's only: the rest are each computer's own and never leave it.
 */
async function replicatedCounts(db: FamilyLinksDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of Object.keys(replicatedRowSchemas).sort())
    counts[name] =
      name === 'settings'
        ? (await db.settings.toCollection().primaryKeys()).filter(isHomeSetting).length
        : await db.table(name).count();
  return counts;
}

/** The applier's phases as `performance.measure` entries (`sync-apply:<phase>`), summed. */
function appliedPhases(): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const entry of performance.getEntriesByType('measure'))
    if (entry.name.startsWith('sync-apply:')) {
      const phase = entry.name.slice('sync-apply:'.length);
      phases[phase] = Math.round((phases[phase] ?? 0) + entry.duration);
    }
  return phases;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the pull may make no progress before the benchmark gives up and says what was refused. */
const stallMs = 60_000;

const probe = {
  /**
   * The home's first computer (its server set up already): loads the large home, sets sync up,
   * and sends the whole home (the change log starts with every record) to the server. Returns
   * the pairing bundle a new computer joins with, how many documents were sent and the counts.
   */
  async seedAndPush(activityDays: number | undefined) {
    const db = await database();
    const home = generateHome({
      size: 'large',
      seed: 1,
      ...(activityDays === undefined ? {} : { activityDays }),
    });
    await loadFixture(db, home, await fixtureSession(home));
    const status = await api()['sync:get-status']({});
    if (!status.ok || !status.value.configured) throw new Error('This computer has no sync server.');
    const store = openDeviceKeyStore();
    const now = new Date();
    const syncHome = await setUpFirstComputer(db, store, status.value.computerUser, now);
    const connection = await connectSync(db, api(), store);
    if (!connection) throw new Error('Sync did not connect on the first computer.');
    await publishRegistry(connection);
    const sent = await pumpChanges(db, connection.mirror, connection.keys, syncHome.device);
    const pushed = await replicateOnce(connection.mirror, remoteOf(connection));
    const bundle: Extract<PairingBundle, { v: 2 }> = {
      v: 2,
      homeId: syncHome.homeId,
      syncKey: syncKeyText(syncHome),
      issuedByDevice: syncHome.deviceId,
      issuedAt: now.toISOString(),
      rootDeviceKey: syncHome.rootDeviceKey,
    };
    const counts = await replicatedCounts(db);
    store.close();
    db.close();
    return { bundle, sent, pushed: pushed.docs_written, counts };
  },

  /**
   * A fresh computer (its server credentials taken with the pairing code already) joins the home
   * from the bundle and runs sync as the app does, timed from the join's start until `expected`
   * documents are received (applied, or held for a later version), then counts what it holds.
   */
  async timedJoin(bundle: Extract<PairingBundle, { v: 2 }>, expected: number) {
    const db = await database();
    const store = openDeviceKeyStore();
    performance.clearMeasures();
    const errors: string[] = [];
    const started = performance.now();
    await joinSyncHome(db, store, bundle, new Date());
    const connection = await connectSync(db, api(), store);
    if (!connection) throw new Error('Sync did not connect on the joining computer.');
    const running = runSync(connection, {
      onError: (error) => errors.push(error instanceof Error ? error.message : String(error)),
    });
    let received = 0;
    let progressAt = performance.now();
    // When the mirror first holds every document (replication done; the applier may be behind):
    // which of the two the pull waited on.
    let replicatedMs: number | undefined;
    const watch = setInterval(() => {
      void connection.mirror.info().then((info) => {
        if (replicatedMs === undefined && info.doc_count >= expected)
          replicatedMs = performance.now() - started;
      });
    }, 100);
    try {
      for (;;) {
        await running.runOnce();
        const now = await db.syncApplied.count();
        if (now >= expected) {
          received = now;
          break;
        }
        if (now > received) progressAt = performance.now();
        received = now;
        if (performance.now() - progressAt > stallMs) {
          const problems = await db.syncProblems.toArray();
          throw new Error(
            `The pull stalled at ${received} of ${expected}: ${JSON.stringify({ errors: errors.slice(-3), problems: problems.slice(0, 3) })}`,
          );
        }
        await pause(20);
      }
    } finally {
      clearInterval(watch);
      running.stop();
    }
    const ms = performance.now() - started;
    const result = {
      ms,
      replicatedMs: replicatedMs ?? ms,
      received,
      held: await db.syncApplied.filter((row) => row.held === 1).count(),
      problems: await db.syncProblems.count(),
      counts: await replicatedCounts(db),
      phases: appliedPhases(),
    };
    store.close();
    db.close();
    return result;
  },
};
export type FirstPullProbe = typeof probe;
page.familyLinksFirstPullProbe = probe;
