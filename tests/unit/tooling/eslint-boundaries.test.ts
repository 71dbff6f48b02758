import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Lints small probe sources, as if they were files in each folder, with the project's own
// eslint.config.js, to show that the import rules (STYLE: "the folder says where code may run")
// really bite. Type-aware rules are switched off for the probes: those files do not exist, so no
// tsconfig includes them, and the import rules need no types.

const projectRoot = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({
  cwd: projectRoot,
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    { languageOptions: { parserOptions: { projectService: false } } },
  ],
});

const restrictedImports = 'no-restricted-imports';
const rulesUnderTest = new Set([restrictedImports, 'no-restricted-syntax']);

/** The boundary rules (and any parse error) each line of `source` breaks, as `line:rule`. */
async function violations(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(projectRoot, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === null || rulesUnderTest.has(message.ruleId))
    .map((message) => `${message.line}:${message.ruleId ?? message.message}`);
}

// Loading the config and the TypeScript parser takes a few seconds on a busy machine.
const slow = { timeout: 30_000 };

/** Probes, as [file, source] rows, that the boundary rules refuse: one test a row. */
function itRefuses(probes: [file: string, source: string][]) {
  it.each(probes)('%s: %s is refused', slow, async (file, source) => {
    expect(await violations(file, source)).toEqual([`1:${restrictedImports}`]);
  });
}

/** Probes, as [file, source] rows, that the boundary rules allow: one test a row. */
function itAllows(probes: [file: string, source: string][]) {
  it.each(probes)('%s: %s is allowed', slow, async (file, source) => {
    expect(await violations(file, source)).toEqual([]);
  });
}

// The zones are patterns on the import path, so a probe need not point at a real file.
describe('shared/ runs anywhere, so it imports nothing that runs in one place only', () => {
  it.each([
    ["import '../../renderer/src/App';", restrictedImports],
    ["import '../../electron/main/app-origin';", restrictedImports],
    ["import '../../tests/unit/tooling/launch-electron.test';", restrictedImports],
    ["import { readFile } from 'node:fs/promises';", restrictedImports],
    ["import path from 'path';", restrictedImports],
    ["import { app } from 'electron';", restrictedImports],
    ["import { useState } from 'react';", restrictedImports],
    ["import { createRoot } from 'react-dom/client';", restrictedImports],
    ["import Dexie from 'dexie';", restrictedImports],
  ])('%s is refused', slow, async (source, rule) => {
    expect(await violations('shared/rules/probe.ts', source)).toEqual([`1:${rule}`]);
  });

  it('may import zod and other shared modules', slow, async () => {
    expect(
      await violations(
        'shared/rules/probe.ts',
        "import { z } from 'zod';\nimport { ok } from '../result';\nexport const x = [z, ok];\n",
      ),
    ).toEqual([]);
  });
});

describe('the renderer and the main process meet only in shared/', () => {
  itRefuses([
    ['renderer/src/features/probe.ts', "import '../../../electron/main/app-origin';"],
    ['renderer/src/features/probe.tsx', "import { ipcRenderer } from 'electron';"],
    ['electron/main/probe.ts', "import '../../renderer/src/App';"],
    ['electron/preload/probe.ts', "import '../../renderer/src/db/database';"],
  ]);

  it.each([
    ['renderer/src/features/probe.ts', "import { ok } from '@shared/result';\nexport const x = ok;\n"],
    ['electron/main/probe.ts', "import { ok } from '../../shared/result';\nexport const x = ok;\n"],
  ])('%s may import shared/', slow, async (file, source) => {
    expect(await violations(file, source)).toEqual([]);
  });
});

describe('inside the renderer, each layer imports only the layers below it', () => {
  // One probe a zone: a file in each layer reaching one layer up (or sideways, for features).
  itRefuses([
    ['renderer/src/platform/probe.ts', "import '../db/database';"],
    ['renderer/src/ui/probe.tsx', "import '../common/useHomeClock';"],
    ['renderer/src/ui/probe.tsx', "import { ok } from '@shared/result';"],
    ['renderer/src/db/repositories/probe.ts', "import '../../security/session-context';"],
    ['renderer/src/db/probe.ts', "import '../app/AppShell';"],
    ['renderer/src/security/probe.ts', "import '../common/useHomeClock';"],
    ['renderer/src/common/probe.ts', "import '../features/door';"],
    ['renderer/src/features/door/probe.ts', "import '../../app/AppShell';"],
    ['renderer/src/features/register/probe.ts', "import '../door/door-checker';"],
    ['renderer/src/features/register/probe.tsx', "import '../door/door.css';"],
  ]);

  itAllows([
    ['renderer/src/db/repositories/probe.ts', "import '../../platform/window-api';"],
    ['renderer/src/security/probe.ts', "import '../db/database';"],
    ['renderer/src/common/probe.ts', "import '../security/session-context';"],
    ['renderer/src/features/door/probe.ts', "import '../../common/useHomeClock';"],
    ['renderer/src/features/register/probe.ts', "import '../door';"],
    ['renderer/src/features/register/probe.ts', "import './useRegister';"],
    ['renderer/src/app/probe.ts', "import '../features/door/DoorScreen';"],
    ['renderer/src/ui/probe.tsx', "import './Banner';"],
  ]);
});

