import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile } from '../../../../electron/main/services/json-file';

const folderSetting = z.object({ folder: z.string() });

describe('a JSON file the main process keeps', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'json-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('that was never written is missing, not an error', async () => {
    expect(await readJsonFile(join(dir, 'settings.json'), folderSetting)).toEqual({ state: 'missing' });
  });

  it('cut off half-way (not JSON) is damaged rather than a crash', async () => {
    await writeFile(join(dir, 'settings.json'), '{"folder": "/srv/ca');
    expect((await readJsonFile(join(dir, 'settings.json'), folderSetting)).state).toBe('damaged');
  });

  it('of the wrong shape is damaged', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ folder: 42 }));
    expect((await readJsonFile(join(dir, 'settings.json'), folderSetting)).state).toBe('damaged');
  });

  it('of the right shape is read', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ folder: '/srv/case-files' }));
    expect(await readJsonFile(join(dir, 'settings.json'), folderSetting)).toEqual({
      state: 'read',
      value: { folder: '/srv/case-files' },
    });
  });

  it('that cannot be read for another reason (here a folder in its place) is thrown for the caller to report', async () => {
    await expect(readJsonFile(dir, folderSetting)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
