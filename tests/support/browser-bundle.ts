import { resolve } from 'node:path';
import { build } from 'vite';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * Bundles one TypeScript entry (with its imports from `shared/` and `renderer/`) into a single
 * classic script for a browser page: the harness's `window.api` bridge, the fixture seeder, the
 * benchmark page. Uses the project's own Vite, so the code under test is the code that ships.
 */
export async function bundleForBrowser(entry: string, outFile: string): Promise<string> {
  // FAMILY_LINKS_OUT_DIR: see tests/e2e/harness/project-paths.ts.
  const outDir = resolve(projectRoot, process.env['FAMILY_LINKS_OUT_DIR'] ?? 'out', 'test-bundles');
  await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    resolve: { alias: { '@shared': resolve(projectRoot, 'shared') } },
    // As the app's own build does: a library that reads it (React) finds what a browser lacks.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'chrome120',
      copyPublicDir: false,
      lib: {
        entry: resolve(projectRoot, entry),
        formats: ['iife'],
        name: 'familyLinksBundle',
        fileName: () => outFile,
      },
    },
  });
  return resolve(outDir, outFile);
}
