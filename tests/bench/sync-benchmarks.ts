import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppDriver } from '../e2e/harness/app-driver';
import { openBrowserApp } from '../e2e/harness/browser-app';
import { chromiumArgs, chromiumPath } from '../e2e/harness/chromium';
import { startHarnessServer, type HarnessServer } from '../e2e/harness/harness-server';
import { rendererRoot } from '../e2e/harness/project-paths';
import { scriptArtifacts } from '../e2e/harness/page-actions';
import { probe, serveSyncProbe, syncProbeBundle, syncProbePath } from '../e2e/harness/sync-probe-page';
import { managerOfAnEmptyComputer } from '../e2e/harness/sync-pairing';
import { startCouchTestServer, type CouchTestServer } from '../support/couchdb-test-server';
import { startBenchServer } from './bench-server';
import { median } from './page/bench-timing';

/**
 * Sync's floor for the `sync-first-pull` benchmark (`sync-first-pull.ts`): bare PouchDB replication of N opaque
 * documents from the CouchDB-protocol test server into a fresh browser mirror, straight over fetch
 * (the floor), against the same pull through the app's relay (`sync:http`, here over the harness's
 * Playwright binding rather than Electron's IPC, so a pessimistic figure). Each pass starts from
 * an empty mirror; floors and runs alternate.
 *
 * The large home has ~230,000 rows; a bare pull runs at roughly 1,000-2,000 documents a second on
 * this machine, so N defaults to 20,000 to keep a run to minutes: set FAMILY_LINKS_SYNC_BENCH_N.
 */
export const syncBenchmarkNames = ['sync-pull-relay'] as const;

const database = 'bench-home';

/** Fills the server's copy of the database with `count` opaque documents shaped like sealed envelopes. */
export async function seedOpaqueDocuments(
  couch: CouchTestServer,
  count: number,
  bytesEach = 600,
): Promise<void> {
  const raw = couch.rawDatabase(database);
  const noise = (bytes: number) =>
    Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
  for (let start = 0; start < count; start += 5000) {
    const docs = Array.from({ length: Math.min(5000, count - start) }, () => ({
      _id: `d${noise(16)}`,
      v: 1,
      s: noise(bytesEach),
    }));
    await raw.bulkDocs(docs);
  }
}

/** One bare first pull of the whole database into a fresh mirror, timed in the page: the floor. */
export async function measureBarePull(
  page: Page,
  couch: CouchTestServer,
  credentials: { name: string; password: string },
  mirrorName: string,
  databaseName = database,
) {
  return probe(page, 'timedFirstPull', mirrorName, {
    kind: 'bare',
    url: `${couch.origin}/${databaseName}`,
    name: credentials.name,
    password: credentials.password,
  });
}

/**
 * Chromium does not know the test server's CA, and the floor's page fetches it directly: this
 * browser, used for nothing else, skips certificate checks. The relay checks them in Node.
 */
export function launchSyncBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--ignore-certificate-errors'],
  });
}

/**
 * One computer of the home for a sync benchmark: the app on an empty profile, in a new context of
 * the bench browser (its own IndexedDB; the test server's certificate accepted), its main-process
 * files under `tempDir`.
 */
export async function openEmptyBenchApp(
  browser: Browser,
  harness: HarnessServer,
  tempDir: string,
  artifactsName: string,
): Promise<{ context: BrowserContext; app: AppDriver }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const app = await openBrowserApp({
    context,
    server: harness,
    tempDir,
    artifacts: scriptArtifacts(artifactsName),
  });
  await app.startEmpty();
  return { context, app };
}

export async function runSyncBenchmarks(
  wanted: readonly string[],
  progress: (line: string) => void,
): Promise<{ name: string; n: number; median_ms: number; floor_ms: number; ratio: number }[]> {
  if (wanted.length > 0 && !wanted.some((name) => (syncBenchmarkNames as readonly string[]).includes(name)))
    return [];
  const count = Number(process.env['FAMILY_LINKS_SYNC_BENCH_N'] ?? 20_000);
  const repetitions = Number(process.env['FAMILY_LINKS_SYNC_BENCH_REPETITIONS'] ?? 3);
  const harness = await startHarnessServer(rendererRoot);
  // The floor runs in a plain page of its own that reaches the test server directly (CORS), which
  // the app's CSP rightly forbids; the relay runs in the app's page, with its CSP and window.api.
  const floorServer = await startBenchServer(await syncProbeBundle());
  const couch = await startCouchTestServer({ corsOrigin: new URL(floorServer.url).origin });
  const tempDir = await mkdtemp(join(tmpdir(), 'family-links-sync-bench-'));
  let browser: Browser | undefined;
  try {
    await couch.createDatabase(database);
    const reader = { name: 'bench-reader', password: 'bench reader password' };
    await couch.createUser(reader.name, reader.password);
    progress(`[bench] sync-pull-relay: seeding ${count} documents on the test server`);
    await seedOpaqueDocuments(couch, count);
    browser = await launchSyncBenchBrowser();
    const { context, app } = await openEmptyBenchApp(browser, harness, tempDir, 'sync-bench');
    const setUp = await managerOfAnEmptyComputer(app)('sync:set-up-server', {
      server: { serverUrl: couch.origin, database, caCertificatePem: couch.caPem },
      admin: couch.admin,
      createDatabase: false,
    });
    if (!setUp.ok || setUp.value.outcome !== 'done' || !setUp.value.status.configured)
      throw new Error(`Sync set-up failed: ${JSON.stringify(setUp)}`);
    await couch.call('PUT', `/${database}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: [reader.name, setUp.value.status.computerUser], roles: [] },
    });
    await serveSyncProbe(context);
    await app.page.goto(`${harness.origin}${syncProbePath}`);
    const floorPage = await context.newPage();
    await floorPage.goto(floorServer.url);
    const runs: number[] = [];
    const floors: number[] = [];
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      const floor = await measureBarePull(floorPage, couch, reader, `floor-${repetition}`);
      const run = await probe(app.page, 'timedFirstPull', `relay-${repetition}`, { kind: 'relay', database });
      if (floor.written !== count || run.written !== count)
        throw new Error(
          `Expected ${count} documents, pulled ${floor.written} bare and ${run.written} through the relay`,
        );
      floors.push(floor.ms);
      runs.push(run.ms);
      progress(
        `[bench] sync-pull-relay: ${repetition + 1}/${repetitions} relay ${run.ms.toFixed(0)} ms, bare ${floor.ms.toFixed(0)} ms (${Math.round((count / floor.ms) * 1000)} documents a second bare)`,
      );
    }
    const round = (value: number) => Math.round(value * 10) / 10;
    return [
      {
        name: 'sync-pull-relay',
        n: count,
        median_ms: round(median(runs)),
        floor_ms: round(median(floors)),
        ratio: Math.round((median(runs) / median(floors)) * 100) / 100,
      },
    ];
  } finally {
    await browser?.close();
    await couch.close();
    await floorServer.close();
    await harness.close();
    await rm(tempDir, { recursive: true, force: true });
  }
}
