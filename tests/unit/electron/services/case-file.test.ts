import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  caseFilePath,
  writeCaseFile,
  type CaseFileWrite,
} from '../../../../electron/main/services/case-file';
import { caseFileFolderOf } from '../../../../shared/rules/case-number';
import { safeSegment } from '../../../../shared/rules/file-name-segments';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) {
    await chmod(folder, 0o700).catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }
});

async function caseFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'family-links-case-file-'));
  folders.push(folder);
  return folder;
}

const bytes = new TextEncoder().encode('%PDF-1.7 a signed form');
const request = (folder: string, overrides: Partial<CaseFileWrite> = {}): CaseFileWrite => ({
  folder,
  caseNumber: 'FL-2025-421',
  academicYear: '2026/27',
  date: '2026-10-22',
  kind: 'contact-form',
  reference: 'CF-2026-000008',
  bytes,
  ...overrides,
});
const errorWithCode = (code: string) => Object.assign(new Error(code), { code });

describe('writing a signed copy into the case-file folder', () => {
  it('files it as <case number>/<academic year>/<date>-<kind>-<ref>.pdf, with its SHA-256', async () => {
    const folder = await caseFolder();
    const written = await writeCaseFile(request(folder));
    expect(written).toEqual({
      ok: true,
      value: {
        path: join(folder, 'FL-2025-421', '2026-27', '2026-10-22-contact-form-CF-2026-000008.pdf'),
        relativePath: join('FL-2025-421', '2026-27', '2026-10-22-contact-form-CF-2026-000008.pdf'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    });
    expect(
      await readFile(join(folder, 'FL-2025-421', '2026-27', '2026-10-22-contact-form-CF-2026-000008.pdf')),
    ).toEqual(Buffer.from(bytes));
    expect(await readdir(join(folder, 'FL-2025-421', '2026-27'))).toEqual([
      '2026-10-22-contact-form-CF-2026-000008.pdf',
    ]);
  });

  it.each([
    ['a case number that climbs out', { caseNumber: '../../etc' }, /case number.*folder separator/],
    ['an absolute reference', { reference: '/etc/passwd' }, /reference.*folder separator/],
    ['a Windows device name', { caseNumber: 'CON' }, /case number.*Windows device/],
    ['a device name with an extension', { reference: 'nul.txt' }, /reference.*Windows device/],
    ['a device name Windows trims', { caseNumber: 'com1. ' }, /Windows device/],
    ['backslashes and a drive', { caseNumber: 'C:\\Windows\\System32' }, /folder separator/],
    ['a drive or stream colon', { reference: 'CF:secret' }, /colon/],
    ['a NUL', { caseNumber: 'FL-2025\u0000-421' }, /control character/],
    ['two dots inside', { reference: 'CF..2026' }, /“\.\.”/],
    ['full-width dots and solidus', { caseNumber: '．．／etc' }, /folder separator|“\.\.”/],
    ['an academic year that is a path', { academicYear: '../2026' }, /academic year/],
  ])('refuses %s, saying which part and why, and writes nothing', async (_case, overrides, words) => {
    expect(caseFilePath({ ...request('/cases'), ...overrides })).toMatchObject({
      ok: false,
      error: { code: 'unsafe-name', message: expect.stringMatching(words) as unknown },
    });
    const folder = await caseFolder();
    const result = await writeCaseFile(request(folder, overrides));
    expect(result.ok ? 'ok' : result.error.code).toBe('unsafe-name');
    expect(await readdir(folder)).toEqual([]);
  });

  it('still cleans ordinary characters that file systems disagree about', () => {
    expect(caseFilePath({ ...request('/cases'), caseNumber: 'Zoë O’Neill 42' })).toEqual({
      ok: true,
      value: join('Zo-O-Neill-42', '2026-27', '2026-10-22-contact-form-CF-2026-000008.pdf'),
    });
  });

  it('never lets two writers racing for one name both win: one copy is filed, the other refused', async () => {
    const folder = await caseFolder();
    const first = new TextEncoder().encode('%PDF-1.7 first');
    const second = new TextEncoder().encode('%PDF-1.7 second');
    const results = await Promise.all([
      writeCaseFile(request(folder, { bytes: first })),
      writeCaseFile(request(folder, { bytes: second })),
    ]);
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code)).sort()).toEqual([
      'already-filed',
      'ok',
    ]);
    const winner = results[0]?.ok ? first : second;
    expect(
      await readFile(join(folder, 'FL-2025-421', '2026-27', '2026-10-22-contact-form-CF-2026-000008.pdf')),
    ).toEqual(Buffer.from(winner));
  });

  it.each([
    ['nothing but dots', { caseNumber: '..' }],
    ['an empty reference', { reference: '   ' }],
    ['a date that is not a date', { date: '../2026' }],
    ['nothing usable left', { reference: '’’’' }],
  ])('refuses %s', async (_case, overrides) => {
    const result = await writeCaseFile(request(await caseFolder(), overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unsafe-name');
  });

  it.each([
    ['..', undefined],
    ['a/b', 'a-b'],
    ['Zoë O’Neill', 'Zo-O-Neill'],
    ['.hidden.', 'hidden'],
    ['LPT1', '_LPT1'],
  ])('cleans the segment %s', (text, expected) => {
    expect(safeSegment(text)).toBe(expected);
  });

  it('files each case number in the folder the renderer compares case numbers by', () => {
    for (const caseNumber of ['Zoë-1', 'FL 0042', 'fl#0042', 'Kay’s case 7']) {
      const path = caseFilePath({
        caseNumber,
        academicYear: '2026/27',
        date: '2026-12-06',
        kind: 'contact-form',
        reference: 'CF-1',
      });
      const folder = path.ok ? path.value.split(sep)[0] : undefined;
      expect(folder?.toUpperCase()).toBe(caseFileFolderOf(caseNumber));
    }
  });

  it('never writes through a case or year folder that is a link to somewhere else', async () => {
    const folder = await caseFolder();
    const elsewhere = await caseFolder();
    // Someone with the share open makes a child's case folder a link to a folder of their own.
    await symlink(elsewhere, join(folder, 'FL-2025-421'), 'dir');
    const throughCase = await writeCaseFile(request(folder));
    expect(throughCase).toMatchObject({
      ok: false,
      error: { code: 'unsafe-name', message: expect.stringMatching(/“FL-2025-421”.*is a link/) as unknown },
    });
    // Or the year folder inside a real case folder.
    await mkdir(join(folder, 'FL-2025-422'));
    await symlink(elsewhere, join(folder, 'FL-2025-422', '2026-27'), 'dir');
    const throughYear = await writeCaseFile(request(folder, { caseNumber: 'FL-2025-422' }));
    expect(throughYear.ok ? 'ok' : throughYear.error.code).toBe('unsafe-name');
    expect(await readdir(elsewhere)).toEqual([]);
    // The case-file folder itself may be a link: it is the one the manager chose.
    const chosenLink = join(await caseFolder(), 'case-file');
    await symlink(elsewhere, chosenLink, 'dir');
    expect((await writeCaseFile(request(chosenLink, { caseNumber: 'FL-2025-423' }))).ok).toBe(true);
  });

  it('refuses a folder that is not set or not absolute', async () => {
    for (const folder of ['', 'relative/cases']) {
      const result = await writeCaseFile(request(folder));
      expect(result.ok ? 'ok' : result.error.code).toBe('folder-not-set');
    }
  });

  it('says the folder cannot be reached when it is missing (a share offline), and does not create it', async () => {
    const folder = join(await caseFolder(), 'share-offline');
    const result = await writeCaseFile(request(folder));
    expect(result.ok ? 'ok' : result.error.code).toBe('folder-unavailable');
    if (!result.ok) expect(result.error.message).toMatch(/tried again/);
    await expect(readdir(folder)).rejects.toThrow();
  });

  it.each([
    ['ENOSPC', 'disk-full', /full/],
    ['EDQUOT', 'disk-full', /full/],
    ['EACCES', 'no-permission', /not allowed/],
    ['EPERM', 'no-permission', /not allowed/],
    ['EHOSTDOWN', 'folder-unavailable', /cannot be reached/],
    ['ETIMEDOUT', 'folder-unavailable', /cannot be reached/],
    ['EMFILE', 'write-failed', /could not be saved/],
  ])('turns %s into %s, in plain words', async (code, failure, words) => {
    const folder = await caseFolder();
    const result = await writeCaseFile(request(folder), () => Promise.reject(errorWithCode(code)));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(failure);
      expect(result.error.message).toMatch(words);
      expect(result.error.message).toMatch(/signed and safe in the app/);
    }
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports no permission for a read-only folder (chmod 0500; root ignores file modes, so this runs only as a normal user)',
    async () => {
      const folder = await caseFolder();
      await chmod(folder, 0o500);
      const result = await writeCaseFile(request(folder));
      expect(result.ok ? 'ok' : result.error.code).toBe('no-permission');
    },
  );

  it('accepts the same bytes again (a retry) but never replaces a filed copy with different bytes', async () => {
    const folder = await caseFolder();
    expect((await writeCaseFile(request(folder))).ok).toBe(true);
    expect((await writeCaseFile(request(folder))).ok).toBe(true);
    const changed = await writeCaseFile(
      request(folder, { bytes: new TextEncoder().encode('%PDF-1.7 something else') }),
    );
    expect(changed.ok ? 'ok' : changed.error.code).toBe('already-filed');
    expect(
      await readFile(join(folder, 'FL-2025-421', '2026-27', '2026-10-22-contact-form-CF-2026-000008.pdf')),
    ).toEqual(Buffer.from(bytes));
  });

  it('leaves no temporary file behind when the write fails', async () => {
    const folder = await caseFolder();
    await writeFile(join(folder, 'FL-2025-421'), 'a file where the case folder should be');
    const result = await writeCaseFile(request(folder));
    expect(result.ok).toBe(false);
    expect(await readdir(folder)).toEqual(['FL-2025-421']);
  });
});
