import { describe, expect, it } from 'vitest';
import { deriveKeyEncryptionKey, newSalt } from '../../../../../renderer/src/db/encryption/key-derivation';
import { unwrapDataKey, wrapKey } from '../../../../../renderer/src/db/encryption/key-wrapping';
import { generateDataKey } from '../../../../../renderer/src/db/encryption/record-cipher';
import { argon2idFloor, defaultKdfParams, type KdfParams } from '../../../../../shared/schemas/keyring';

/** The OWASP floor: the cheapest parameters allowed, so these tests stay quick. */
const floor: KdfParams = { algorithm: 'argon2id', ...argon2idFloor, hashLength: 32 };
const staffId = '3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b';
const salt = Uint8Array.from({ length: 16 }, (_, index) => index + 1);
const password = 'kettle orbit violet marsh';

/** Whether two key-encryption keys are the same key: one unwraps what the other wrapped. */
async function sameKek(first: CryptoKey, second: CryptoKey): Promise<boolean> {
  const wrapped = await wrapKey(await generateDataKey(), first, `data-key:${staffId}`);
  return (await unwrapDataKey(wrapped, second, staffId)).ok;
}

describe('turning a password into a key-encryption key', () => {
  it('gives the same key for the same password, salt and parameters', async () => {
    const [first, second] = await Promise.all([
      deriveKeyEncryptionKey(password, salt, floor),
      deriveKeyEncryptionKey(password, salt, floor),
    ]);
    expect(await sameKek(first, second)).toBe(true);
  });

  it('keeps the key inside WebCrypto, usable only to wrap and unwrap keys', async () => {
    const kek = await deriveKeyEncryptionKey(password, salt, floor);
    expect(kek.extractable).toBe(false);
    expect([...kek.usages].sort()).toEqual(['unwrapKey', 'wrapKey']);
    expect(kek.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
  });

  it('matches a password whose accents were typed as separate combining marks (NFC)', async () => {
    const composed = 'crème brûlée ferry noon'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const [typedHere, typedThere] = await Promise.all([
      deriveKeyEncryptionKey(composed, salt, floor),
      deriveKeyEncryptionKey(decomposed, salt, floor),
    ]);
    expect(await sameKek(typedHere, typedThere)).toBe(true);
  });

  it.each<[string, string, Uint8Array<ArrayBuffer>, KdfParams]>([
    ['another password', 'kettle orbit violet marsH', salt, floor],
    ['another salt', password, Uint8Array.from({ length: 16 }, (_, index) => index + 2), floor],
    ['more memory', password, salt, { ...floor, memoryKiB: floor.memoryKiB + 1024 }],
    ['more passes', password, salt, { ...floor, iterations: 3 }],
    ['more lanes', password, salt, { ...floor, parallelism: 2 }],
  ])('gives a different key for %s', async (_case, otherPassword, otherSalt, otherParams) => {
    const [original, changed] = await Promise.all([
      deriveKeyEncryptionKey(password, salt, floor),
      deriveKeyEncryptionKey(otherPassword, otherSalt, otherParams),
    ]);
    expect(await sameKek(original, changed)).toBe(false);
  });

  it.each<[string, KdfParams]>([
    ['less memory than OWASP’s 19,456 KiB', { ...floor, memoryKiB: 19_455 }],
    ['a single pass', { ...floor, iterations: 1 }],
    ['no lanes', { ...floor, parallelism: 0 }],
    ['a 16-byte key', { ...floor, hashLength: 16 as 32 }],
    ['absurd memory from a tampered record', { ...floor, memoryKiB: 64 * 1024 * 1024 }],
  ])('refuses parameters weaker or wilder than allowed: %s', async (_case, params) => {
    await expect(deriveKeyEncryptionKey(password, salt, params)).rejects.toThrow();
  });

  it('refuses a short salt', async () => {
    await expect(deriveKeyEncryptionKey(password, new Uint8Array(8), floor)).rejects.toThrow(/16 bytes/);
  });

  it('accepts the default parameters, which are stronger than the floor', async () => {
    expect(defaultKdfParams.memoryKiB).toBeGreaterThan(argon2idFloor.memoryKiB);
    expect(defaultKdfParams.iterations).toBeGreaterThan(argon2idFloor.iterations);
    const kek = await deriveKeyEncryptionKey(password, salt, defaultKdfParams);
    expect(kek.usages).toContain('unwrapKey');
  });
});

describe('a new salt', () => {
  it('is 16 random bytes, different each time', () => {
    const [first, second] = [newSalt(), newSalt()];
    expect(first).toHaveLength(16);
    expect(first).not.toEqual(second);
  });
});
