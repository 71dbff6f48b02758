import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// The packages that stand between a child's records and the outside world: the runtime, the
// crypto and certificate code, the mail client, the PDF signer, the database and the password
// hash. A lock file that resolves any copy of one of them below the version known to carry its
// security fixes fails CI, whichever dependency pulled it in.

const projectRoot = resolve(import.meta.dirname, '../../..');

const securityMinimums: Readonly<Record<string, string>> = {
  electron: '45.6.0',
  'node-forge': '1.4.4',
  nodemailer: '10.6.1',
  'pdf-lib': '1.17.1',
  '@signpdf/signpdf': '3.3.0',
  '@signpdf/placeholder-pdf-lib': '3.3.0',
  '@signpdf/utils': '3.3.0',
  dexie: '4.4.7',
  'hash-wasm': '4.13.0',
};

/**
 * Copies installed only for the test suite, never shipped: mailparser and smtp-server bring their
 * own nodemailer to play the mail server and read what it received.
 */
const testOnlyParents = ['node_modules/mailparser/', 'node_modules/smtp-server/'];

const lockSchema = z.object({
  lockfileVersion: z.number(),
  packages: z.record(z.string(), z.object({ version: z.string().optional() }).loose()),
});

/** -1, 0 or 1, comparing plain x.y.z versions; a pre-release counts as below its release. */
function compareVersions(a: string, b: string): number {
  const parse = (text: string) => {
    const match = /^(\d+)\.(\d+)\.(\d+)(-.+)?$/.exec(text);
    if (!match) throw new Error(`Not a version: ${text}`);
    return { parts: [Number(match[1]), Number(match[2]), Number(match[3])], isPreRelease: Boolean(match[4]) };
  };
  const left = parse(a);
  const right = parse(b);
  for (let index = 0; index < 3; index += 1) {
    const difference = (left.parts[index] ?? 0) - (right.parts[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (left.isPreRelease !== right.isPreRelease) return left.isPreRelease ? -1 : 1;
  return 0;
}

/** Every copy of `name` in the lock file: `node_modules/name` and any nested `.../node_modules/name`. */
function copiesOf(lock: z.infer<typeof lockSchema>, name: string): { path: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .filter(([path]) => !testOnlyParents.some((parent) => path.startsWith(parent)))
    .map(([path, entry]) => ({ path, version: entry.version ?? '0.0.0' }));
}

describe('security-relevant packages are at least the versions with their fixes', () => {
  const lock = lockSchema.parse(JSON.parse(readFileSync(resolve(projectRoot, 'package-lock.json'), 'utf8')));

  it.each(Object.entries(securityMinimums))('%s is installed at %s or later', (name, minimum) => {
    const copies = copiesOf(lock, name);
    expect(copies.length, `${name} is not in package-lock.json`).toBeGreaterThan(0);
    for (const copy of copies)
      expect(
        compareVersions(copy.version, minimum),
        `${copy.path} is ${copy.version}, below ${minimum}`,
      ).toBeGreaterThanOrEqual(0);
  });

  it('compares versions as numbers, not text', () => {
    expect(compareVersions('45.10.0', '45.6.0')).toBe(1);
    expect(compareVersions('1.4.3', '1.4.4')).toBe(-1);
    expect(compareVersions('1.4.4', '1.4.4')).toBe(0);
    expect(compareVersions('1.5.0-beta.1', '1.5.0')).toBe(-1);
    expect(compareVersions('2.0.0', '1.99.99')).toBe(1);
  });
});
