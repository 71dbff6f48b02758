import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import type { AppDriver } from './app-driver';
import { contentSecurityPolicy } from '../../../electron/main/content-security-policy';
import type { IpcResult } from '../../../shared/ipc/ipc-result';
import type { SyncManagerChannel } from '../../../shared/ipc/manager-request';
import { bundleForBrowser } from '../../support/browser-bundle';

/** Where the probe page is served, at the app's own origin (so it gets the app's `window.api`). */
export const syncProbePath = '/__harness/sync-probe.html';
const scriptPath = '/__harness/sync-probe.js';

let bundled: Promise<string> | undefined;

/** Bundles tests/browser/sync-probe.ts once per worker. */
export function syncProbeBundle(): Promise<string> {
  bundled ??= bundleForBrowser('tests/browser/sync-probe.ts', 'e2e-sync-probe.js');
  return bundled;
}

/**
 * Serves the probe page in this browser context, with the app's own Content-Security-Policy and its
 * script loaded by `<script src>` (not evaluated over DevTools, which the CSP would not cover), so
 * PouchDB and the transport run under exactly the policy the app has: no eval, no connect-src
 * beyond the app itself.
 */
export async function serveSyncProbe(context: BrowserContext, csp = contentSecurityPolicy()): Promise<void> {
  await servePage(context, { pagePath: syncProbePath, scriptPath, script: await syncProbeBundle() }, csp);
}

/** Where the record-sync probe (tests/browser/sync-records-probe.ts) is served. */
export const recordsProbePath = '/__harness/sync-records-probe.html';
let recordsBundled: Promise<string> | undefined;

/** Bundles tests/browser/sync-records-probe.ts once per worker. */
export function recordsProbeBundle(): Promise<string> {
  recordsBundled ??= bundleForBrowser('tests/browser/sync-records-probe.ts', 'e2e-sync-records-probe.js');
  return recordsBundled;
}

/** Serves the record-sync probe page in this context, as `serveSyncProbe` does the transport's. */
export async function serveRecordsProbe(context: BrowserContext): Promise<void> {
  const page = { pagePath: recordsProbePath, scriptPath: '/__harness/sync-records-probe.js' };
  await servePage(context, { ...page, script: await recordsProbeBundle() }, contentSecurityPolicy());
}

/** Opens the record-sync probe beside `app`, in its context (same IndexedDB, same `window.api`). */
export async function openRecordsProbe(app: AppDriver): Promise<Page> {
  await serveRecordsProbe(app.page.context());
  const probePage = await app.page.context().newPage();
  await probePage.goto(new URL(recordsProbePath, app.page.url()).href);
  return probePage;
}

/** Where the first-pull probe (tests/browser/sync-first-pull-probe.ts) is served: the benchmark's computers. */
export const firstPullProbePath = '/__harness/sync-first-pull-probe.html';

let firstPullBundled: Promise<string> | undefined;

/** Serves the first-pull probe page in this context (bundled once), as `serveSyncProbe` does the transport's. */
export async function serveFirstPullProbe(context: BrowserContext): Promise<void> {
  firstPullBundled ??= bundleForBrowser(
    'tests/browser/sync-first-pull-probe.ts',
    'bench-first-pull-probe.js',
  );
  const script = await firstPullBundled;
  const page = { pagePath: firstPullProbePath, scriptPath: '/__harness/sync-first-pull-probe.js' };
  await servePage(context, { ...page, script }, contentSecurityPolicy());
}

