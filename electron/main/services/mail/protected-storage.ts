import type { Log } from '../clock-and-log';

/**
 * The operating system's protected storage for the mail password (Electron's `safeStorage`),
 * passed in by electron/main/index.ts; the harness and tests pass their own. Plain Node: nothing
 * here imports `electron`.
 */
export type ProtectedStorage = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /**
   * How strong the protection is: `os` when a keychain, DPAPI or a Linux keyring holds the key;
   * `weak` on Linux without a keyring, where Chromium falls back to a fixed key (safeStorage's
   * `basic_text` backend) and anyone who can read the file can read the password.
   */
  strength(): 'os' | 'weak';
};

/** Electron's safeStorage as a ProtectedStorage (the only place that knows its shape). */
export function protectedStorageFromSafeStorage(
  safeStorage: {
    isEncryptionAvailable(): boolean;
    encryptString(plainText: string): Buffer;
    decryptString(encrypted: Buffer): string;
    getSelectedStorageBackend?: () => string;
  },
  platform: NodeJS.Platform,
): ProtectedStorage {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (text) => safeStorage.encryptString(text),
    decryptString: (data) => safeStorage.decryptString(data),
    strength() {
      if (platform !== 'linux') return 'os';
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      return backend === 'basic_text' || backend === 'unknown' ? 'weak' : 'os';
    },
  };
}

/**
 * A secret kept as base64 protected-storage ciphertext, opened; undefined, with `failure` in the
 * log, when this computer's protected storage cannot open it (another user, another computer, or
 * a keyring that was reset).
 */
export function openProtectedText(
  storage: ProtectedStorage,
  encrypted: string,
  failure: string,
  log: Log | undefined,
): string | undefined {
  try {
    return storage.decryptString(Buffer.from(encrypted, 'base64'));
  } catch (error) {
    log?.(failure, error instanceof Error ? error.message : error);
    return undefined;
  }
}
