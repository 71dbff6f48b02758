// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');

/** Where an import names a file: `@shared/…` or a relative path, with its extension found. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@shared/')
    ? resolve(root, 'shared', specifier.slice('@shared/'.length))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : undefined;
  if (base === undefined) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts')].find(
    (path) => existsSync(path) && path.match(/\.tsx?$/),
  );
}

/** The imports a module runs as it loads: not `import type`, not `import()` (a later load). */
function loadedImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+([^;]*?)\s*from\s*'([^']+)'/gms)) {
    const [, clause = '', specifier = ''] = match;
    if (/^type\s/.test(clause)) continue;
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    if (names !== undefined && names.split(',').every((name) => /^\s*(type\s|$)/.test(name))) continue;
    found.push(specifier);
  }
  for (const match of source.matchAll(/^import\s+'([^']+)'/gm)) found.push(match[1] ?? '');
  return found;
}

/** Every module loaded before the first screen can draw: the entry and what it imports, statically. */
function startPath(): Set<string> {
  const seen = new Set<string>();
  const pending = [resolve(root, 'renderer/src/main.tsx')];
  while (pending.length > 0) {
    const file = pending.pop();
    if (file === undefined || seen.has(file)) continue;
    seen.add(file);
    for (const specifier of loadedImports(file)) {
      const target = resolveImport(file, specifier);
      if (target) pending.push(target);
    }
  }
  return new Set([...seen].map((file) => relative(root, file)));
}

/**
 * What loads before the sign-in form is what an old office computer must compile and run before
 * it can show it. Writing records (the audit log and its chain) and the home's sync (its keys,
 * documents and their schemas) are needed only once someone is signed in, or sync starts.
 */
describe('the modules the sign-in form waits for', () => {
  const loaded = startPath();

  it('include the sign-in form and the reads it needs', () => {
    expect(loaded).toContain('renderer/src/features/accounts/SignInScreen.tsx');
    expect(loaded).toContain('renderer/src/db/repositories/home-settings-reads.ts');
    expect(loaded).toContain('renderer/src/db/sync/sync-joining.ts');
  });

  it.each([
    'renderer/src/db/record-writer.ts',
    'renderer/src/db/repositories/audit-log-repository.ts',
    'renderer/src/db/repositories/home-settings-repository.ts',
    'renderer/src/db/sync/sync-home.ts',
    'shared/sync/device-registry.ts',
    'shared/ipc/channels/audit.ts',
  ])('leave out %s, which loads when first needed', (file) => {
    expect(loaded).not.toContain(file);
  });
});
