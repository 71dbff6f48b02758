import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { bundleForBrowser } from '../support/browser-bundle';
import { chromiumArgs, chromiumPath } from '../e2e/harness/chromium';
import { startBenchServer, type BenchServer } from './bench-server';
import type { BenchPage, BenchResult } from './page/bench-protocol';
import { coldStart } from './cold-start';
import { openSeededHome, unlockToFirstScreen } from './unlock-first-screen';
import { nodeBenchmarkNames, runNodeBenchmarks } from './documents-benchmarks';
import { runSyncBenchmarks, syncBenchmarkNames } from './sync-benchmarks';
import { firstPullName, runSyncFirstPull } from './sync-first-pull';

/**
 * `npm run bench`: runs each benchmark in headless Chromium (IndexedDB and WebCrypto as the app
 * meets them) and prints one JSON line per benchmark to stdout:
 *   {"name":"...","n":<rows>,"median_ms":..,"floor_ms":..,"ratio":..}
 * where the floor is the bare IndexedDB operation on the same rows, measured in the same run, and
 * ratio = median_ms / floor_ms. Each line ends with `load_1m`, the machine's one-minute load
 * average as the line is written: on two cores a ratio moves more with the load than with most
 * changes, so a figure is only worth comparing with one taken at a like load. Progress goes to
 * stderr, so stdout stays machine-readable.
 * `npm run bench -- visitor-log-term-read` runs only the benchmarks named.
 */

/** Benchmarks run in the real app, on the seeded home, rather than in the benchmark page. */
const appBenchmarkNames = ['cold-start', 'unlock-to-first-screen'] as const;

type BenchGlobal = typeof globalThis & { familyLinksBench?: BenchPage };

/** One result line on stdout, with the load average it was measured under. */
function writeResult(result: object): void {
  const load = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  process.stdout.write(`${JSON.stringify({ ...result, load_1m: load })}\n`);
}

function isBenchResult(value: unknown): value is BenchResult {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.name === 'string' &&
    ['n', 'median_ms', 'floor_ms', 'ratio'].every((key) => typeof record[key] === 'number')
  );
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  process.stderr.write('[bench] bundling the benchmark page\n');
  const bundle = await bundleForBrowser('tests/bench/page/bench-entry.ts', 'bench-page.js');
  let server: BenchServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startBenchServer(bundle);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
    const page = await browser.newPage();
    page.on('console', (message) => process.stderr.write(`${message.text()}\n`));
    page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
    await page.goto(server.url);
    const names = await page.evaluate(() => (globalThis as BenchGlobal).familyLinksBench?.names ?? []);
    if (names.length === 0) throw new Error('The benchmark page did not register any benchmarks');
    const unknown = wanted.filter(
      (name) =>
        !names.includes(name) &&
        !(appBenchmarkNames as readonly string[]).includes(name) &&
        !(nodeBenchmarkNames as readonly string[]).includes(name) &&
        !(syncBenchmarkNames as readonly string[]).includes(name) &&
        name !== firstPullName,
    );
    if (unknown.length > 0)
      throw new Error(`No benchmark called ${unknown.join(', ')}. There are: ${names.join(', ')}`);
    for (const name of names) {
      if (wanted.length > 0 && !wanted.includes(name)) continue;
      const result: unknown = await page.evaluate(async (benchName) => {
        const bench = (globalThis as BenchGlobal).familyLinksBench;
        if (!bench) throw new Error('The benchmark page is not loaded');
        return bench.run(benchName);
      }, name);
      if (!isBenchResult(result))
        throw new Error(`${name} returned something other than a result: ${JSON.stringify(result)}`);
      writeResult({
        name: result.name,
        n: result.n,
        median_ms: result.median_ms,
        floor_ms: result.floor_ms,
        ratio: result.ratio,
        ...(typeof result.p95_ms === 'number' ? { p95_ms: result.p95_ms } : {}),
      });
    }
  } finally {
    await browser?.close();
    await server?.close();
  }
  // Main-process work (signing, the case file, export) runs in Node, as in the app's main process.
  for (const line of await runNodeBenchmarks(wanted, (text) => process.stderr.write(`${text}\n`)))
    writeResult(line);
  // Two parties (a CouchDB-protocol server and a computer's page): run beside, not in, the benchmark page.
  for (const line of await runSyncBenchmarks(wanted, (text) => process.stderr.write(`${text}\n`)))
    writeResult(line);
  if (wanted.length === 0 || wanted.includes(firstPullName))
    writeResult(await runSyncFirstPull((text) => process.stderr.write(`${text}\n`)));
  // Measured in the real app rather than the benchmark page: they need screens drawn. One seeded
  // home serves both (seeding the large home takes minutes).
  const appBenchmarks = appBenchmarkNames.filter((name) => wanted.length === 0 || wanted.includes(name));
  if (appBenchmarks.length > 0) {
    const home = await openSeededHome((line) => process.stderr.write(`${line}\n`));
    try {
      if (appBenchmarks.includes('cold-start')) {
        const result = await coldStart(home.app, home.rows, (line) => process.stderr.write(`${line}\n`));
        writeResult(result);
      }
      if (appBenchmarks.includes('unlock-to-first-screen')) {
        const result = await unlockToFirstScreen(home, (line) => process.stderr.write(`${line}\n`));
        writeResult(result);
      }
    } finally {
      await home.close();
    }
  }
}

main()
  .catch((error: unknown) => {
    process.stderr.write(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => {
    // Every browser, server and harness is closed by now; anything still open (a socket kept
    // alive by a library, say) is named, so it can be found, and does not hold the run open.
    setTimeout(() => {
      const open = process.getActiveResourcesInfo().filter((kind) => kind !== 'Timeout');
      if (open.length > 0) process.stderr.write(`[bench] still open at the end: ${open.join(', ')}\n`);
      process.exit();
    }, 1000).unref();
  });
