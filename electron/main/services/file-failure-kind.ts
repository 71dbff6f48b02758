/** What went wrong writing a file, in the terms a person can act on. */
export type FileFailureKind = 'disk-full' | 'no-permission' | 'folder-unavailable' | 'write-failed';

const fullCodes = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const permissionCodes = new Set(['EACCES', 'EPERM', 'EROFS']);
// A network drive that has gone away answers with any of these, depending on the share and the OS.
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

/** The system's error code (`ENOSPC`), or '' when the error carries none. */
export function errorCodeOf(error: unknown): string {
  const code: unknown = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

/** Sorts a failed write by what the person can do about it. */
export function fileFailureKind(error: unknown): FileFailureKind {
  const code = errorCodeOf(error);
  if (fullCodes.has(code)) return 'disk-full';
  if (permissionCodes.has(code)) return 'no-permission';
  if (unavailableCodes.has(code)) return 'folder-unavailable';
  return 'write-failed';
}

/** Whether the folder refused this computer, as opposed to being full or out of reach. */
export function isPermissionFailure(error: unknown): boolean {
  return permissionCodes.has(errorCodeOf(error));
}
