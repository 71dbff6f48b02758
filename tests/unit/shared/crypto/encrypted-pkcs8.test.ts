import { generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSigningKey, parseEncryptedPkcs8 } from '../../../../shared/crypto/encrypted-pkcs8';

// The page opens the sealed keys the main process makes (node:crypto's encrypted PKCS#8) with
// WebCrypto alone; Node's WebCrypto is the same API, so what works here works in the page.

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const secret = randomBytes(32).toString('hex');
const sealed = new Uint8Array(
  privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: secret }),
);

describe('opening a sealed signing key in the page', () => {
  it('reads the parameters the main process writes', () => {
    expect(parseEncryptedPkcs8(sealed)).toMatchObject({ hash: 'SHA-256', iterations: 2048 });
  });

  it('signs with the key inside, and the signature verifies with its public key', async () => {
    const key = await openSigningKey(sealed, secret);
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(['sign']);
    const message = new TextEncoder().encode('family-links');
    const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, message);
    expect(verify('sha256', message, publicKey, new Uint8Array(signature))).toBe(true);
  });

  it('refuses a wrong secret', async () => {
    await expect(openSigningKey(sealed, 'ab'.repeat(32))).rejects.toThrow();
  });

  it.each([
    ['an unencrypted key', new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' }))],
    [
      'another cipher',
      new Uint8Array(
        privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-128-cbc', passphrase: secret }),
      ),
    ],
    ['nothing', new Uint8Array()],
    ['a truncated key', sealed.subarray(0, 60)],
  ])('refuses %s', (_case, bytes) => {
    expect(() => parseEncryptedPkcs8(bytes)).toThrow();
  });
});
