import { readdirSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../../..');

/** Each part of tests/unit and the source folder it mirrors. */
const areas = [
  { tests: 'tests/unit/shared', source: 'shared' },
  { tests: 'tests/unit/electron', source: 'electron/main' },
  { tests: 'tests/unit/renderer', source: 'renderer/src' },
] as const;

/** Folders that test the tests' own data (tests/fixtures, tests/factories), in the project that data runs in. */
const testDataFolders = new Set(['renderer/fixtures', 'shared/factories']);

const isTest = (name: string) => /\.test\.tsx?$/.test(name);
const isModule = (name: string) => /\.tsx?$/.test(name) && !isTest(name) && !name.endsWith('.d.ts');
/** `PersonForm`, `person-form` and `personForm` are one name. */
const nameKey = (name: string) =>
  name
    .replace(/(\.test)?\.tsx?$/, '')
    .replace(/-/g, '')
    .toLowerCase();

function filesUnder(root: string, folder = ''): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder ? posix.join(folder, entry.name) : entry.name;
    return entry.isDirectory() ? filesUnder(root, path) : [path];
  });
}

/**
 * Where a newcomer would look for a module's tests: in the folder that mirrors the module's, in a
 * file named as the module is. Both lists are paths inside one area (its tests, its source).
 */
function layoutProblems(
  area: string,
  testFiles: readonly string[],
  sourceFiles: readonly string[],
): string[] {
  const sourceFolders = new Set(sourceFiles.map((file) => posix.dirname(file)));
  const modules = new Map<string, string[]>();
  for (const file of sourceFiles.filter((path) => isModule(posix.basename(path)))) {
    const key = nameKey(posix.basename(file));
    modules.set(key, [...(modules.get(key) ?? []), file]);
  }
  const problems: string[] = [];
  for (const test of testFiles.filter((path) => isTest(posix.basename(path)))) {
    const folder = posix.dirname(test);
    if (testDataFolders.has(`${area}/${folder}`)) continue;
    if (folder !== '.' && !sourceFolders.has(folder)) {
      problems.push(`${test}: no source folder ${folder} to mirror`);
      continue;
    }
    const namesakes = modules.get(nameKey(posix.basename(test))) ?? [];
    if (namesakes.length === 0) continue;
    const expected = namesakes.map((module) => module.replace(/\.tsx?$/, ''));
    const actual = test.replace(/\.test\.tsx?$/, '').replace(/^\.\//, '');
    if (!expected.includes(actual))
      problems.push(`${test}: tests ${namesakes.join(' or ')}, so belongs beside it`);
  }
  return problems;
}

describe('unit tests mirror the source tree', () => {
  it.each(areas)('$tests mirrors $source', ({ tests, source }) => {
    const area = tests.slice('tests/unit/'.length);
    const problems = layoutProblems(
      area,
      filesUnder(resolve(projectRoot, tests)),
      filesUnder(resolve(projectRoot, source)),
    );
    expect(problems).toEqual([]);
  });

  it('finds a test in a folder the source does not have', () => {
    expect(layoutProblems('shared', ['restrictions/door-check.test.ts'], ['rules/door-check.ts'])).toEqual([
      'restrictions/door-check.test.ts: no source folder restrictions to mirror',
    ]);
  });

  it('finds a test named after a module but kept elsewhere or named otherwise', () => {
    const source = ['db/repositories/visit-repository.ts', 'features/people/PersonForm.tsx', 'db/session.ts'];
    expect(
      layoutProblems(
        'renderer',
        ['db/visit-repository.test.ts', 'features/people/person-form.test.tsx', 'db/session-ends.test.ts'],
        source,
      ),
    ).toEqual([
      'db/visit-repository.test.ts: tests db/repositories/visit-repository.ts, so belongs beside it',
      'features/people/person-form.test.tsx: tests features/people/PersonForm.tsx, so belongs beside it',
    ]);
  });

  it('lets the tests of the test data stay with the project they run in', () => {
    expect(layoutProblems('renderer', ['fixtures/generate-home.test.ts'], ['db/database.ts'])).toEqual([]);
  });
});
