import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElectronApplication } from '@playwright/test';
import type { AppDriver } from './app-driver';
import { seederBundlePath } from './bundles';
import { runSeeder, samePageActions, type ArtifactSink } from './page-actions';
import { projectRoot } from './project-paths';

/** process.env without its unset entries, as Electron's launcher wants plain strings. */
function currentEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * The real desktop app (FAMILY_LINKS_ELECTRON_BINARY), with a fresh profile in the test's temp
 * folder. Untested on the build machines, which cannot download Electron: keep it small.
 */
export async function launchElectronApp(options: {
  executablePath: string;
  tempDir: string;
  artifacts: ArtifactSink;
}): Promise<{ app: AppDriver; electronApp: ElectronApplication }> {
  const { executablePath, tempDir, artifacts } = options;
  const userData = join(tempDir, 'user-data');
  await mkdir(userData, { recursive: true });
  // Imported here, and only in this mode; always with executablePath, because without it
  // Playwright would require('electron'), which tries to download the binary and throws.
  const { _electron } = await import('@playwright/test');
  const electronApp = await _electron.launch({
    executablePath,
    args: [projectRoot],
    env: { ...currentEnvironment(), FAMILY_LINKS_USER_DATA: userData },
  });
  const page = await electronApp.firstWindow();

  const app: AppDriver = {
    runtime: 'electron',
    page,
    tempDir,
    mainProcessLog: [],
    async startEmpty() {
      // The window opens the app by itself; wait until its page has loaded.
      await page.waitForLoadState('load');
    },
    async startWithFixture(seedOptions) {
      const seeder = await seederBundlePath();
      await page.waitForLoadState('load');
      // No blank page on app://: seed the app's own origin, then reload so it opens the data.
      const summary = await runSeeder(page, seeder, seedOptions);
      await page.reload();
      return summary;
    },
    ...samePageActions(page, artifacts),
    async emit(name, payload) {
      await electronApp.evaluate(
        ({ BrowserWindow }, [eventName, eventPayload]) => {
          BrowserWindow.getAllWindows()[0]?.webContents.send(eventName, eventPayload);
        },
        [name, payload] as const,
      );
    },
  };
  return { app, electronApp };
}
