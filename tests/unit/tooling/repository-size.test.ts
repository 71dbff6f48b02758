import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repositories = resolve(import.meta.dirname, '../../../renderer/src/db/repositories');

/**
 * A repository does one job (README, "How the code is laid out"); one that outgrows 400 lines is
 * doing several, and its reads or rules belong in a module of their own.
 */
const mostLines = 400;

describe('the repositories', () => {
  it(`are each ${mostLines} lines or fewer`, () => {
    const over = readdirSync(repositories)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => ({ name, lines: readFileSync(join(repositories, name), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > mostLines);
    expect(over).toEqual([]);
  });
});
