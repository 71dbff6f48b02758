import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fail, ok, type Result } from '../../../shared/result';
import { writeFileAtomically } from './atomic-file';

/**
 * Writes signed copies into the case-file folder chosen in Settings, as
 * <case number>/<academic year>/<date>-<kind>-<ref>.pdf, and nowhere else.
 *
 * Every path segment comes from data (a case number, a reference), so each is cleaned to safe
 * characters and the final path is checked to resolve inside the folder: no "..", no absolute
 * paths, no Windows device names (CON, NUL, COM1...), which Windows would open as devices.
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

const windowsDeviceNames = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** A safe path segment, or undefined if nothing usable is left. */
export function safeSegment(text: string): string | undefined {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    // Windows drops trailing dots and spaces; leading dots would hide the file on Linux and macOS.
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return undefined;
  return windowsDeviceNames.test(cleaned) ? `_${cleaned}` : cleaned;
}

const unavailableCodes = new Set([
  'ENOENT',
  'ENOTDIR',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'ENOTCONN',
  'ESTALE',
  'ENETUNREACH',
  'EIO',
]);
const fullCodes = new Set(['ENOSPC', 'EDQUOT']);
const permissionCodes = new Set(['EACCES', 'EPERM', 'EROFS']);

function failureFor(error: unknown): {
  readonly ok: false;
  readonly error: { code: CaseFileFailure; message: string };
} {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const queued = 'The form is signed and safe in the app; the copy will be tried again.';
  if (fullCodes.has(code))
    return fail(
      'disk-full',
      `The case-file folder is full, so the copy could not be saved there. ${queued} Ask for space to be freed.`,
    );
  if (permissionCodes.has(code))
    return fail(
      'no-permission',
      `This computer is not allowed to save in the case-file folder. ${queued} Ask whoever manages the folder to give this computer access.`,
    );
  if (unavailableCodes.has(code))
    return fail(
      'folder-unavailable',
      `The case-file folder cannot be reached just now (is the network drive connected?). ${queued}`,
    );
  return fail(
    'write-failed',
    `The copy could not be saved in the case-file folder (${code || 'unknown error'}). ${queued}`,
  );
}

/** The relative path for a copy, or why the data cannot make a safe one. */
export function caseFilePath(parts: Omit<CaseFileWrite, 'folder' | 'bytes'>): Result<string, 'unsafe-name'> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(parts.date))
    return fail('unsafe-name', 'The filing date is not a date, so the copy has no name.');
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

export async function writeCaseFile(
  request: CaseFileWrite,
  // Injected in tests to stand in for a full disk or a dropped share.
  write: (path: string, bytes: Uint8Array) => Promise<void> = writeFileAtomically,
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

  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  const existing = await readFile(path).catch(() => undefined);
  if (existing) {
    if (createHash('sha256').update(existing).digest('hex') === sha256)
      return ok({ path, relativePath: inside, sha256 });
    return fail(
      'already-filed',
      'A different copy with this name is already in the case file. Filed forms are never replaced: file a correction as an addendum.',
    );
  }
  try {
    await write(path, request.bytes);
  } catch (error) {
    return failureFor(error);
  }
  return ok({ path, relativePath: inside, sha256 });
}
