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
