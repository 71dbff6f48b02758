import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { ipcContract, type IpcChannel, type IpcReply, type IpcRequest } from '../../../shared/ipc/contract';
import { ipcEnvelopeSchema, type IpcResult } from '../../../shared/ipc/ipc-result';
import type { AppDriver, FixtureStart, ScreenCheck } from './app-driver';
import type { HarnessGlobal } from './bridge-globals';
import { screensRoot } from './project-paths';

// What both runtimes do the same way once there is a window: screenshots, axe, calls through
// window.api and seeding. Only how the window is made differs (browser-app.ts, electron-app.ts).

/** Lower-case words and dashes: safe as a folder or file name on every system. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'unnamed'
  );
}

/**
 * Where a run's screenshots and reports go: a test's own folder and report, or, for a script,
 * a folder of its own name and nowhere else.
 */
export type ArtifactSink = {
  readonly screensFolder: string;
  attach(
    name: string,
    content: { path: string; contentType: string } | { body: string; contentType: string },
  ): Promise<void>;
};

export function testArtifacts(testInfo: TestInfo): ArtifactSink {
  return {
    screensFolder: resolve(
      screensRoot,
      slug(testInfo.title) + (testInfo.retry > 0 ? `-retry-${testInfo.retry}` : ''),
    ),
    attach: (name, content) => testInfo.attach(name, content),
  };
}

export function scriptArtifacts(scriptName: string): ArtifactSink {
  return {
    screensFolder: resolve(screensRoot, `script-${slug(scriptName)}`),
    attach: () => Promise.resolve(),
  };
}

export async function saveScreenshot(page: Page, artifacts: ArtifactSink, name: string): Promise<string> {
  await mkdir(artifacts.screensFolder, { recursive: true });
  const path = resolve(artifacts.screensFolder, `${slug(name)}.png`);
  await page.screenshot({ path, fullPage: true });
  await artifacts.attach(name, { path, contentType: 'image/png' });
  return path;
}

/** The two window sizes the homes' office computers use. */
export const officeWindowSizes = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const;

/** A screenshot at each office size, named `<name>-<width>x<height>`, ending at 1280x800. */
async function saveScreenshotsAtOfficeSizes(
  page: Page,
  artifacts: ArtifactSink,
  name: string,
): Promise<void> {
  for (const size of [...officeWindowSizes].reverse()) {
    await page.setViewportSize(size);
    await saveScreenshot(page, artifacts, `${name}-${size.width}x${size.height}`);
  }
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe on the whole window. Serious and critical problems fail the test, each listed with the
 * elements it found; every finding (minor ones too) is attached to the report for a closer look.
 */
export async function expectAccessible(
  page: Page,
  artifacts: ArtifactSink,
  screenName: string,
): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  await artifacts.attach(`axe ${screenName}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `- ${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}, at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  // A plain error, not expect(), so scripts outside the test runner can call this too.
  if (blocking.length > 0)
    throw new Error(`Serious accessibility problems on the "${screenName}" screen:\n${blocking.join('\n')}`);
}

/** axe on the screen on show, then its screenshot: what a journey does at every screen it stops at. */
async function checkScreen(
  page: Page,
  artifacts: ArtifactSink,
  screenName: string,
  { screenshot = screenName, atOfficeSizes = false }: ScreenCheck,
): Promise<void> {
  await expectAccessible(page, artifacts, screenName);
  if (atOfficeSizes) await saveScreenshotsAtOfficeSizes(page, artifacts, screenshot);
  else await saveScreenshot(page, artifacts, screenshot);
}

/**
 * One call through `window.api` in the page. The reply is checked in Node against the same
 * contract, so a test can rely on its type rather than assume it.
 */
export async function callApi<Channel extends IpcChannel>(
  page: Page,
  channel: Channel,
  request: IpcRequest<Channel>,
): Promise<IpcResult<IpcReply<Channel>>> {
  const raw: unknown = await page.evaluate(
    async ([name, payload]) => {
      const harness: typeof globalThis & HarnessGlobal = globalThis;
      if (!harness.api) throw new Error('window.api is missing: the bridge was not installed in this page.');
      // Each channel's method takes its own request type; the request was typed by the caller.
      const call = harness.api[name] as (request: unknown) => Promise<unknown>;
      return call(payload);
    },
    [channel, request] as const,
  );
  const envelope = ipcEnvelopeSchema.parse(raw);
  if (!envelope.ok) return envelope;
  // The reply schema is the channel's own; TypeScript cannot tie a parsed union back to Channel.
  return { ok: true, value: ipcContract[channel].reply.parse(envelope.value) as IpcReply<Channel> };
}

type SeederGlobal = { familyLinksSeed?: (options: FixtureStart) => Promise<unknown> };

/**
 * Runs the fixture seeder in the page. The bundle is evaluated over the DevTools protocol rather
 * than added as a <script>: the page's Content-Security-Policy (rightly) refuses inline script.
 */
export async function runSeeder(page: Page, bundlePath: string, options: FixtureStart): Promise<unknown> {
  // As shared/zod-setup.ts does for the app and the bridge: no JIT, as the CSP forces, set before the
  // bundle's schemas are built (in Electron mode no bridge has done it).
  await page.evaluate(() => {
    const realm: typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } } = globalThis;
    // Changed in place: zod copies already loaded hold this very object.
    (realm.__zod_globalConfig ??= {}).jitless = true;
  });
  await page.evaluate(await readFile(bundlePath, 'utf8'));
  return page.evaluate(async (seedOptions) => {
    const seeder: typeof globalThis & SeederGlobal = globalThis;
    if (typeof seeder.familyLinksSeed !== 'function')
      throw new Error('The seeder bundle did not define globalThis.familyLinksSeed.');
    return seeder.familyLinksSeed(seedOptions);
  }, options);
}

/** What a driver does the same way in both runtimes once it has the page: reload, screenshots, axe, window.api. */
export function samePageActions(
  page: Page,
  artifacts: ArtifactSink,
): Pick<
  AppDriver,
  'reload' | 'screenshot' | 'screenshotsAtOfficeSizes' | 'expectAccessible' | 'checkScreen' | 'api'
> {
  return {
    async reload() {
      await page.reload();
    },
    screenshot: (name) => saveScreenshot(page, artifacts, name),
    screenshotsAtOfficeSizes: (name) => saveScreenshotsAtOfficeSizes(page, artifacts, name),
    expectAccessible: (screenName) => expectAccessible(page, artifacts, screenName),
    checkScreen: (screenName, check = {}) => checkScreen(page, artifacts, screenName, check),
    api: (channel, request) => callApi(page, channel, request),
  };
}
