import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` runs scripts/launch-electron.mjs. It must find Electron without loading the electron
// package (which downloads the binary), explain itself plainly when there is none, and otherwise
// run it on the project. ELECTRON_OVERRIDE_DIST_PATH points it at a stand-in here, so the test
// behaves the same on a machine that does have Electron.

const projectRoot = resolve(import.meta.dirname, '../../..');
const launcher = join(projectRoot, 'scripts', 'launch-electron.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'family-links-launch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function launch(distPath: string, args: string[] = []) {
  return spawnSync(process.execPath, [launcher, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: distPath },
    timeout: 20_000,
  });
}

// The stand-in is a shell script in a Linux-style dist folder: run where the project's CI runs.
describe.runIf(process.platform === 'linux')('scripts/launch-electron.mjs', () => {
  it('explains plainly, and exits 1, when there is no Electron binary', () => {
    const empty = mkdtempSync(join(scratch, 'empty-'));
    const run = launch(empty);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('could not be downloaded on this machine');
    expect(run.stderr).toContain('npm test');
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    // No stack trace: this is an expected situation, not a crash.
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs the binary on the project root, passing arguments and its exit code through', () => {
    const dist = mkdtempSync(join(scratch, 'dist-'));
    const standIn = join(dist, 'electron');
    writeFileSync(standIn, '#!/bin/sh\necho "electron started with: $*"\nexit 7\n');
    chmodSync(standIn, 0o755);
    const run = launch(dist, ['--inspect-nothing']);
    expect(run.stdout.trim()).toBe(`electron started with: ${projectRoot} --inspect-nothing`);
    expect(run.status).toBe(7);
  });
});
