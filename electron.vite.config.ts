import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Electron 45 ships Node 22 and Chromium 142; electron-vite 6's own table stops at
// Electron 44, so the targets are set here by hand.
const nodeTarget = 'node22';
const chromeTarget = 'chrome142';

// FAMILY_LINKS_OUT_DIR builds somewhere other than out/ (see tests/e2e/harness/project-paths.ts).
const outDir = resolve(import.meta.dirname, process.env['FAMILY_LINKS_OUT_DIR'] ?? 'out');

const sharedAlias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      target: nodeTarget,
      outDir: resolve(outDir, 'main'),
      emptyOutDir: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      target: nodeTarget,
      outDir: resolve(outDir, 'preload'),
      emptyOutDir: true,
      // A sandboxed renderer cannot load an ES-module preload: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias: sharedAlias },
    plugins: [react()],
    build: {
      target: chromeTarget,
      minify: true,
      outDir: resolve(outDir, 'renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
