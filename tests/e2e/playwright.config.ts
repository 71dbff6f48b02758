import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumEnvironment, chromiumPath } from './harness/chromium';

const here = import.meta.dirname;

function workerCount(asked: string | undefined): number {
  const count = Number(asked);
  return Number.isInteger(count) && count > 0 ? count : 2;
}

export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.ts',
  globalSetup: resolve(here, 'harness/global-setup.ts'),
  outputDir: resolve(here, 'artifacts/results'),
  // Two workers on CI's two cores: a journey spends much of its time waiting (for the page to
  // settle, for a loopback server, for a file), so a second one fills those waits. Every journey
  // has its own profile, temporary folder and servers on port 0, so two never share anything.
  // Timeouts stay generous (Argon2id key derivation alone is most of a second per sign-in).
  // FAMILY_LINKS_E2E_WORKERS=1 runs them one at a time, on a machine busy with other work.
  workers: workerCount(process.env['FAMILY_LINKS_E2E_WORKERS']),
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: resolve(here, 'artifacts/report'), open: 'never' }]],
  use: {
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs, env: chromiumEnvironment },
    // The size of the desktop window (electron/main/window.ts), and a UK office computer.
    viewport: { width: 1280, height: 840 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
});
