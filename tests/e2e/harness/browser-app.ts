import type { BrowserContext } from '@playwright/test';
import type { AppDriver } from './app-driver';
import { emitHookName, invokeBindingName, type HarnessGlobal } from './bridge-globals';
import { bridgeBundle, bundlePath, seederBundlePath } from './bundles';
import { createHarnessMainProcess, type NetworkSwitch } from './harness-services';
import { blankPagePath, type HarnessServer } from './harness-server';
import { runSeeder, samePageActions, type ArtifactSink } from './page-actions';

/**
 * The app in Debian's Chromium: the built renderer from the harness server, on the context's own
 * (fresh, empty) IndexedDB, with `window.api` over a binding to the main process's own router.
 */
export async function openBrowserApp(options: {
  context: BrowserContext;
  server: HarnessServer;
  tempDir: string;
  artifacts: ArtifactSink;
  network?: NetworkSwitch;
}): Promise<AppDriver> {
  const { context, server, tempDir, artifacts } = options;
  const startMain = (again?: ReturnType<typeof createHarnessMainProcess>) =>
    createHarnessMainProcess({
      appOrigin: server.origin,
      tempDir,
      chromeVersion: context.browser()?.version() ?? 'unknown',
      ...(options.network ? { network: options.network } : {}),
      ...(again ? { keyring: again.keyring, log: again.log } : {}),
    });
  let main = startMain();

  // Context-wide, like ipcMain: every page and frame in the context can call, so the router's
  // sender check is what keeps other origins and subframes out. As electron/main/ipc.ts does,
  // a subframe is reported as not-top-frame whatever its URL.
  await context.exposeBinding(invokeBindingName, (source, channel: unknown, payload: unknown) =>
    main.router.dispatch(channel, payload, {
      url: source.frame.parentFrame() === null ? source.frame.url() : 'about:blank#not-top-frame',
    }),
  );
  await context.addInitScript({ path: bundlePath(bridgeBundle) });
  const page = await context.newPage();
  const appUrl = `${server.origin}/`;

  return {
    runtime: 'harness',
    page,
    tempDir,
    mainProcessLog: main.log,
    async startEmpty() {
      await page.goto(appUrl);
    },
    async restartMainProcess() {
      main = startMain(main);
      await page.reload();
    },
    async startWithFixture(seedOptions) {
      const seeder = await seederBundlePath();
      // The blank page shares the app's origin, so the seeded IndexedDB is the app's own.
      await page.goto(server.origin + blankPagePath);
      const summary = await runSeeder(page, seeder, seedOptions);
      await page.goto(appUrl);
      return summary;
    },
    ...samePageActions(page, artifacts),
    async emit(name, payload) {
      // The function runs in the page: everything it uses must be passed in, the hook's name too.
      await page.evaluate(
        ([hookName, eventName, eventPayload]) => {
          const harness: typeof globalThis & HarnessGlobal = globalThis;
          const emit = harness[hookName];
          if (!emit) throw new Error('The harness bridge is not installed in this page.');
          emit(eventName, eventPayload);
        },
        [emitHookName, name, payload] as const,
      );
    },
  };
}
