import { describe, expect, it } from 'vitest';
import {
  accountKeysSchema,
  argon2idFloor,
  defaultKdfParams,
  kdfParamsSchema,
  strongerKdfParams,
  type AccountKeys,
  type KdfParams,
} from '../../../../shared/schemas/keyring';

const floor: KdfParams = { algorithm: 'argon2id', ...argon2idFloor, hashLength: 32 };

const record: AccountKeys = {
  staffId: '3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b',
  salt: new Uint8Array(16),
  kdf: defaultKdfParams,
  wrappedDataKey: { iv: new Uint8Array(12), data: new ArrayBuffer(48) },
  wrappedAuditKey: { iv: new Uint8Array(12), data: new ArrayBuffer(48) },
  passwordChangeRequired: false,
  failedAttempts: ['2026-11-20T09:00:00.000Z'],
};

describe('Argon2id parameters', () => {
  it.each<[string, KdfParams]>([
    ['the OWASP floor', floor],
    ['the defaults', defaultKdfParams],
  ])('accepts %s', (_case, params) => {
    expect(kdfParamsSchema.safeParse(params).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['1 KiB less memory than the floor', { ...floor, memoryKiB: 19_455 }],
    ['one pass', { ...floor, iterations: 1 }],
    ['no lanes', { ...floor, parallelism: 0 }],
    ['half a pass', { ...floor, iterations: 2.5 }],
    ['a 64-byte output', { ...floor, hashLength: 64 }],
    ['another algorithm', { ...floor, algorithm: 'argon2i' }],
    ['8 GiB of memory', { ...floor, memoryKiB: 8 * 1024 * 1024 }],
  ])('refuses %s', (_case, params) => {
    expect(kdfParamsSchema.safeParse(params).success).toBe(false);
  });

  it('defaults stronger than the floor in memory and passes', () => {
    expect(defaultKdfParams.memoryKiB).toBeGreaterThan(floor.memoryKiB);
    expect(defaultKdfParams.iterations).toBeGreaterThan(floor.iterations);
  });

  it('raises each parameter to the defaults but never lowers one', () => {
    expect(strongerKdfParams(floor)).toEqual(defaultKdfParams);
    expect(strongerKdfParams({ ...floor, memoryKiB: 131_072, parallelism: 2 })).toEqual({
      ...defaultKdfParams,
      memoryKiB: 131_072,
      parallelism: 2,
    });
  });
});

describe('an account’s keyring record', () => {
  it('accepts bytes as IndexedDB gives them back', () => {
    expect(accountKeysSchema.safeParse(record).success).toBe(true);
    expect(accountKeysSchema.safeParse(structuredClone(record)).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a salt given as text', { ...record, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' }],
    ['a salt given as a plain array', { ...record, salt: Array.from({ length: 16 }, () => 0) }],
    ['an 8-byte salt', { ...record, salt: new Uint8Array(8) }],
    ['a 16-byte IV', { ...record, wrappedDataKey: { ...record.wrappedDataKey, iv: new Uint8Array(16) } }],
    [
      'a wrapped key of the wrong size',
      { ...record, wrappedAuditKey: { ...record.wrappedAuditKey, data: new ArrayBuffer(40) } },
    ],
    [
      'a wrapped key as a Uint8Array, not an ArrayBuffer',
      { ...record, wrappedDataKey: { ...record.wrappedDataKey, data: new Uint8Array(48) } },
    ],
    ['weak parameters', { ...record, kdf: { ...floor, iterations: 1 } }],
    ['a failed attempt that is not a time', { ...record, failedAttempts: ['yesterday'] }],
    ['a staff id that is not a UUID', { ...record, staffId: 'bernadette' }],
  ])('refuses %s', (_case, candidate) => {
    expect(accountKeysSchema.safeParse(candidate).success).toBe(false);
  });
});
