import type { BackupHeader } from '../../../../../shared/schemas/backup';

/**
 * A backup file's header as the renderer's writer sends it: one manager in the keyring and a
 * made-up sealed key check (the main process never opens them), unless told otherwise.
 */
export function backupHeader(overrides: Partial<BackupHeader> = {}): BackupHeader {
  return {
    format: 'family-links-backup',
    formatVersion: 2,
    backupId: '3f2b6a4e-8c1d-4e5f-9a7b-1c2d3e4f5a6b',
    createdAt: '2026-11-29T21:00:00.000Z',
    reason: 'manual',
    schemaVersion: 8,
    appVersion: '0.1.0',
    tables: [],
    keyring: [
      {
        staffId: 'a',
        username: 'manager',
        isManager: true,
        salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
        kdf: { algorithm: 'argon2id', memoryKiB: 19_456, iterations: 2, parallelism: 1, hashLength: 32 },
        wrappedDataKey: { iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' },
      },
    ],
    keyCheck: { iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' },
    ...overrides,
  };
}
