import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumEnvironment, chromiumPath } from './harness/chromium';

const here = import.meta.dirname;

export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.ts',
  globalSetup: resolve(here, 'harness/global-setup.ts'),
  outputDir: resolve(here, 'artifacts/results'),
  // Two cores, and other work runs beside the tests: one worker, and generous timeouts
  // (Argon2id key derivation alone is most of a second per sign-in).
  workers: 1,
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
