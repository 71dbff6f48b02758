import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { britishLocaleProblem } from './chromium';
import { bridgeBundle, buildBundle, hasSource, seederBundle } from './bundles';
import { rendererRoot } from './project-paths';

/**
 * Runs once before any worker starts: bundles the scripts the harness injects, and checks the
 * renderer has been built, so a missing build fails once with a clear message instead of in
 * every test with a 404.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env['FAMILY_LINKS_ELECTRON_BINARY'] && !existsSync(resolve(rendererRoot, 'index.html'))) {
    throw new Error(
      `There is no built renderer at ${rendererRoot}. Run "npx electron-vite build" (npm run test:e2e does it for you).`,
    );
  }
  const localeProblem = britishLocaleProblem();
  if (localeProblem) console.warn(`[e2e harness] ${localeProblem}`);
  await buildBundle(bridgeBundle);
  // The seeder is optional: specs that start empty do not need it, and startWithFixture()
  // explains its absence when it is called.
  if (hasSource(seederBundle)) await buildBundle(seederBundle);
}
