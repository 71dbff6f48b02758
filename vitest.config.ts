import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

// Two projects: the domain and the main-process services run in plain Node; the renderer's
// database and components run in jsdom with fake-indexeddb.
//
// Key wrapping, sign-in and password changes run Argon2id at the parameters the app really uses,
// several derivations in one test. On a shared two-core CI machine one such test can take 6 to 8 s,
// so vitest's 5 s default fails tests that are only slow; 20 s still catches a hang. Set-up hooks
// that make test certificate authorities (RSA key generation) are slow the same way.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
          include: [
            'tests/unit/shared/**/*.test.ts',
            'tests/unit/electron/**/*.test.ts',
            'tests/unit/tooling/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          testTimeout: 20_000,
          hookTimeout: 30_000,
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
