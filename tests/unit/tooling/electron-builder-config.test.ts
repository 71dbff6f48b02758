import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The packaging config cannot be exercised here (electron-builder needs to download Electron), so
// these checks stand guard over the settings that matter for a shared office computer: what goes
// into the package, how it installs, and the fuses that stop the app being used as a Node runtime.

const projectRoot = resolve(import.meta.dirname, '../../..');
const configText = readFileSync(resolve(projectRoot, 'electron-builder.yml'), 'utf8');
const config = parse(configText) as Record<string, unknown>;

/** Reads a dotted path from the parsed YAML, e.g. `nsis.perMachine`. */
function at(path: string): unknown {
  let value: unknown = config;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

describe('electron-builder.yml', () => {
  // Compiling electron-builder's schema takes ~1.5 s alone; more when other suites share the cores.
  it(
    'is valid for the installed electron-builder (its own schema, so a misspelt option fails)',
    { timeout: 20_000 },
    async () => {
      await expect(
        validateConfiguration(structuredClone(config), new DebugLogger(false)),
      ).resolves.toBeUndefined();
    },
  );

  it.each([
    ['appId', 'uk.org.familylinks.desktop'],
    ['productName', 'Family Links'],
    ['directories.output', 'release'],
    ['asar', true],
  ])('sets %s to %j', (path, value) => {
    expect(at(path)).toEqual(value);
  });

  it('packages only the built app and package.json: no sources, tests or source maps', () => {
    const files = at('files');
    expect(Array.isArray(files)).toBe(true);
    const included = (files as string[]).filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json']);
    expect(files).toContain('!out/**/*.map');
  });

  // Installed once per shared office computer, for everyone who uses it.
  it.each([
    ['nsis.perMachine', true],
    ['nsis.oneClick', false],
    ['nsis.allowElevation', true],
  ])('installs on Windows with %s = %j', (path, value) => {
    expect(at(path)).toBe(value);
  });

  it('targets NSIS on Windows, AppImage and deb on Linux, filed under Office with a maintainer', () => {
    const windowsTargets = (at('win.target') as { target: string }[]).map((entry) => entry.target);
    expect(windowsTargets).toEqual(['nsis']);
    expect(at('linux.target')).toEqual(['AppImage', 'deb']);
    expect(at('linux.category')).toBe('Office');
    expect(at('linux.maintainer')).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('flips the %s fuse to %s', (fuse, value) => {
    expect(at(`electronFuses.${fuse}`)).toBe(value);
  });

  it('ships the PDF font folder where the packaged main process reads it (process.resourcesPath/fonts)', () => {
    expect(at('extraResources')).toEqual([{ from: 'resources/fonts', to: 'fonts' }]);
    expect(readFileSync(resolve(projectRoot, 'electron/main/index.ts'), 'utf8')).toContain(
      "join(process.resourcesPath, 'fonts')",
    );
  });

  it('names only resources/ files that exist', () => {
    const named = [...configText.matchAll(/resources\/[\w.-]+/g)].map(([path]) => path);
    expect(named.length).toBeGreaterThan(0);
    for (const path of named) expect(existsSync(resolve(projectRoot, path)), path).toBe(true);
  });

  it('has an icon of at least 512 x 512 (Linux wants 512; electron-builder makes the .ico from it)', () => {
    const icon = readFileSync(resolve(projectRoot, at('linux.icon') as string));
    // PNG signature, then the IHDR chunk: width and height are big-endian at bytes 16 and 20.
    expect(icon.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(icon.readUInt32BE(20)).toBe(icon.readUInt32BE(16));
    expect(at('win.icon')).toBe(at('linux.icon'));
  });
});
