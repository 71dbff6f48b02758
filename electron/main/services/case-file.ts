import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fail, ok, type Result } from '../../../shared/result';
import { safeSegment, windowsDeviceNames } from '../../../shared/rules/file-name-segments';
import { writeFileExclusively } from './atomic-file';
import { errorCodeOf, fileFailureKind } from './file-failure-kind';

/**
 * Writes signed copies into the case-file folder chosen in Settings, as
 * <case number>/<academic year>/<date>-<kind>-<ref>.pdf, and nowhere else.
 *
 * Every path segment comes from data (a case number, a reference). A segment that tries to reach
 * somewhere else (a folder separator, "..", a drive or stream colon, a control character such as
 * NUL) or names a Windows device (CON, NUL, COM1..., with or without an extension: Windows opens
 * those as devices) is refused with a message saying which part and why: quietly rewriting it
 * would file the copy under a name nobody chose. What is left is then cleaned of characters file
 * systems disagree about (spaces, accents), and the final path is checked to resolve inside the
 * folder, with no case or year folder on the way that is a link to somewhere else.
 *
 * Failures are values a person can act on: a full disk, no permission, or a folder that is not
 * there (a network share offline). The signed form is kept by the caller, which queues the copy
 * and tries again; nothing is lost. Filed copies never change: a second write of the same bytes is
 * accepted (a retry whose first reply was lost), different bytes under the same name are refused.
 */

export type CaseFileFailure =
  | 'folder-not-set'
  | 'unsafe-name'
  | 'folder-unavailable'
  | 'disk-full'
  | 'no-permission'
  | 'already-filed'
  | 'write-failed';

export type CaseFileWrite = {
  readonly folder: string;
  readonly caseNumber: string;
  /** As staff write it, "2026/27". */
  readonly academicYear: string;
  /** YYYY-MM-DD, the day the form was filed. */
  readonly date: string;
  /** "contact-form", "addendum". */
  readonly kind: string;
  readonly reference: string;
  readonly bytes: Uint8Array;
};

export type CaseFileWritten = {
  readonly path: string;
  readonly relativePath: string;
  readonly sha256: string;
};

/**
 * Why `text` may not name a file or folder at all, in words for a person, or undefined. These are
 * names that reach outside the folder or open a device, whoever typed them: they are refused, never
 * cleaned into something else.
 */
export function hostileNameReason(raw: string): string | undefined {
  // Compatibility forms first: a full-width solidus or full stop becomes "/" or "." on the way to disk.
  const text = raw.normalize('NFKC');
  // eslint-disable-next-line no-control-regex -- control characters (NUL above all) are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(text)) return 'it contains a control character';
  if (/[/\\]/.test(text)) return 'it contains a folder separator (/ or \\)';
  if (text.includes('..')) return 'it contains “..”, which means the folder above';
  if (text.includes(':')) return 'it contains a colon, which Windows reads as a drive or a hidden stream';
  // Windows ignores trailing dots and spaces, so "CON. " is the console too.
  if (windowsDeviceNames.test(text.trim().replace(/[. ]+$/, ''))) return 'it is the name of a Windows device';
  return undefined;
}

function failureFor(error: unknown): {
  readonly ok: false;
  readonly error: { code: CaseFileFailure; message: string };
} {
  const queued = 'The form is signed and safe in the app; the copy will be tried again.';
  switch (fileFailureKind(error)) {
    case 'disk-full':
      return fail(
        'disk-full',
        `The case-file folder is full, so the copy could not be saved there. ${queued} Ask for space to be freed.`,
      );
    case 'no-permission':
      return fail(
        'no-permission',
        `This computer is not allowed to save in the case-file folder. ${queued} Ask whoever manages the folder to give this computer access.`,
      );
    case 'folder-unavailable':
      return fail(
        'folder-unavailable',
        `The case-file folder cannot be reached just now (is the network drive connected?). ${queued}`,
      );
    case 'write-failed':
      return fail(
        'write-failed',
        `The copy could not be saved in the case-file folder (${errorCodeOf(error) || 'unknown error'}). ${queued}`,
      );
  }
}

