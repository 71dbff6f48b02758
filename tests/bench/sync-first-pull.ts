import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bridgeBundle, buildBundle } from '../e2e/harness/bundles';
import { startHarnessServer, type HarnessServer } from '../e2e/harness/harness-server';
import { rendererRoot } from '../e2e/harness/project-paths';
import { connectAndIssuePairing, joinWithCode } from '../e2e/harness/sync-pairing';
import {
  firstPullProbe,
  firstPullProbePath,
  serveFirstPullProbe,
  syncProbeBundle,
} from '../e2e/harness/sync-probe-page';
import { startCouchTestServer, type CouchTestServer } from '../support/couchdb-test-server';
import { startBenchServer } from './bench-server';
import { median } from './page/bench-timing';
import { launchSyncBenchBrowser, measureBarePull, openEmptyBenchApp } from './sync-benchmarks';

/**
 * `sync-first-pull` (issue 19): a new computer pulling the large home. The home's first computer
 * loads the large home (seed 1, as the page benchmarks; `FAMILY_LINKS_SYNC_FIRST_PULL_DAYS` days of
 * visitor log, visits and forms, default 365 of its 3,650, so a run stays within minutes here:
 * the roster, families and restrictions are the whole large home's), sets sync up and pushes the
 * home to the CouchDB-protocol test server; none of that is timed. Then a fresh browser context
 * joins with a pairing code (credentials through the main process) and, timed from
 * `joinSyncHome`'s start until every document the first computer sent is received, runs sync as
 * the app does (`runSync`: replication through the main-process relay, the registry, the
 * applier verifying, decrypting, parsing and writing; a joining computer pulls one way first, in
 * batches of 2,000, then syncs live). The floor is `measureBarePull` of the same database in the
 * same run, before and after the joins (its median): bare PouchDB replication, one way, from the
 * server straight into a fresh IndexedDB database with no relay, through `replicateOnce` (500
 * documents a batch, 4 batches ahead), not the joining pull's own larger batches.
 * Each join needs a fresh computer: `FAMILY_LINKS_SYNC_BENCH_REPETITIONS`
 * (default 1) of them. The joined computer must hold what the first one holds, table by table.
 */
export const firstPullName = 'sync-first-pull';

const database = 'bench-first-pull';

/** A computer of the home: its own browser context, folder and main process, on the probe page. */
async function computer(browser: Browser, harness: HarnessServer, folders: string[]) {
  const tempDir = await mkdtemp(join(tmpdir(), 'family-links-first-pull-'));
  folders.push(tempDir);
  const { context, app } = await openEmptyBenchApp(browser, harness, tempDir, 'sync-first-pull');
  await serveFirstPullProbe(context);
  return { context, app, toProbe: () => app.page.goto(`${harness.origin}${firstPullProbePath}`) };
}

/** Lets a reader user replicate the database directly, for the floor, beside the computers. */
async function addReader(couch: CouchTestServer, reader: { name: string; password: string }) {
  await couch.createUser(reader.name, reader.password);
  const security = (await couch.call('GET', `/${database}/_security`)).body as {
    members?: { names?: string[]; roles?: string[] };
  };
  const members = security.members ?? {};
  await couch.call('PUT', `/${database}/_security`, {
    ...security,
    members: { roles: members.roles ?? [], names: [...(members.names ?? []), reader.name] },
  });
}

const round = (value: number) => Math.round(value * 10) / 10;

export async function runSyncFirstPull(progress: (line: string) => void) {
  const days = process.env['FAMILY_LINKS_SYNC_FIRST_PULL_DAYS'];
  const activityDays = days === undefined ? 365 : Number(days);
  const repetitions = Number(process.env['FAMILY_LINKS_SYNC_BENCH_REPETITIONS'] ?? 1);
  // The harness puts `window.api` into each computer's pages from this bundle (made fresh, as the e2e setup does).
  await buildBundle(bridgeBundle);
  const harness = await startHarnessServer(rendererRoot);
  const floorServer = await startBenchServer(await syncProbeBundle());
  const couch = await startCouchTestServer({ corsOrigin: new URL(floorServer.url).origin });
  const folders: string[] = [];
  let browser: Browser | undefined;
  try {
    browser = await launchSyncBenchBrowser();
    const office = await computer(browser, harness, folders);
    let pairing = await connectAndIssuePairing(office.app, couch, database);
    await office.toProbe();
    progress(`[bench] ${firstPullName}: loading the large home (${activityDays} days) and pushing it`);
    const seeded = await firstPullProbe(office.app.page, 'seedAndPush', activityDays);
    const documentsOnServer = async () =>
      Number(Reflect.get((await couch.call('GET', `/${database}`)).body as object, 'doc_count'));
    const docCount = await documentsOnServer();
    progress(
      `[bench] ${firstPullName}: ${seeded.sent} records sent, ${seeded.pushed} pushed, ${docCount} documents on the server`,
    );
    const reader = { name: 'bench-reader', password: 'bench reader password' };
    await addReader(couch, reader);
    const floorPage = await office.context.newPage();
    await floorPage.goto(floorServer.url);
    const floor = async (label: string) => {
      // After the joins the server also holds each joined computer's own registry documents (its
      // endorsement request and exchange key): a handful beside the home's thousands.
      const onServer = await documentsOnServer();
      const bare = await measureBarePull(floorPage, couch, reader, `floor-${label}`, database);
      if (bare.written !== onServer)
        throw new Error(`The bare pull wrote ${bare.written} of ${onServer} documents`);
      progress(`[bench] ${firstPullName}: bare pull ${bare.ms.toFixed(0)} ms`);
      return bare.ms;
    };
    const floors = [await floor('before')];
    const runs: number[] = [];
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      const desk = await computer(browser, harness, folders);
      // Each new computer takes its own code (setting the first computer up again with the server
      // just gives it a new server user; its records are already there).
      if (repetition > 0) pairing = await connectAndIssuePairing(office.app, couch, database);
      await joinWithCode(desk.app, pairing);
      await desk.toProbe();
      const run = await firstPullProbe(desk.app.page, 'timedJoin', seeded.bundle, seeded.sent);
      const differ = Object.keys(seeded.counts).filter((table) => seeded.counts[table] !== run.counts[table]);
      if (differ.length > 0 || run.problems > 0)
        throw new Error(
          `The joined computer does not hold what the first holds (${differ.join(', ')}; ${run.problems} refused): ${JSON.stringify({ first: seeded.counts, joined: run.counts })}`,
        );
      runs.push(run.ms);
      progress(
        `[bench] ${firstPullName}: ${repetition + 1}/${repetitions} joined and applied ${run.received} (${run.held} held) in ${run.ms.toFixed(0)} ms (the mirror held them all at ${run.replicatedMs.toFixed(0)} ms), ${Math.round((seeded.sent / run.ms) * 1000)} records a second; applier phases ms ${JSON.stringify(run.phases)}; rows ${JSON.stringify(run.counts)}`,
      );
      await desk.context.close();
    }
    floors.push(await floor('after'));
    return {
      name: firstPullName,
      n: seeded.sent,
      median_ms: round(median(runs)),
      floor_ms: round(median(floors)),
      ratio: Math.round((median(runs) / median(floors)) * 100) / 100,
      records_per_second: Math.round((seeded.sent / median(runs)) * 1000),
    };
  } finally {
    await browser?.close();
    await couch.close();
    await floorServer.close();
    await harness.close();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  }
}
