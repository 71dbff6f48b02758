import { afterEach, describe, expect, it, vi } from 'vitest';
import * as bytesModule from '../../../shared/bytes';

type BytesModule = typeof bytesModule;

const text = (value: string) => new TextEncoder().encode(value);

/** RFC 4648 §10's vectors, with the base64url form of each (the same, unpadded). */
const vectors: readonly [string, string, string][] = [
  ['', '', ''],
  ['f', 'Zg==', 'Zg'],
  ['fo', 'Zm8=', 'Zm8'],
  ['foo', 'Zm9v', 'Zm9v'],
  ['foob', 'Zm9vYg==', 'Zm9vYg'],
  ['fooba', 'Zm9vYmE=', 'Zm9vYmE'],
  ['foobar', 'Zm9vYmFy', 'Zm9vYmFy'],
];

/** Every byte value, so both alphabets' last two letters (+/ and -_) are used. */
const everyByte = Uint8Array.from({ length: 256 }, (_, index) => index);

/**
 * The module chooses its way in as it loads: Node's Buffer where there is one (the main process
 * and these tests), the browser's own methods (Chromium, which the end-to-end runs use), else
 * btoa and atob. The last is loaded here with Buffer hidden, so each is held to the same answers.
 */
async function withoutBuffer(): Promise<BytesModule> {
  vi.resetModules();
  vi.stubGlobal('Buffer', undefined);
  try {
    return await import('../../../shared/bytes');
  } finally {
    vi.unstubAllGlobals();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe.each([
  ['with Node’s Buffer', () => Promise.resolve(bytesModule)],
  ['with btoa and atob', withoutBuffer],
] as const)('bytes as text, %s', (_way, load) => {
  it.each(vectors)('“%s” is %s in base64 and %s in base64url', async (plain, base64, base64Url) => {
    const bytes = await load();
    expect(bytes.bytesToBase64(text(plain))).toBe(base64);
    expect(bytes.bytesToBase64Url(text(plain))).toBe(base64Url);
    expect(bytes.base64ToBytes(base64)).toEqual(text(plain));
    expect(bytes.base64UrlToBytes(base64Url)).toEqual(text(plain));
  });

  it('writes base64url with - and _ where base64 has + and /, and no padding', async () => {
    const bytes = await load();
    const base64Url = bytes.bytesToBase64Url(everyByte);
    expect(base64Url).toBe(
      bytes.bytesToBase64(everyByte).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    );
    expect(base64Url).toMatch(bytes.base64UrlText);
    expect(base64Url).toContain('-');
    expect(base64Url).toContain('_');
    expect(bytes.base64UrlToBytes(base64Url)).toEqual(everyByte);
  });

  it.each([
    ['base64’s own letters', 'ab+/'],
    ['padding', 'Zg=='],
    ['a space', 'Zm9v YmFy'],
    ['a lone character after the groups of four', 'Zm9vY'],
    ['punctuation', 'not base64url!'],
  ])('refuses base64url text with %s', async (_what, bad) => {
    const bytes = await load();
    expect(() => bytes.base64UrlToBytes(bad)).toThrow('Not base64url text.');
  });

  it('gives decoded bytes a buffer of their own, not a slice of a shared pool', async () => {
    const bytes = await load();
    const decoded = bytes.base64UrlToBytes('Zm9vYmFy');
    expect(decoded.byteOffset).toBe(0);
    expect(decoded.buffer.byteLength).toBe(6);
  });
});