/** The relative path for a copy, or why the data cannot make a safe one. */
export function caseFilePath(parts: Omit<CaseFileWrite, 'folder' | 'bytes'>): Result<string, 'unsafe-name'> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(parts.date))
    return fail('unsafe-name', 'The filing date is not a date, so the copy has no name.');
  if (!/^\d{4}\/\d{2}$/.test(parts.academicYear))
    return fail('unsafe-name', 'The academic year is not in the form 2026/27, so the copy has no folder.');
  const named: [string, string][] = [
    ['case number', parts.caseNumber],
    ['kind of form', parts.kind],
    ['reference', parts.reference],
  ];
  for (const [what, text] of named) {
    const reason = hostileNameReason(text);
    if (reason)
      return fail(
        'unsafe-name',
        `The ${what} cannot be used in the case file’s folder names: ${reason}. Nothing was written; correct the ${what} and try again.`,
      );
  }
  const caseFolder = safeSegment(parts.caseNumber);
  const yearFolder = safeSegment(parts.academicYear.replace('/', '-'));
  const kind = safeSegment(parts.kind);
  const reference = safeSegment(parts.reference);
  if (!caseFolder || !yearFolder || !kind || !reference)
    return fail(
      'unsafe-name',
      'The case number, year, kind or reference has nothing that can be used in a file name.',
    );
  return ok(join(caseFolder, yearFolder, `${parts.date}-${kind}-${reference}.pdf`));
}

/**
 * Makes the case and year folders under `root` one at a time, and names the first that is a link
 * (a symlink, or a junction on Windows, which Node also reports as one), or undefined. The names
 * are checked above, but a link put in the share by hand would still carry a child's copy out of
 * the folder the manager chose; nothing is created through one.
 */
async function linkedFolderOnTheWay(root: string, relativeFolder: string): Promise<string | undefined> {
  let folder = root;
  for (const segment of relativeFolder.split(sep)) {
    folder = join(folder, segment);
    await mkdir(folder).catch((error: unknown) => {
      if (errorCodeOf(error) !== 'EEXIST') throw error;
    });
    if ((await lstat(folder)).isSymbolicLink()) return relative(root, folder);
  }
  return undefined;
}

export async function writeCaseFile(
  request: CaseFileWrite,
  // Injected in tests to stand in for a full disk or a dropped share.
  write: (path: string, bytes: Uint8Array) => Promise<'created' | 'exists'> = writeFileExclusively,
): Promise<Result<CaseFileWritten, CaseFileFailure>> {
  if (request.folder.trim() === '' || !isAbsolute(request.folder))
    return fail('folder-not-set', 'No case-file folder is set. Ask the manager to choose one in Settings.');
  const named = caseFilePath(request);
  if (!named.ok) return named;
  const root = resolve(request.folder);
  const path = resolve(root, named.value);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    return fail(
      'unsafe-name',
      'The copy’s name would put it outside the case-file folder, so it was not saved.',
    );

  try {
    // The folder itself is never created here: if it is missing, the share is offline or moved.
    const folder = await stat(root);
    if (!folder.isDirectory())
      return fail(
        'folder-unavailable',
        'The case-file folder set in Settings is not a folder. Ask the manager to choose it again.',
      );
  } catch (error) {
    return failureFor(error);
  }

  try {
    const linked = await linkedFolderOnTheWay(root, dirname(inside));
    if (linked)
      return fail(
        'unsafe-name',
        `The folder “${linked}” in the case-file folder is a link to somewhere else, so the copy was not saved through it. The form is signed and safe in the app; ask whoever manages the case-file folder to replace the link with a real folder.`,
      );
  } catch (error) {
    return failureFor(error);
  }

  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  // Created only if the name is free, in one step: two writers racing for it cannot both win.
  let outcome: 'created' | 'exists';
  try {
    outcome = await write(path, request.bytes);
  } catch (error) {
    return failureFor(error);
  }
  if (outcome === 'created') return ok({ path, relativePath: inside, sha256 });
  const existing = await readFile(path).catch(() => undefined);
  if (existing && createHash('sha256').update(existing).digest('hex') === sha256)
    return ok({ path, relativePath: inside, sha256 });
  return fail(
    'already-filed',
    'A different copy with this name is already in the case file. Filed forms are never replaced: file a correction as an addendum.',
  );
}
