import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import type { ServerDocument } from 'pouchdb-core';
import { bytesToBase64Url } from '../../../shared/bytes';
import { startCouchTestServer, type CouchTestServer } from '../../support/couchdb-test-server';
import { AppFrame } from '../pages/app-frame';
import { ComputersPage, joinWithCodeOnScreen } from '../pages/computers-page';
import { manager, newHome } from '../pages/door-home';
import type { DoorPage } from '../pages/door-page';
import type { AppDriver } from './app-driver';
import { openBrowserApp } from './browser-app';
import { test } from './fixtures';
import type { HarnessServer } from './harness-server';
import type { NetworkSwitch } from './harness-services';
import { testArtifacts } from './page-actions';
import { connectAndIssuePairing, joinWithCode, managerOfTheHome } from './sync-pairing';
import { openRecordsProbe, recordsProbe, recordsProbeBundle } from './sync-probe-page';
import { removeTestFolder } from './test-folders';

/**
 * A CouchDB-protocol server on loopback over verified TLS, shared by every test in the spec file
 * that calls this at its top: started (then `prepare` run, say to build a probe's bundle) before
 * the first test and closed after the last. Returns the server, for use inside a test.
 */
export function couchServerForThisFile(prepare?: () => Promise<unknown>): () => CouchTestServer {
  let couch: CouchTestServer | undefined;
  test.beforeAll(async () => {
    couch = await startCouchTestServer();
    await prepare?.();
  });
  test.afterAll(async () => {
    await couch?.close();
  });
  return () => {
    if (!couch) throw new Error('The CouchDB test server is started before the first test only');
    return couch;
  };
}

/** On a computer's front door, Dawn Morris (no restriction) is signed in: the sync journeys' visitor. */
export async function signInDawnMorris(door: DoorPage): Promise<void> {
  await door.signIn({ name: 'Dawn Morris', organisation: 'Mum', reason: 'Family visit', badge: '7' });
}

/** Runs `work`; if it fails, `close` what was opened for it (its browser context, its folder) before the failure goes on. */
async function closingIfItFails<T>(close: () => Promise<void>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await close();
    throw error;
  }
}

/** What a test is given that a second computer needs: a browser, the app's files, a report. */
export type SecondComputerNeeds = {
  readonly browser: Browser;
  readonly harnessServer: HarnessServer;
  readonly testInfo: TestInfo;
};

/**
 * Another computer: its app, its network (switched off, it cannot reach the sync server, as a
 * laptop on a home visit cannot; on at first), and how to close its browser context and delete
 * its folder.
 */
export type AnotherComputer = {
  readonly app: AppDriver;
  readonly network: NetworkSwitch;
  readonly close: () => Promise<void>;
};

/**
 * Another computer beside the test's own: a browser context of its own (so its own IndexedDB) and
 * a main process over a folder of its own, on an empty profile. `close` must be called, pass or fail.
 */
export async function openAnotherComputer(needs: SecondComputerNeeds): Promise<AnotherComputer> {
  const folder = await mkdtemp(join(tmpdir(), 'family-links-e2e-second-computer-'));
  const context = await needs.browser.newContext();
  const network: NetworkSwitch = { online: true };
  const close = async () => {
    await context.close();
    await removeTestFolder(folder);
  };
  return closingIfItFails(close, async () => {
    const app = await openBrowserApp({
      context,
      server: needs.harnessServer,
      tempDir: folder,
      artifacts: testArtifacts(needs.testInfo),
      network,
    });
    return { app, network, close };
  });
}

/**
 * A new home on the test's own computer, the office, whose manager sets sync up there with
 * `database` on the Computers screen: the office's window, its frame and its Computers screen.
 */
export async function officeSetsUpSync(app: AppDriver, couch: CouchTestServer, database: string) {
  await newHome(app);
  const officeFrame = new AppFrame(app.page);
  await officeFrame.open('Computers');
  const computers = new ComputersPage(app.page, couch);
  await computers.setUp(database, 'Office');
  return { office: app.page, officeFrame, computers };
}

/**
 * The manager, on the office's Computers screen (open, sync set up), adds a computer by name; it
 * joins with the code on its first run, through its own screens, and the office says it joined.
 * The new computer is at its sign-in screen; `close` it, pass or fail.
 */
export async function anotherComputerJoins(
  office: ComputersPage,
  name: string,
  needs: SecondComputerNeeds & { readonly couch: CouchTestServer; readonly database: string },
): Promise<AnotherComputer> {
  const code = await office.makeCode(name);
  const computer = await openAnotherComputer(needs);
  return closingIfItFails(computer.close, async () => {
    await computer.app.page.goto(needs.harnessServer.origin + '/');
    await joinWithCodeOnScreen(computer.app.page, needs.couch, needs.database, code);
    await office.expectJoined(name);
    return computer;
  });
}

