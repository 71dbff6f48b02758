import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import type { AppDriver } from './app-driver';
import { openBrowserApp } from './browser-app';
import { launchElectronApp } from './electron-app';
import { startHarnessServer, type HarnessServer } from './harness-server';
import { testArtifacts } from './page-actions';
import { rendererRoot } from './project-paths';
import { removeTestFolder } from './test-folders';

export { expect } from '@playwright/test';
export type { AppDriver } from './app-driver';

/** Set to an Electron executable to run the same specs against the real desktop app. */
export const electronBinary = process.env['FAMILY_LINKS_ELECTRON_BINARY'] || undefined;

type TestFixtures = {
  /** A folder for this test only, deleted afterwards. */
  tempDir: string;
  /** The app, on an empty profile until startEmpty() or startWithFixture() opens it. */
  app: AppDriver;
};

type WorkerFixtures = {
  /** Serves the built renderer at the app's origin in the harness (http://127.0.0.1:<port>). */
  harnessServer: HarnessServer;
  /** The same files at a second origin: a page the app did not load, for sender checks. */
  otherOriginServer: HarnessServer;
};

async function serveRenderer(use: (server: HarnessServer) => Promise<void>): Promise<void> {
  const server = await startHarnessServer(rendererRoot);
  await use(server);
  await server.close();
}

/**
 * Playwright's `test` with the app. Each test gets a fresh browser context (so an empty
 * IndexedDB) or, in Electron mode, a fresh user-data folder; `page` is the app's window in both.
 * Fixtures start only when a test asks for them, so Electron mode never launches Chromium.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: empty means none.
  harnessServer: [async ({}, use) => serveRenderer(use), { scope: 'worker' }],
  // eslint-disable-next-line no-empty-pattern -- as above: no dependencies.
  otherOriginServer: [async ({}, use) => serveRenderer(use), { scope: 'worker' }],

  // eslint-disable-next-line no-empty-pattern -- as above: no dependencies.
  tempDir: async ({}, use) => {
    const folder = await mkdtemp(join(tmpdir(), 'family-links-e2e-'));
    await use(folder);
    await removeTestFolder(folder);
  },

  app: electronBinary
    ? async ({ tempDir }, use, testInfo) => {
        const { app, electronApp } = await launchElectronApp({
          executablePath: electronBinary,
          tempDir,
          artifacts: testArtifacts(testInfo),
        });
        try {
          await use(app);
          // Playwright's own failure screenshot covers browser contexts only, not Electron windows.
          if (testInfo.status !== testInfo.expectedStatus)
            await app.screenshot('at-failure').catch(() => undefined);
        } finally {
          await electronApp.close();
        }
      }
    : async ({ context, harnessServer, tempDir }, use, testInfo) => {
        const app = await openBrowserApp({
          context,
          server: harnessServer,
          tempDir,
          artifacts: testArtifacts(testInfo),
        });
        await use(app);
        if (app.mainProcessLog.length > 0) {
          await testInfo.attach('main process log', {
            body: JSON.stringify(app.mainProcessLog, null, 2),
            contentType: 'application/json',
          });
        }
      },

  page: async ({ app }, use) => use(app.page),
});