describe('components show, hooks fetch: a .tsx file reads no records and calls no main process', () => {
  it.each([
    "import { useLiveQuery } from 'dexie-react-hooks';",
    "import { Dexie } from 'dexie';",
    "import { useDatabase } from '../../db/useDatabase';",
    "import { roomRepository } from '../../db/repositories/room-repository';",
    "import { windowApi } from '../../platform/window-api';",
    "import { windowBackupPort } from '../../platform/backup-port';",
  ])('%s is refused in a component', slow, async (source) => {
    expect(await violations('renderer/src/features/settings/Probe.tsx', source)).toEqual([
      `1:${restrictedImports}`,
    ]);
  });

  itAllows([
    [
      'renderer/src/features/settings/useProbe.ts',
      "import { roomRepository } from '../../db/repositories/room-repository';",
    ],
    ['renderer/src/features/settings/useProbe.ts', "import { useLiveQuery } from 'dexie-react-hooks';"],
    [
      'renderer/src/features/settings/Probe.tsx',
      "import type { Room } from '../../db/repositories/room-repository';",
    ],
    ['renderer/src/features/settings/Probe.tsx', "import { useRooms } from './useRooms';"],
    ['renderer/src/app/Probe.tsx', "import { DatabaseContext } from '../platform/database-context';"],
  ]);
});

describe('only the Electron entry files import electron', () => {
  it.each([
    'electron/main/index.ts',
    'electron/main/window.ts',
    'electron/main/protocol.ts',
    'electron/main/ipc.ts',
    'electron/preload/index.ts',
    'electron/preload/bridge.ts',
  ])('%s may', slow, async (file) => {
    expect(await violations(file, "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });

  it.each([
    'electron/main/ipc-router.ts',
    'electron/main/services/case-files.ts',
    'tests/unit/electron/probe.test.ts',
    'tests/e2e/harness.ts',
    'scripts/probe.mjs',
  ])('%s may not (plain Node: importing electron there tries to download it)', slow, async (file) => {
    expect(await violations(file, "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      `1:${restrictedImports}`,
    ]);
  });
});

describe('tests cannot be committed focused or skipped', () => {
  it.each([
    "test.only('x', () => {});",
    "it.only('x', () => {});",
    "describe.only('x', () => {});",
    "test.skip('x', () => {});",
    "it.skip('x', () => {});",
    "describe.skip('x', () => {});",
    "it.skip.each([1])('x', () => {});",
    "test.describe.only('x', () => {});",
    "test.describe.skip('x', () => {});",
    "test.fixme('x', () => {});",
  ])('%s is refused', slow, async (line) => {
    const source = `import { describe, it, test } from 'vitest';\n${line}\nexport const x = [describe, it, test];\n`;
    expect(await violations('tests/unit/shared/probe.test.ts', source)).toEqual(['2:no-restricted-syntax']);
  });

  it('plain and table-driven tests are fine', slow, async () => {
    const source =
      "import { describe, it, test } from 'vitest';\ndescribe('x', () => { it.each([1])('y', () => {}); test('z', () => {}); });\n";
    expect(await violations('tests/unit/shared/probe.test.ts', source)).toEqual([]);
  });
});

describe('what the bench loads under tsx takes values from shared/ by path, not through @shared', () => {
  itRefuses([
    ['tests/factories/probe.ts', "import { x } from '@shared/rules/probe';\nexport const y = x;\n"],
    ['tests/fixtures/probe.ts', "import { x } from '@shared/rules/probe';\nexport const y = x;\n"],
    ['tests/bench/probe.ts', "import { x } from '@shared/rules/probe';\nexport const y = x;\n"],
  ]);
  itAllows([
    ['tests/factories/probe.ts', "import type { X } from '@shared/rules/probe';\nexport type Y = X;\n"],
    ['tests/factories/probe.ts', "import { x } from '../../shared/rules/probe';\nexport const y = x;\n"],
  ]);
});