export type TwoComputers = {
  readonly frontDesk: AppDriver;
  readonly officeProbe: Page;
  readonly deskProbe: Page;
  /** What each computer's set-up returned: its device id and public key. */
  readonly office: { readonly deviceId: string };
  readonly desk: { readonly deviceId: string };
  /** Both computers start record sync with the server, each into a mirror of its own. */
  startSyncing(): Promise<void>;
  /** Both computers stop record sync: offline until started again. */
  stopSyncing(): Promise<void>;
  /** Neither computer's record sync met an error; then both stop. */
  stopSyncingWithNoErrors(): Promise<void>;
  /** The documents on the server (its own copy, beneath the HTTP API) that one computer wrote. */
  documentsOnTheServerFrom(deviceId: string): Promise<ServerDocument[]>;
  /**
   * What someone with the server's disk could do: change one character of a document's sealed
   * content (`c`), so that its signature no longer matches.
   */
  alterOnTheServer(doc: ServerDocument): Promise<void>;
  /** Closes the second computer's browser context and deletes its folder. */
  close(): Promise<void>;
};

/**
 * A second computer of the office's home, as the set-up screens are to give it: a browser context
 * of its own with the office's rows (copied by the records probe, as pairing will carry them),
 * joined to the server with a pairing code, and both computers set up with one home sync key and
 * each other's signing key. Record sync is not started: each journey starts and stops it.
 */
export async function secondComputerOfTheHome(
  office: AppDriver,
  options: SecondComputerNeeds & { readonly couch: CouchTestServer; readonly database: string },
): Promise<TwoComputers> {
  const officeProbe = await openRecordsProbe(office);
  const home = await recordsProbe(officeProbe, 'dumpHome');
  const second = await openAnotherComputer(options);
  return closingIfItFails(second.close, async () => {
    const frontDesk = second.app;
    await frontDesk.page.goto(options.harnessServer.origin + '/');
    const deskProbe = await openRecordsProbe(frontDesk);
    await recordsProbe(deskProbe, 'loadHome', home);
    await frontDesk.reload();
    // Set up and the code made by the office's manager (each journey's home is set up by them).
    const asManager = managerOfTheHome(officeProbe, manager);
    const pairing = await connectAndIssuePairing(office, options.couch, options.database, asManager);
    await joinWithCode(frontDesk, pairing);

    const syncKey = bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    const officeDevice = await recordsProbe(officeProbe, 'setUp', syncKey);
    const deskDevice = await recordsProbe(deskProbe, 'setUp', syncKey);
    await recordsProbe(officeProbe, 'addPeer', deskDevice.deviceId, deskDevice.publicKey);
    await recordsProbe(deskProbe, 'addPeer', officeDevice.deviceId, officeDevice.publicKey);
    const startSyncing = async () => {
      await recordsProbe(officeProbe, 'start', options.database, 'office-mirror');
      await recordsProbe(deskProbe, 'start', options.database, 'front-desk-mirror');
    };
    const stopSyncing = async () => {
      await recordsProbe(officeProbe, 'stop');
      await recordsProbe(deskProbe, 'stop');
    };
    const stopSyncingWithNoErrors = async () => {
      expect(await recordsProbe(officeProbe, 'errors')).toEqual([]);
      expect(await recordsProbe(deskProbe, 'errors')).toEqual([]);
      await stopSyncing();
    };
    const raw = options.couch.rawDatabase(options.database);
    const documentsOnTheServerFrom = async (deviceId: string) =>
      (await raw.allDocs({ include_docs: true })).rows.flatMap((row) =>
        row.doc && row.doc['d'] === deviceId ? [row.doc] : [],
      );
    const alterOnTheServer = async (doc: ServerDocument) => {
      const c = String(doc['c']);
      await raw.put({ ...doc, c: `${c.startsWith('A') ? 'B' : 'A'}${c.slice(1)}` });
    };
    return {
      frontDesk,
      officeProbe,
      deskProbe,
      office: officeDevice,
      desk: deskDevice,
      startSyncing,
      stopSyncing,
      stopSyncingWithNoErrors,
      documentsOnTheServerFrom,
      alterOnTheServer,
      close: second.close,
    };
  });
}

/** What a journey on two computers needs: its database on the server, its time, its home. */
export type TwoComputerJourneySetUp = {
  /** The database on the spec file's server that both computers sync through. */
  readonly database: string;
  /** The test's time limit: pairing, Argon2id sign-ins and sync on two cores take minutes. */
  readonly timeout: number;
  /** How the office sets its home up, from an empty profile. */
  readonly home: (office: AppDriver) => Promise<unknown>;
};

/**
 * Declares a journey on two computers of one home, with a CouchDB-protocol server on loopback for
 * the spec file (see couchServerForThisFile; the records probe's bundle is built before the first
 * test). The office (the test's own app) sets its home up, a second computer of the home joins (see
 * secondComputerOfTheHome), `journey` runs with both, and the second computer is closed afterwards,
 * pass or fail.
 */
export function journeyOnTwoComputers(
  title: string,
  setUp: TwoComputerJourneySetUp,
  journey: (computers: TwoComputers, office: AppDriver, testInfo: TestInfo) => Promise<void>,
): void {
  const couch = couchServerForThisFile(recordsProbeBundle);
  test(title, async ({ app, browser, harnessServer }, testInfo) => {
    test.setTimeout(setUp.timeout);
    await setUp.home(app);
    const options = { browser, harnessServer, testInfo, couch: couch(), database: setUp.database };
    const computers = await secondComputerOfTheHome(app, options);
    try {
      await journey(computers, app, testInfo);
    } finally {
      await computers.close();
    }
  });
}
