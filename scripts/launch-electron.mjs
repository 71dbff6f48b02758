#!/usr/bin/env node
// Starts the built app in Electron (`npm start` runs this after `npm run build`).
//
// Why not `electron .` or `require('electron')`: the electron package's index.js downloads the
// binary when it is missing, and on machines that cannot reach Electron's downloads that fails with
// a confusing stack trace. Here the binary is looked up the same way that index.js does (path.txt,
// then dist/, or ELECTRON_OVERRIDE_DIST_PATH) but nothing is downloaded: if it is missing we say so
// plainly and stop.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronPackageDir = join(projectRoot, 'node_modules', 'electron');

/** The executable's path inside Electron's dist folder, as Electron's own installer names it. */
function executableName() {
  const pathFile = join(electronPackageDir, 'path.txt');
  if (existsSync(pathFile)) {
    const recorded = readFileSync(pathFile, 'utf8').trim();
    if (recorded !== '') return recorded;
  }
  // path.txt is written only after a successful download; fall back to the installer's names.
  switch (process.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

function electronBinary() {
  const overrideDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const distDir = overrideDir && overrideDir !== '' ? overrideDir : join(electronPackageDir, 'dist');
  return join(distDir, executableName());
}

const binary = electronBinary();

if (!existsSync(binary)) {
  console.error(
    [
      `Family Links cannot start: Electron's program was not found at ${binary}.`,
      '',
      "Electron's binary could not be downloaded on this machine (its download site is not reachable),",
      'so the desktop app cannot run here. Everything else is still checked: `npm test` exercises the',
      'renderer and the main-process services in Chromium.',
      '',
      'To run the real app, either:',
      "  - install on a machine that can reach Electron's downloads (npm ci, then npm start), or",
      '  - set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron 45 and run npm start again.',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn(binary, [projectRoot, ...process.argv.slice(2)], { stdio: 'inherit', cwd: projectRoot });

// Ctrl+C in the terminal should close the app cleanly rather than orphan it.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`Family Links could not start Electron (${binary}): ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (code === null) {
    console.error(`Electron stopped on signal ${signal ?? 'unknown'}.`);
    process.exit(1);
  }
  process.exit(code);
});
