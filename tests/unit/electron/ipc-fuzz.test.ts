import { mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { ipcChannels, ipcContract, type IpcChannel } from '../../../shared/ipc/contract';
import { ipcErrorCodes } from '../../../shared/ipc/ipc-result';
import { createHarnessMainProcess } from '../../e2e/harness/harness-services';

/**
 * Hostile input: every channel of the contract, found by iterating it (so a
 * channel added later is covered without touching this file), gets random payloads through the
 * real router and the real main-process services (the harness's, over a temporary folder). Some
 * payloads are noise; most follow the channel's own request shape (from its zod schema) with hostile
 * strings in it: path traversal, absolute paths, Windows device names, NUL bytes, huge text.
 *
 * Expected: a typed result every time (never a throw, never a handler crash or a reply outside
 * the contract), and nothing written outside the app's own folders under the test's temp folder.
 * The seed is printed; rerun one with FUZZ_SEED=<seed>.
 */

const seed = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const runsPerChannel = Number(process.env['FUZZ_RUNS'] ?? 25);
console.log(
  `IPC fuzz seed: ${seed} (rerun with FUZZ_SEED=${seed} npx vitest run tests/unit/electron/ipc-fuzz.test.ts)`,
);

const canary = `fuzz-canary-${seed}`;
// The app's folders sit three levels down, so "../../.." from any of them is still inside `root`,
// where a stray write would be seen.
const root = mkdtempSync(join(tmpdir(), 'family-links-fuzz-'));
const appDir = join(root, 'a', 'b', 'app');
mkdirSync(appDir, { recursive: true });

const hostileStrings = [
  `../../../${canary}`,
  `../../../../../../../../tmp/${canary}`,
  `/tmp/${canary}`,
  `${root}/${canary}`,
  `..\\..\\..\\${canary}`,
  `C:\\Windows\\Temp\\${canary}`,
  `\\\\server\\share\\${canary}`,
  `%2e%2e%2f%2e%2e%2f${canary}`,
  `family-links-backup-2026-01-01T00-00-00Z-manual.flbackup/../../../${canary}`,
  `family-links-backup-2026-01-01T00-00-00Z-manual.flbackup`,
  'CON',
  'NUL.txt',
  'COM1',
  '.',
  '..',
  '',
  ' ',
  `${canary}\u0000.pdf`,
  'e\u0301',
  'x'.repeat(70_000),
  'file:///etc/passwd',
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
];

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
};

const hostileString = fc.constantFrom(...hostileStrings);
const hostileNumber = fc.constantFrom(-1, 0, 1, 2 ** 31, -(2 ** 53), 1e308, Number.NaN, 0.5);

/**
 * An arbitrary that follows `schema`, with hostile values mixed in at every level: one in
 * `noiseOdds` nodes is noise. Heavy noise tests validation; light noise gets deep into handlers.
 */
function shaped(schema: JsonSchema, noiseOdds: number, depth = 0): fc.Arbitrary<unknown> {
  const noise =
    depth > 4
      ? fc.constant(null)
      : fc.oneof(hostileString, hostileNumber, fc.constant(null), fc.anything({ maxDepth: 2 }));
  return fc.oneof(
    { weight: noiseOdds - 1, arbitrary: follow(schema, noiseOdds, depth) },
    { weight: 1, arbitrary: noise },
  );
}

function patterned(pattern: string | undefined): fc.Arbitrary<string> | undefined {
  if (!pattern) return undefined;
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

function follow(schema: JsonSchema, noiseOdds: number, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches && branches.length > 0)
    return fc.oneof(...branches.map((branch) => shaped(branch, noiseOdds, depth + 1)));
  if (schema.allOf?.[0]) return shaped(schema.allOf[0], noiseOdds, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {}))
        record[key] = shaped(value, noiseOdds, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((key) => key in record) });
    }
    case 'array':
      return fc.array(
        schema.items ? shaped(schema.items, noiseOdds, depth + 1) : fc.anything({ maxDepth: 1 }),
        {
          minLength: Math.min(schema.minItems ?? 0, 3),
          maxLength: Math.max(3, Math.min(schema.minItems ?? 0, 3)),
        },
      );
    case 'string': {
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), hostileString);
      if (schema.format === 'date-time')
        return fc.oneof(
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
            .map((date) => date.toISOString()),
          hostileString,
        );
      const matching = patterned(schema.pattern);
      const plain = fc.string({
        minLength: Math.min(schema.minLength ?? 0, 40),
        maxLength: Math.max(Math.min(schema.maxLength ?? 40, 40), Math.min(schema.minLength ?? 0, 40)),
      });
      return fc.oneof({ weight: 1, arbitrary: hostileString }, { weight: 3, arbitrary: matching ?? plain });
    }
    case 'integer':
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.integer({
            min: Math.max(schema.minimum ?? -1000, -1e6),
            max: Math.min(schema.maximum ?? 1000, 1e6),
          }),
        },
        { weight: 1, arbitrary: hostileNumber },
      );
    case 'number':
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.double({
            noNaN: true,
            min: Math.max(schema.minimum ?? -1e6, -1e6),
            max: Math.min(schema.maximum ?? 1e6, 1e6),
          }),
        },
        { weight: 1, arbitrary: hostileNumber },
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

