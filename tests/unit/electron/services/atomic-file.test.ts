import type { FileHandle } from 'node:fs/promises';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Every call the module makes to the file system, in order, with the real operations underneath:
// what makes a write durable is the order of flushes and renames, so that is what is checked.
const calls: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const label = (path: unknown) => {
    const text = String(path);
    return text.endsWith('.tmp') ? 'temporary' : (text.split('/').pop() ?? text);
  };
  return {
    ...actual,
    open: vi.fn(async (path: string, flags?: string, mode?: number): Promise<FileHandle> => {
      const handle = await actual.open(path, flags, mode);
      calls.push(`open ${label(path)}`);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        calls.push(`sync ${label(path)}`);
        return sync();
      };
      return handle;
    }),
    rename: vi.fn(async (from: string, to: string) => {
      calls.push(`rename ${label(from)} -> ${label(to)}`);
      return actual.rename(from, to);
    }),
    link: vi.fn(async (from: string, to: string) => {
      calls.push(`link ${label(from)} -> ${label(to)}`);
      return actual.link(from, to);
    }),
  };
});

const { writeFileAtomically, writeFileExclusively } =
  await import('../../../../electron/main/services/atomic-file');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'family-links-atomic-'));
  calls.splice(0);
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const folderName = () => folder.split('/').pop() ?? folder;

describe('writeFileAtomically', () => {
  it('flushes the file, renames it into place, then flushes the folder so the rename survives a power cut', async () => {
    await writeFileAtomically(join(folder, 'settings.json'), '{"a":1}');
    expect(calls).toEqual([
      'open temporary',
      'sync temporary',
      'rename temporary -> settings.json',
      `open ${folderName()}`,
      `sync ${folderName()}`,
    ]);
    expect(await readFile(join(folder, 'settings.json'), 'utf8')).toBe('{"a":1}');
    expect(await readdir(folder)).toEqual(['settings.json']);
  });
});

describe('writeFileExclusively', () => {
  it('creates a new file whole, then flushes the folder', async () => {
    expect(await writeFileExclusively(join(folder, 'form.pdf'), 'signed')).toBe('created');
    expect(calls).toEqual([
      'open temporary',
      'sync temporary',
      'link temporary -> form.pdf',
      `open ${folderName()}`,
      `sync ${folderName()}`,
    ]);
    expect(await readdir(folder)).toEqual(['form.pdf']);
  });

  it('never replaces a file that is there: it says so and writes nothing', async () => {
    await writeFile(join(folder, 'form.pdf'), 'filed first');
    expect(await writeFileExclusively(join(folder, 'form.pdf'), 'someone else')).toBe('exists');
    expect(await readFile(join(folder, 'form.pdf'), 'utf8')).toBe('filed first');
    expect(await readdir(folder)).toEqual(['form.pdf']);
  });

  it('lets exactly one of many writers racing for a name win, and the file is that one’s, whole', async () => {
    const contents = Array.from({ length: 8 }, (_, index) => `writer ${index} `.repeat(5000));
    const outcomes = await Promise.all(
      contents.map((text) => writeFileExclusively(join(folder, 'form.pdf'), text)),
    );
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
    const winner = contents[outcomes.indexOf('created')];
    expect(await readFile(join(folder, 'form.pdf'), 'utf8')).toBe(winner);
    expect(await readdir(folder)).toEqual(['form.pdf']);
  });
});
