// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/**
 * The only files that may import `electron`. Everything else in `electron/main` (the router, the
 * services) is plain Node, so the unit tests and the end-to-end harness can run it without the
 * Electron binary (which cannot be downloaded on the build machines, and `require('electron')`
 * from plain Node tries to download it and throws).
 */
const electronEntryFiles = [
  'electron/main/index.ts',
  'electron/main/window.ts',
  'electron/main/protocol.ts',
  'electron/main/ipc.ts',
  'electron/preload/**/*.ts',
];

const electronImportBan = {
  name: 'electron',
  message:
    'Only electron/main/{index,window,protocol,ipc}.ts and the preload may import electron. Pass what you need in as a small interface (see DESIGN: main process services).',
};

// shared/ runs in the renderer, the main process, the harness and the tests: nothing that exists in
// only one of those places. Node built-ins are listed both bare and with `node:`.
const sharedImportBans = {
  paths: [
    electronImportBan,
    ...['react', 'react-dom', 'react-hook-form', 'dexie', 'dexie-react-hooks'].map((name) => ({
      name,
      message:
        'shared/ runs everywhere: no React, no Dexie. Put UI code in renderer/ and storage in renderer/src/db.',
    })),
    ...builtinModules
      .filter((name) => !name.startsWith('_'))
      .map((name) => ({
        name,
        message: 'shared/ runs in the browser too: no Node built-ins. Put this in electron/main.',
      })),
  ],
  patterns: [
    {
      group: ['node:*'],
      message: 'shared/ runs in the browser too: no Node built-ins. Put this in electron/main.',
    },
    {
      group: ['react/*', 'react-dom/*', 'dexie/*', 'electron/*'],
      message: 'shared/ runs everywhere: no React, Dexie or Electron.',
    },
    {
      group: ['**/renderer/**', '**/electron/**', '**/tests/**'],
      message: 'shared/ runs everywhere and depends on nothing else in the app.',
    },
  ],
};

// Where code may run is decided by its folder (STYLE: the layout). The zones are import patterns
// on the path written in the import: every cross-folder import in this project is relative (or the
// `@shared` alias), so a path naming another process's folder is the thing to refuse. (A resolver
// plugin would see through aliases too, but the one that does this pulls in native bindings for
// every platform, which the registry here does not all carry, and `npm ci` then fails.)
const rendererReachesMain = {
  group: ['**/electron/**'],
  message: 'The renderer reaches the main process only through window.api (shared/ipc/contract.ts).',
};
const mainRunsRenderer = {
  group: ['**/renderer/**'],
  message: 'The main process never runs renderer code; share it through shared/.',
};

// Inside the renderer, layers, bottom to top (STYLE: "Inside the renderer: layers"). Each imports
// only from the layers below it, so nothing points upward:
//   platform  the window-api bridge, the database context, ports to the main process
//   ui        presentational pieces (imports nothing of ours but ui/ itself)
//   db        the Dexie class, versions, migrations, the sealed store, repositories, Session
//   security  sign-in, lock, drafts, unlocking a signer: flows over db/
//   common    hooks and helpers several features share (the home's clock, the directory of names)
//   features  one folder an area, flat; another feature only through its index.ts
//   app       the shell, routes to screens, providers: the top, imports anything
// As above, the zones are patterns on the import path (every import between these folders is
// relative): `../../db/x` from a feature reaches db/.
const rendererLayers = ['platform', 'ui', 'db', 'security', 'common', 'features', 'app'];
/** @type {Record<string, string[]>} */
const layersBelow = {
  platform: [],
  db: ['platform'],
  security: ['platform', 'db'],
  common: ['platform', 'ui', 'db', 'security'],
  features: ['platform', 'ui', 'db', 'security', 'common'],
};
const intoLayer = (layer) => `^(\\.\\./)+${layer}(/|$)`;

/**
 * The import patterns a file in `layer` may not use, beyond the renderer's own.
 * @param {string} layer
 */
function layerZone(layer) {
  if (layer === 'ui')
    return [
      {
        regex: '^(\\.\\./|@shared(/|$))',
        message:
          'ui/ holds presentational pieces that import nothing of ours but ui/: pass data in as props.',
      },
    ];
  const below = layersBelow[layer] ?? [];
  const above = rendererLayers.filter((other) => other !== layer && !below.includes(other));
  const zone = above.map((other) => ({
    regex: intoLayer(other),
    message: `renderer/src/${layer}/ imports only from ${
      below.length > 0 ? below.join(', ') : 'itself'
    } and shared/: ${other}/ is above it. Move what both need down a layer (STYLE: inside the renderer, layers).`,
  }));
  if (layer === 'features')
    zone.push({
      regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$)',
      message:
        "Another feature is reached only through its index.ts (import '../door', not '../door/door-checker'). If several features need it, it belongs in common/.",
    });
  return zone;
}

