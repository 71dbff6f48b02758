import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { AppDriver } from './app-driver';
import { openBrowserApp } from './browser-app';
import { bridgeBundle, buildBundle } from './bundles';
import { chromiumArgs, chromiumEnvironment, chromiumPath } from './chromium';
import { startHarnessServer } from './harness-server';
import { scriptArtifacts } from './page-actions';
import { rendererRoot } from './project-paths';
import { removeTestFolder } from './test-folders';

/**
 * The harness without the test runner, for a script that wants to drive the app (a demo, a
 * screenshot for a manual, a quick check). The same app, bridge and services as the specs; build
 * the renderer first (`npx electron-vite build`). Always call `close()`: it deletes the profile.
 */
export async function openAppForScript(options: {
  name: string;
  headless?: boolean;
}): Promise<{ app: AppDriver; close: () => Promise<void> }> {
  await buildBundle(bridgeBundle);
  const server = await startHarnessServer(rendererRoot);
  const tempDir = await mkdtemp(join(tmpdir(), 'family-links-script-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    env: chromiumEnvironment,
    headless: options.headless ?? true,
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 840 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const app = await openBrowserApp({ context, server, tempDir, artifacts: scriptArtifacts(options.name) });
  return {
    app,
    async close() {
      await browser.close();
      await server.close();
      await removeTestFolder(tempDir);
    },
  };
}
