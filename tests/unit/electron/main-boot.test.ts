import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveConfig } from 'electron-vite';
import ts from 'typescript';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ipcChannels } from '../../../shared/ipc/contract';
import { hardenedWebPreferences } from './hardened-web-preferences';

// Boots the real, built main process (what electron-vite writes to out/main/index.js) in plain
// Node, with `electron` resolved to a recording stand-in (tests/support/electron-stand-in, through a
// Node module-resolution hook), once as
// a development build and once as a packaged one, and checks what it did. The Electron binary
// cannot run on the build machines; this is the next best thing to launching it, and unlike a
// reading of the source it sees what the bundle really does with its environment.

const projectRoot = resolve(import.meta.dirname, '../../..');
// Inside node_modules, so the bundle's external packages (zod, pdf-lib...) resolve as they do in out/.
const buildRoot = join(projectRoot, 'node_modules', '.cache', 'family-links-main-boot', randomUUID());
const mainBundle = join(buildRoot, 'main', 'index.js');
const standInSources = join(projectRoot, 'tests', 'support', 'electron-stand-in');
const standInFolder = join(buildRoot, 'electron-stand-in');
const registerHook = join(standInFolder, 'register.mjs');

const eventSchema = z.object({ kind: z.string(), afterReady: z.boolean() }).loose();
const recordSchema = z.object({
  events: z.array(eventSchema),
  probes: z.record(z.string(), z.unknown()),
  exitCode: z.number(),
});
type BootRecord = z.infer<typeof recordSchema>;
type BootEvent = z.infer<typeof eventSchema>;

beforeAll(async () => {
  // The project's own electron-vite configuration, main entry only, into a folder of this run's.
  const resolved = await resolveConfig({ root: projectRoot, logLevel: 'silent' }, 'build', 'production');
  const main = resolved.config?.main;
  if (!main?.build) throw new Error('electron.vite.config.ts has no main build');
  main.build.outDir = join(buildRoot, 'main');
  main.logLevel = 'silent';
  await build(main);
  // The stand-in is TypeScript (typed and linted with the rest); Node runs it as plain JavaScript.
  await mkdir(standInFolder, { recursive: true });
  for (const name of ['electron', 'register', 'resolve-electron']) {
    const source = await readFile(join(standInSources, `${name}.ts`), 'utf8');
    const compiled = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    await writeFile(join(standInFolder, `${name}.mjs`), compiled.outputText);
  }
  // A stand-in for the built renderer: what the packaged app serves from disk.
  await mkdir(join(buildRoot, 'renderer'), { recursive: true });
  await writeFile(join(buildRoot, 'renderer', 'index.html'), '<!doctype html><title>Family Links</title>');
}, 60_000);

afterAll(async () => {
  await rm(buildRoot, { recursive: true, force: true });
});

async function boot(options: {
  isPackaged: boolean;
  env?: Record<string, string>;
  argv?: string[];
}): Promise<BootRecord> {
  const runFolder = join(buildRoot, 'runs', randomUUID());
  const recordPath = join(runFolder, 'record.json');
  await mkdir(join(runFolder, 'user-data'), { recursive: true });
  const standIn = {
    isPackaged: options.isPackaged,
    paths: {
      userData: join(runFolder, 'user-data'),
      documents: join(runFolder, 'documents'),
    },
    appPath: projectRoot,
    resourcesPath: join(projectRoot, 'resources'),
    recordPath,
  };
  // The test runner's own environment, without anything the app reads, plus what this boot sets.
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && !/^(ELECTRON_|FAMILY_LINKS_|NODE_OPTIONS$)/.test(name)) env[name] = value;
  Object.assign(env, options.env ?? {}, { FAMILY_LINKS_STAND_IN: JSON.stringify(standIn) });
  const child = spawn(process.execPath, ['--import', registerHook, mainBundle, ...(options.argv ?? [])], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((done, failed) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      failed(new Error(`The main process did not finish booting:\n${output}`));
    }, 30_000);
    child.on('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
  const text = await readFile(recordPath, 'utf8').catch(() => {
    throw new Error(`The stand-in wrote no record:\n${output}`);
  });
  const record = recordSchema.parse(JSON.parse(text));
  if (typeof record.probes['error'] === 'string')
    throw new Error(`A probe failed: ${record.probes['error']}`);
  return record;
}

const eventsOf = (record: BootRecord, kind: string): BootEvent[] =>
  record.events.filter((event) => event.kind === kind);

function webPreferencesOf(record: BootRecord): Record<string, unknown> {
  const windows = eventsOf(record, 'new BrowserWindow');
  expect(windows).toHaveLength(1);
  const options = z
    .object({ webPreferences: z.record(z.string(), z.unknown()) })
    .loose()
    .parse(windows[0]?.['options']);
  return options.webPreferences;
}

type TemplateItem = { role?: string; label?: string; submenu?: TemplateItem[] };
const templateItemSchema: z.ZodType<TemplateItem> = z.lazy(() =>
  z
    .object({
      role: z.string().optional(),
      label: z.string().optional(),
      submenu: z.array(templateItemSchema).optional(),
    })
    .loose(),
);
function menuRolesOf(record: BootRecord): string[] {
  const menus = eventsOf(record, 'Menu.setApplicationMenu');
  expect(menus, 'the application menu is set').toHaveLength(1);
  const template = z.array(templateItemSchema).parse(menus[0]?.['template']);
  const roles = (items: TemplateItem[]): string[] =>
    items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);
  return roles(template);
}

