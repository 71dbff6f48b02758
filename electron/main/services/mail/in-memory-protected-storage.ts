import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ProtectedStorage } from './protected-storage';

/**
 * Protected storage with a key held only in this process's memory (AES-256-GCM): what the end-to-end
 * harness and the tests pass instead of Electron's safeStorage. Anything it encrypted cannot be
 * opened after the process ends. `available: false` plays a computer with no protected storage.
 */
export function inMemoryProtectedStorage(
  options: { available?: boolean; strength?: 'os' | 'weak' } = {},
): ProtectedStorage {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString(plainText) {
      if (options.available === false) throw new Error('Protected storage is not available');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
    strength: () => options.strength ?? 'os',
  };
}
