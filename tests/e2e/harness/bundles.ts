import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleForBrowser } from '../../support/browser-bundle';
import { buildRoot, projectRoot } from './project-paths';

/**
 * The two scripts the harness puts into the page, each bundled from TypeScript with the project's
 * own Vite (so the page runs the same `shared/` code the app ships):
 * - the bridge, which builds `window.api` from the IPC contract over the Playwright binding;
 * - the fixture seeder (written by the fixtures work), which fills IndexedDB at the app's origin.
 */
export const bridgeBundle = {
  entry: 'tests/e2e/harness/api-bridge.ts',
  outFile: 'e2e-api-bridge.js',
} as const;

export const seederBundle = {
  entry: 'tests/fixtures/browser-seed.ts',
  outFile: 'e2e-browser-seed.js',
} as const;

type Bundle = typeof bridgeBundle | typeof seederBundle;

const bundleDir = resolve(buildRoot, 'test-bundles');

export function bundlePath(bundle: Bundle): string {
  return resolve(bundleDir, bundle.outFile);
}

export function hasSource(bundle: Bundle): boolean {
  return existsSync(resolve(projectRoot, bundle.entry));
}

export function buildBundle(bundle: Bundle): Promise<string> {
  return bundleForBrowser(bundle.entry, bundle.outFile);
}

/**
 * The seeder's bundle, built now if global setup ran before its source existed. Fails with a
 * message that says what is missing rather than a bare "file not found".
 */
export async function seederBundlePath(): Promise<string> {
  if (!hasSource(seederBundle)) {
    throw new Error(
      `startWithFixture() needs ${seederBundle.entry}, which does not exist yet. It should set ` +
        'globalThis.familyLinksSeed = async ({ size, seed }) => summary. Use startEmpty() until it lands.',
    );
  }
  const path = bundlePath(seederBundle);
  return existsSync(path) ? path : buildBundle(seederBundle);
}
