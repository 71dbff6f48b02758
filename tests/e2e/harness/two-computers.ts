import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { toBase64Url } from '../../../shared/sync/base64url';
import type { CouchTestServer } from '../../support/couchdb-test-server';
import type { AppDriver } from './app-driver';
import { openBrowserApp } from './browser-app';
import type { HarnessServer } from './harness-server';
import { testArtifacts } from './page-actions';
import { connectAndIssuePairing, joinWithCode } from './sync-pairing';
import { openRecordsProbe, recordsProbe } from './sync-probe-page';

export type TwoComputers = {
  readonly frontDesk: AppDriver;
  readonly officeProbe: Page;
  readonly deskProbe: Page;
  /** What each computer's set-up returned: its device id and public key. */
  readonly office: { readonly deviceId: string };
  readonly desk: { readonly deviceId: string };
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
  options: {
    readonly browser: Browser;
    readonly harnessServer: HarnessServer;
    readonly testInfo: TestInfo;
    readonly couch: CouchTestServer;
    readonly database: string;
  },
): Promise<TwoComputers> {
  const officeProbe = await openRecordsProbe(office);
  const home = await recordsProbe(officeProbe, 'dumpHome');
  const secondDir = await mkdtemp(join(tmpdir(), 'family-links-e2e-second-computer-'));
  const secondContext = await options.browser.newContext();
  const close = async () => {
    await secondContext.close();
    await rm(secondDir, { recursive: true, force: true });
  };
  try {
    const frontDesk = await openBrowserApp({
      context: secondContext,
      server: options.harnessServer,
      tempDir: secondDir,
      artifacts: testArtifacts(options.testInfo),
    });
    await frontDesk.page.goto(options.harnessServer.origin + '/');
    const deskProbe = await openRecordsProbe(frontDesk);
    await recordsProbe(deskProbe, 'loadHome', home);
    await frontDesk.reload();
    await joinWithCode(frontDesk, await connectAndIssuePairing(office, options.couch, options.database));

    const syncKey = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    const officeDevice = await recordsProbe(officeProbe, 'setUp', syncKey);
    const deskDevice = await recordsProbe(deskProbe, 'setUp', syncKey);
    await recordsProbe(officeProbe, 'addPeer', deskDevice.deviceId, deskDevice.publicKey);
    await recordsProbe(deskProbe, 'addPeer', officeDevice.deviceId, officeDevice.publicKey);
    return { frontDesk, officeProbe, deskProbe, office: officeDevice, desk: deskDevice, close };
  } catch (error) {
    await close();
    throw error;
  }
}