// Components show, hooks fetch, repositories store (STYLE: habits): a .tsx file reaches the records
// and the main process only through a hook (useX.ts). Types from db/ are fine: they describe data;
// the database context is the app's to provide.
const componentsShow = {
  paths: ['dexie', 'dexie-react-hooks'].map((name) => ({
    name,
    message: 'Components show, hooks fetch: read the records in a useX.ts hook and pass the result in.',
  })),
  patterns: [
    {
      regex: '^(\\.\\./)+db(/|$)',
      allowTypeImports: true,
      message:
        'Components show, hooks fetch: call repositories (and useDatabase) from a useX.ts hook, not from a component.',
    },
    {
      regex: '(^|/)platform/(?!database-context$)',
      message:
        'Components show, hooks fetch: reach window.api and the ports to the main process from a useX.ts hook, not from a component.',
    },
  ],
};

const rendererLayerRules = rendererLayers.flatMap((layer) => {
  const zone = layer === 'app' ? [] : layerZone(layer);
  return [
    {
      files: [`renderer/src/${layer}/**/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          { paths: [electronImportBan], patterns: [rendererReachesMain, ...zone] },
        ],
      },
    },
    {
      files: [`renderer/src/${layer}/**/*.tsx`],
      ignores: ['renderer/src/platform/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [electronImportBan, ...componentsShow.paths],
            patterns: [rendererReachesMain, ...zone, ...componentsShow.patterns],
          },
        ],
      },
    },
  ];
});

// Node's globals, for the few plain JavaScript files (this config, scripts/*.mjs). TypeScript files
// get their globals from their tsconfig's `types`, so `no-undef` is off for them.
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  Buffer: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

export default defineConfig([
  // .ci/electronegativity is its own npm package with its own pinned toolchain (see its run.mjs).
  globalIgnores([
    'out/',
    'node_modules/',
    'release/',
    'dist/',
    'tests/e2e/artifacts/',
    'test-results/',
    'playwright-report/',
    'tests/bench/out/',
    '.ci/electronegativity/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The project service finds, for each file, the tsconfig that includes it (tsconfig.json
        // refers to tsconfig.node.json and tsconfig.web.json). Files no tsconfig includes (plain JS)
        // are type-checked with default options; keep that list short, it is slow.
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'],
          defaultProject: 'tsconfig.node.json',
        },
        tsconfigRootDir: root,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // STYLE: no `@ts-ignore`; an `@ts-expect-error` needs a written reason.
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true },
      ],
      'no-restricted-imports': ['error', { paths: [electronImportBan] }],
    },
  },

  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },

  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImportBan], patterns: [rendererReachesMain] }],
    },
  },

  ...rendererLayerRules,

  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImportBan], patterns: [mainRunsRenderer] }],
    },
  },

  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', sharedImportBans] },
  },

  {
    files: electronEntryFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [mainRunsRenderer] }] },
  },

  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/unit/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },

  // `npm run bench` and the fixture scripts run these under tsx, which resolves the @shared alias
  // for types only: a value imported through it stops the bench before its first benchmark, and
  // nothing in npm test runs the bench to notice.
  {
    files: ['tests/bench/*.ts', 'tests/fixtures/**/*.ts', 'tests/factories/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@shared/',
              allowTypeImports: true,
              message:
                'These run under tsx (npm run bench), which does not resolve @shared for values: import by relative path (../../shared/...).',
            },
          ],
        },
      ],
    },
  },

  // A focused or skipped test that reaches main silently stops the rest of the suite guarding
  // anything: `.only` and `.skip` in any form (test.describe.only, it.skip.each...) are refused.
  {
    files: ['tests/**/*.{ts,tsx}', '**/*.test.{ts,tsx}', '**/*.spec.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[property.name=/^(only|skip|fixme)$/][object.name=/^(test|it|describe|suite|bench)$/]',
          message: 'Do not commit a focused or skipped test (.only/.skip): fix it or delete it.',
        },
        {
          selector:
            'MemberExpression[property.name=/^(only|skip|fixme)$/][object.type="MemberExpression"][object.object.name=/^(test|it|describe|suite|bench)$/]',
          message: 'Do not commit a focused or skipped test (.only/.skip): fix it or delete it.',
        },
      ],
    },
  },
]);