function requestArbitrary(channel: IpcChannel): fc.Arbitrary<unknown> {
  let schema: JsonSchema;
  try {
    schema = z.toJSONSchema(ipcContract[channel].request, {
      unrepresentable: 'any',
      io: 'input',
    }) as JsonSchema;
  } catch {
    schema = {};
  }
  return fc.oneof(
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 3, arbitrary: shaped(schema, 9) },
    { weight: 4, arbitrary: shaped(schema, 60) },
  );
}

function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk(folder);
  return found;
}

/** Folders inside the app's temp folder the main process may write to: its own data, backups and the case file. */
const mayWriteIn = (path: string) => {
  const top = relative(appDir, path).split(sep)[0] ?? '';
  return top === 'user-data' || /backup/i.test(top) || /case/i.test(top);
};

const log: { message: string; detail: unknown }[] = [];
const appOrigin = 'http://127.0.0.1:4173';
const sender = { url: `${appOrigin}/index.html` };
const main = createHarnessMainProcess({ appOrigin, tempDir: appDir, chromeVersion: '142.0.0.0' });
const outsideBefore = filesUnder(root).filter((path) => !path.startsWith(appDir + sep));

const reached = new Map<IpcChannel, { valid: number; refused: number }>();

afterAll(() => {
  log.push(...main.log);
  console.log(
    `IPC fuzz (seed ${seed}): payloads that passed validation and reached a handler / refused as invalid, per channel:`,
  );
  for (const [channel, counts] of reached) console.log(`  ${channel}: ${counts.valid} / ${counts.refused}`);
});

describe(`every IPC channel survives hostile payloads (seed ${seed})`, () => {
  it('iterates the whole contract, from a trusted sender', async () => {
    expect(await main.router.dispatch('app:get-info', {}, sender)).toMatchObject({ ok: true });
    expect(ipcChannels.length).toBeGreaterThan(3);
    expect(ipcChannels).toContain('backup:open');
  });

  it.each(ipcChannels)(
    '%s: only typed results, no crash, no reply outside the contract',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(channel), async (payload) => {
          const result = await main.router.dispatch(channel, payload, sender);
          const counts = reached.get(channel) ?? { valid: 0, refused: 0 };
          if (result.ok || result.error.code !== 'invalid-request') counts.valid += 1;
          else counts.refused += 1;
          reached.set(channel, counts);
          expect(typeof result).toBe('object');
          if (!result.ok) {
            expect(ipcErrorCodes).toContain(result.error.code);
            expect(result.error.message.length).toBeGreaterThan(0);
            // A handler that threw, or replied outside its contract, is a bug: validation stops bad input.
            expect(['failed', 'invalid-reply']).not.toContain(result.error.code);
          }
        }),
        { seed, numRuns: runsPerChannel, endOnFailure: true },
      );
    },
    120_000,
  );

  it('wrote nothing outside the app’s own folders, whatever the paths in the payloads', () => {
    const outsideAfter = filesUnder(root).filter((path) => !path.startsWith(appDir + sep));
    expect(outsideAfter).toEqual(outsideBefore);
    const strays = filesUnder(appDir).filter((path) => !mayWriteIn(path));
    expect(strays).toEqual([]);
    const inTmp = readdirSync(tmpdir()).filter((name) => name.includes(canary));
    expect(inTmp).toEqual([]);
    const inCwd = readdirSync(process.cwd()).filter((name) => name.includes(canary));
    expect(inCwd).toEqual([]);
    // Sanity: the fuzz did reach handlers that write (the backup settings at least exist).
    expect(statSync(join(appDir, 'user-data')).isDirectory()).toBe(true);
  });
});