function expectCommonHardening(record: BootRecord): void {
  // The app:// scheme is privileged before ready (after, Chromium ignores it and IndexedDB is gone).
  const registered = eventsOf(record, 'protocol.registerSchemesAsPrivileged');
  expect(registered).toHaveLength(1);
  expect(registered[0]?.afterReady).toBe(false);
  expect(registered[0]?.['schemes']).toEqual([
    expect.objectContaining({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
    }),
  ]);
  expect(eventsOf(record, 'protocol.handle').map((event) => event['scheme'])).toEqual(['app']);

  const preferences = webPreferencesOf(record);
  for (const [name, value] of hardenedWebPreferences) expect(preferences[name], name).toBe(value);
  expect(String(preferences['preload'])).toMatch(/preload[/\\]index\.cjs$/);

  // One handler for every channel of the contract, and nothing else.
  expect(
    eventsOf(record, 'ipcMain.handle')
      .map((event) => String(event['channel']))
      .sort(),
  ).toEqual([...ipcChannels].sort());

  // Only the app's own origin is loaded; navigation elsewhere and foreign frames are refused.
  expect(eventsOf(record, 'window.loadURL').map((event) => event['url'])).toEqual([
    'app://family-links/index.html',
  ]);
  expect(record.probes['navigation']).toEqual([
    { url: 'https://evil.example/', prevented: true },
    { url: 'app://family-links/other', prevented: false },
    { url: 'app://evil/index.html', prevented: true },
  ]);
  expect(record.probes['permissionGranted']).toBe(false);
  expect(record.probes['ipcFromApp']).toMatchObject({ ok: true });
  expect(record.probes['ipcFromElsewhere']).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });

  // Every new window is refused; only a plain mailto: to one address goes to the system.
  expect(record.probes['windowOpen']).toEqual([
    { url: 'https://evil.example/', action: 'deny', openedExternally: false },
    { url: 'http://evil.example/', action: 'deny', openedExternally: false },
    { url: 'file:///etc/passwd', action: 'deny', openedExternally: false },
    { url: 'javascript:alert(1)', action: 'deny', openedExternally: false },
    { url: 'mailto:someone@example.org?subject=Hello', action: 'deny', openedExternally: true },
    { url: 'mailto:a@example.org,b@example.org', action: 'deny', openedExternally: false },
  ]);
  expect(eventsOf(record, 'shell.openExternal').map((event) => event['url'])).toEqual([
    'mailto:someone@example.org?subject=Hello',
  ]);
}

const developerRoles = ['reload', 'forceReload', 'toggleDevTools'];

describe('the built main process, booted with a recording stand-in for electron', () => {
  it(
    'as a development build: the dev server on this computer is proxied under app://, its own profile, DevTools available',
    { timeout: 60_000 },
    async () => {
      const profile = join(buildRoot, 'development-profile');
      const record = await boot({
        isPackaged: false,
        env: { ELECTRON_RENDERER_URL: 'http://localhost:5173', FAMILY_LINKS_USER_DATA: profile },
      });
      expect(record.exitCode).toBe(0);
      expectCommonHardening(record);
      expect(eventsOf(record, 'app.setPath')).toEqual([
        expect.objectContaining({ name: 'userData', value: profile, afterReady: false }),
      ]);
      expect(record.probes['appScheme']).toMatchObject({
        status: 200,
        fetched: ['http://localhost:5173/index.html'],
      });
      expect(webPreferencesOf(record)['devTools']).toBe(true);
      expect(menuRolesOf(record)).toEqual(expect.arrayContaining(developerRoles));
    },
  );

  it('as a development build, a dev server somewhere else is not proxied', { timeout: 60_000 }, async () => {
    const record = await boot({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } });
    expect(record.probes['appScheme']).toMatchObject({ status: 200, fetched: [] });
    // Without an override, development keeps a profile of its own beside the real one.
    expect(eventsOf(record, 'app.setPath')).toEqual([
      expect.objectContaining({ name: 'userData', value: expect.stringMatching(/-development$/) as unknown }),
    ]);
  });

  it(
    'as a packaged build: development variables ignored, no DevTools, a menu without reload or developer tools',
    { timeout: 60_000 },
    async () => {
      const record = await boot({
        isPackaged: true,
        env: {
          ELECTRON_RENDERER_URL: 'http://localhost:5173',
          FAMILY_LINKS_USER_DATA: join(buildRoot, 'planted-profile'),
        },
      });
      expect(record.exitCode).toBe(0);
      expectCommonHardening(record);
      // The profile stays Electron's own, whatever the environment says.
      expect(eventsOf(record, 'app.setPath')).toEqual([]);
      // The page comes from the installed files, never from a server named in the environment.
      expect(record.probes['appScheme']).toMatchObject({ status: 200, fetched: [] });
      const csp = String((record.probes['appScheme'] as { csp?: unknown }).csp);
      expect(csp).toContain("connect-src 'self';");
      expect(csp).not.toContain('localhost');
      expect(webPreferencesOf(record)['devTools']).toBe(false);
      expect(record.probes['devToolsClosedWhenOpened']).toBe(true);
      const roles = menuRolesOf(record);
      for (const role of developerRoles) expect(roles).not.toContain(role);
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
    },
  );

  it(
    'as a packaged build, refuses to start with a remote-debugging switch',
    { timeout: 60_000 },
    async () => {
      const record = await boot({ isPackaged: true, argv: ['--remote-debugging-port=9222'] });
      expect(record.exitCode).toBe(1);
      expect(eventsOf(record, 'new BrowserWindow')).toEqual([]);
      expect(eventsOf(record, 'ipcMain.handle')).toEqual([]);
    },
  );
});
