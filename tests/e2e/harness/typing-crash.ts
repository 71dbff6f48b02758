import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { z } from 'zod';
import type { AppDriver } from './app-driver';
import { openBrowserApp } from './browser-app';
import { chromiumArgs, chromiumEnvironment, chromiumPath } from './chromium';
import type { HarnessServer } from './harness-server';
import type { ArtifactSink } from './page-actions';
import { removeTestFolder } from './test-folders';

/**
 * The crash check behind "nothing typed is lost": a script types steadily into a contact form,
 * the page's renderer process is killed with SIGKILL (no unload, no pagehide, nothing the app
 * could react to), the window is opened again on the same profile and the person signs in; what
 * was typed more than `allowedLossMs` before the kill must be back, with the banner saying so.
 * Used by tests/e2e/contact-form-crash.spec.ts (once) and tests/e2e/scripts/crash-loop.ts (20 times).
 */

export const allowedLossMs = 2_000;

const seedSummarySchema = z.object({ signIn: z.object({ username: z.string(), password: z.string() }) });

/** The app on a persistent Chromium profile (a user-data folder on disk), as the desktop app keeps one. */
export async function openPersistentApp(options: {
  server: HarnessServer;
  tempDir: string;
  artifacts: ArtifactSink;
}): Promise<{ app: AppDriver; context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'family-links-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    env: chromiumEnvironment,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  // The profile opens with a blank tab: close it, so the app's window is the only page.
  for (const blank of context.pages()) await blank.close();
  const app = await openBrowserApp({ context, ...options });
  return {
    app,
    context,
    async close() {
      await context.close();
      await removeTestFolder(profile);
    },
  };
}

/**
 * Kills every renderer process of the browser with SIGKILL, found through the DevTools protocol
 * (`SystemInfo.getProcessInfo` on a browser session), and waits until `page` reports its crash, so
 * the page's own renderer is certainly among them. The browser process, and with it the profile's
 * storage, stays up to open the app again. Returns the process ids killed.
 */
export async function killRenderer(context: BrowserContext, page: Page): Promise<number[]> {
  const browser = context.browser();
  if (!browser) throw new Error('This context has no browser to ask for its processes');
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  const renderers = processInfo.filter((info) => info.type === 'renderer').map((info) => info.id);
  if (renderers.length === 0) throw new Error('No renderer process was found to kill');
  const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
  for (const pid of renderers) process.kill(pid, 'SIGKILL');
  await Promise.race([
    crashed,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('The page did not crash after its renderers were killed')), 15_000),
    ),
  ]);
  return renderers;
}

const phrase =
  'Harry phoned his nan after tea and told her about the football match, the goal he nearly scored and his new boots. ';

export type CrashCheck = {
  /** Characters typed before the kill. */
  readonly typed: number;
  /** Of those, the ones typed more than `allowedLossMs` before the kill: they must all be back. */
  readonly required: number;
  /** Characters back after signing in again. */
  readonly restored: number;
  /** How long before the kill the last restored character was typed (ms): the loss window. */
  readonly lossWindowMs: number;
  /** The banner the person saw. */
  readonly banner: string;
  readonly passed: boolean;
  readonly problem: string | undefined;
};

type Signer = { signIn(page: Page): Promise<void> };

/** Signs in on `page` with the fixture's manager, as a person would. */
export function fixtureSigner(summary: unknown): Signer {
  const { signIn } = seedSummarySchema.parse(summary);
  return {
    async signIn(page) {
      const form = page.getByRole('form', { name: 'Sign in' });
      await form.getByLabel('Username').fill(signIn.username);
      await form.getByLabel('Password').fill(signIn.password);
      await form.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('banner')
        .getByText(/^Signed in as/)
        .waitFor({ timeout: 60_000 });
    },
  };
}

/**
 * One run: opens a new contact form on `page` (already signed in), fills in who and when, types
 * steadily into "What happened" for `typingMs`, kills the renderer, opens the app again in a new
 * window of the same profile, signs in, and compares. Returns the figures and the new window.
 */
export async function typeThenCrash(options: {
  context: BrowserContext;
  page: Page;
  signer: Signer;
  typingMs: number;
  keyIntervalMs?: number;
  beforeKill?: (page: Page) => Promise<void>;
}): Promise<{ check: CrashCheck; page: Page }> {
  const { context, page, signer, typingMs } = options;
  const keyIntervalMs = options.keyIntervalMs ?? 60;
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Contact forms', exact: true })
    .click();
  await page.getByRole('link', { name: 'Record a contact' }).click();
  const form = page.getByRole('form', { name: 'Contact form' });
  const whatHappened = form.getByLabel('What happened', { exact: true });
  await whatHappened.waitFor();
  // A new form starts blank, whatever was typed into the last one.
  if ((await whatHappened.inputValue()) !== '') throw new Error('A new contact form did not start blank');
  await form.getByLabel('Young person', { exact: true }).selectOption({ index: 1 });
  await form.getByLabel('Kind of contact').selectOption({ label: 'Phone call' });
  await form.getByLabel('Date', { exact: true }).fill('02/11/2026');
  await form.getByLabel('Started at').fill('18:15');
  await whatHappened.click();

  const typedAt: number[] = [];
  let text = '';
  const started = Date.now();
  for (let index = 0; Date.now() - started < typingMs; index += 1) {
    const key = phrase[index % phrase.length] ?? ' ';
    await page.keyboard.type(key);
    text += key;
    typedAt.push(Date.now());
    const next = started + (index + 1) * keyIntervalMs;
    const wait = next - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await options.beforeKill?.(page);
  const url = page.url();
  const killedAt = Date.now();
  await killRenderer(context, page);
  await page.close().catch(() => undefined);

  const again = await context.newPage();
  await again.goto(url);
  await signer.signIn(again);
  const reopened = again
    .getByRole('form', { name: 'Contact form' })
    .getByLabel('What happened', { exact: true });
  const banner = again.getByRole('status').filter({ hasText: 'We kept what you were typing' });
  await banner.waitFor({ timeout: 30_000 });
  const restoredText = await reopened.inputValue();
  const bannerText = (await banner.textContent()) ?? '';

  const required = typedAt.filter((at) => at <= killedAt - allowedLossMs).length;
  const restored = restoredText.length;
  const lastRestoredAt = restored > 0 ? (typedAt[restored - 1] ?? killedAt) : started;
  let problem: string | undefined;
  if (!text.startsWith(restoredText)) problem = 'What came back is not what was typed.';
  else if (restored < required)
    problem = `Only ${restored} of the ${required} characters typed more than ${allowedLossMs} ms before the kill came back.`;
  else if (!bannerText.includes('What happened'))
    problem = `The banner does not say what was kept: ${bannerText}`;
  return {
    page: again,
    check: {
      typed: text.length,
      required,
      restored,
      lossWindowMs: killedAt - lastRestoredAt,
      banner: bannerText.trim(),
      passed: problem === undefined,
      problem,
    },
  };
}
