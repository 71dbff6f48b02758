import { describe, expect, it } from 'vitest';
import {
  errorCodeOf,
  fileFailureKind,
  isPermissionFailure,
} from '../../../../electron/main/services/file-failure-kind';

const failure = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('a failed write, sorted by what the person can do about it', () => {
  it.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EFBIG', 'disk-full'],
    ['EACCES', 'no-permission'],
    ['EPERM', 'no-permission'],
    ['EROFS', 'no-permission'],
    ['ENOENT', 'folder-unavailable'],
    ['ESTALE', 'folder-unavailable'],
    ['EHOSTDOWN', 'folder-unavailable'],
    ['EIO', 'folder-unavailable'],
    ['EBUSY', 'write-failed'],
  ] as const)('%s is %s', (code, kind) => {
    expect(fileFailureKind(failure(code))).toBe(kind);
  });

  it('an error without a code, or something that is not an error, is a plain failed write', () => {
    expect(fileFailureKind(new Error('no code'))).toBe('write-failed');
    expect(fileFailureKind(undefined)).toBe('write-failed');
    expect(fileFailureKind({ code: 42 })).toBe('write-failed');
    expect(errorCodeOf(null)).toBe('');
  });

  it('only a refusal counts as a permission failure', () => {
    expect(isPermissionFailure(failure('EACCES'))).toBe(true);
    expect(isPermissionFailure(failure('ENOSPC'))).toBe(false);
  });
});