async function servePage(
  context: BrowserContext,
  served: { pagePath: string; scriptPath: string; script: string },
  csp: string,
): Promise<void> {
  const script = await readFile(served.script);
  const headers = { 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' };
  await context.route(`**${served.pagePath}`, (route) =>
    route.fulfill({
      status: 200,
      headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
      body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Sync probe</title></head><body><script src="${served.scriptPath}"></script></body></html>`,
    }),
  );
  await context.route(`**${served.scriptPath}`, (route) =>
    route.fulfill({
      status: 200,
      headers: { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' },
      body: script,
    }),
  );
}

type ProbeGlobal = {
  familyLinksSyncProbe?: {
    open(database: string, mirrorName: string): void;
    write(count: number, bytesEach?: number): Promise<string[]>;
    push(): Promise<number>;
    pull(): Promise<{ written: number; progressEvents: number }>;
    ids(): Promise<string[]>;
    fetchOutside(database: string, url: string): Promise<number>;
    violations(): string[];
    timedFirstPull(
      mirrorName: string,
      via:
        | { readonly kind: 'relay'; readonly database: string }
        | { readonly kind: 'bare'; readonly url: string; readonly name: string; readonly password: string },
    ): Promise<{ ms: number; written: number }>;
  };
};
export type SyncProbe = NonNullable<ProbeGlobal['familyLinksSyncProbe']>;

/** Calls `name` on the probe the page keeps at `globalThis[global]`; `label` names it if it is missing. */
async function callProbe(page: Page, global: string, label: string, name: string, args: readonly unknown[]) {
  const result: unknown = await page.evaluate(
    async ([globalName, probeLabel, fn, fnArgs]) => {
      const found: unknown = Reflect.get(globalThis, globalName);
      if (typeof found !== 'object' || found === null)
        throw new Error(`The ${probeLabel} is not loaded in this page.`);
      const call = Reflect.get(found, fn) as (...values: unknown[]) => unknown;
      return await call(...fnArgs);
    },
    [global, label, name, args] as const,
  );
  return result;
}

type Functions<Probe> = { [Name in keyof Probe]: (...args: never[]) => unknown };

/** A typed caller for the probe at `globalThis[global]`: each call returns the probe function's own result. */
function callerOf<Probe extends Functions<Probe>>(global: string, label: string) {
  return async <Name extends keyof Probe & string>(
    page: Page,
    name: Name,
    ...args: Parameters<Probe[Name]>
  ): Promise<Awaited<ReturnType<Probe[Name]>>> => {
    const result = await callProbe(page, global, label, name, args);
    // The page's function returned this value; its type is the probe's own.
    return result as Awaited<ReturnType<Probe[Name]>>;
  };
}

/** Calls one of the probe's functions in the page. */
export const probe = callerOf<SyncProbe>('familyLinksSyncProbe', 'sync probe');

type RecordsProbeGlobal = {
  familyLinksRecordsProbe?: {
    dumpHome(): Promise<string>;
    loadHome(text: string): Promise<void>;
    setUp(homeSyncKey: string): Promise<{ deviceId: string; publicKey: string }>;
    addPeer(deviceId: string, publicKey: string): Promise<void>;
    start(database: string, mirrorName: string): Promise<void>;
    stop(): void;
    problems(): Promise<{ reason: string; message: string; documentId: string }[]>;
    errors(): string[];
    /** The reply is the channel's own (`IpcReply<typeof channel>`). */
    asManager(
      username: string,
      password: string,
      channel: SyncManagerChannel,
      request: object,
    ): Promise<IpcResult<unknown>>;
  };
};
export type RecordsProbe = NonNullable<RecordsProbeGlobal['familyLinksRecordsProbe']>;

/** Calls one of the record-sync probe's functions in the page. */
export const recordsProbe = callerOf<RecordsProbe>('familyLinksRecordsProbe', 'record-sync probe');

type Counts = Record<string, number>;
/** A pairing bundle (`PairingBundle`, version 2), as the first computer hands it to the joining one. */
type JoinBundle = {
  v: 2;
  homeId: string;
  syncKey: string;
  issuedByDevice: string;
  issuedAt: string;
  rootDeviceKey: string;
};
/** tests/browser/sync-first-pull-probe.ts, as seen from here (it runs in the page, with the renderer's types). */
export type FirstPullProbe = {
  seedAndPush(
    activityDays: number | undefined,
  ): Promise<{ bundle: JoinBundle; sent: number; pushed: number; counts: Counts }>;
  timedJoin(
    bundle: JoinBundle,
    expected: number,
  ): Promise<{
    ms: number;
    /** When the mirror first held every document: replication done, the applier perhaps behind. */
    replicatedMs: number;
    received: number;
    held: number;
    problems: number;
    counts: Counts;
    phases: Counts;
  }>;
};

/** Calls one of the first-pull probe's functions in the page. */
export const firstPullProbe = callerOf<FirstPullProbe>('familyLinksFirstPullProbe', 'first-pull probe');
