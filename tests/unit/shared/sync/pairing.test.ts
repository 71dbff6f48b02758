import { describe, expect, it } from 'vitest';
import {
  formatPairingCode,
  generatePairingCode,
  pairingSecretBits,
  pairingWords,
  parsePairingCode,
  type PairingCode,
} from '../../../../shared/sync/pairing-code';
import { derivePairingKeys } from '../../../../shared/sync/pairing-keys';
import { checkJoinRequest, makeJoinRequest } from '../../../../shared/sync/join-request';
import {
  openPairing,
  pairingEnvelopeSchema,
  sealPairing,
  type PairingBundle,
} from '../../../../shared/sync/pairing-envelope';

const secureRandom = (count: number) => crypto.getRandomValues(new Uint8Array(count));

/** Bytes from a fixed list, repeated: a deterministic "random" source for table tests. */
const fixedRandom = (values: readonly number[]) => {
  let position = 0;
  return (count: number) => Uint8Array.from({ length: count }, () => values[position++ % values.length] ?? 0);
};

describe('pairing codes', () => {
  it('carry at least 64 bits of secret, from a list without unkind or alarming words', () => {
    expect(pairingSecretBits).toBeGreaterThan(64);
    expect(new Set(pairingWords).size).toBe(pairingWords.length);
    for (const word of ['abuse', 'gun', 'prison', 'mother', 'child', 'police', 'crime'])
      expect(pairingWords).not.toContain(word);
    // Every word is still told apart from the others by its first four letters.
    expect(new Set(pairingWords.map((word) => word.slice(0, 4))).size).toBe(pairingWords.length);
  });

  it('are drawn evenly: samples past the last whole multiple of the list are thrown away', () => {
    // For the id (32 digits, a power of two) every sample counts. For the words, 0xFFFF is above the
    // largest multiple of the list's length below 65,536, so it is thrown away and only 0x0001 is used.
    const code = generatePairingCode(fixedRandom([0xff, 0xff, 0x00, 0x01]));
    expect(code.pairingId).toBe('z1z1z1z1');
    expect(code.words).toEqual(Array(6).fill(pairingWords[1]));
  });

  it('differ each time from a secure source', () => {
    const codes = new Set(
      Array.from({ length: 50 }, () => formatPairingCode(generatePairingCode(secureRandom))),
    );
    expect(codes.size).toBe(50);
  });

  const code: PairingCode = {
    pairingId: 'k7q2m9xa',
    words: ['river', 'candy', 'maple', 'orbit', 'velvet', 'sugar'],
  };

  it.each([
    ['as shown', 'K7Q2-M9XA  river candy maple orbit velvet sugar'],
    ['in one group, lower case', 'k7q2m9xa river candy maple orbit velvet sugar'],
    ['with dots and commas', 'K7Q2.M9XA, river, candy, maple, orbit, velvet, sugar'],
    [
      'with O for 0 and I or L for 1 read as Crockford does',
      'K7Q2-M9XA river candy maple orbit velvet sugar',
    ],
    ['with words cut or misspelt after four letters', 'K7Q2 M9XA rive cand mapl orbi velv suga'],
    ['with extra spaces and capitals', '  k7q2   m9xa   RIVER Candy maple orbit velvet sugar  '],
  ])('are read back %s', (_, typed) => {
    expect(parsePairingCode(typed)).toEqual({ ok: true, code });
  });

  it('read letters typed for digits as the digits', () => {
    expect(parsePairingCode('OO1L-I000 river candy maple orbit velvet sugar')).toMatchObject({
      ok: true,
      code: { pairingId: '00111000' },
    });
  });

  it.each([
    ['nothing', ''],
    ['no id', 'river candy maple orbit velvet sugar'],
    ['five words', 'K7Q2-M9XA river candy maple orbit velvet'],
    ['seven words', 'K7Q2-M9XA river candy maple orbit velvet sugar river'],
    ['a word not in the list', 'K7Q2-M9XA river candy maple orbit velvet xyzzy'],
    ['a word too short to know', 'K7Q2-M9XA riv candy maple orbit velvet sugar'],
    ['a U in the id', 'K7Q2-M9XU river candy maple orbit velvet sugar'],
    ['hostile text', '<script>alert(1)</script> ../../etc/passwd'],
  ])('refuse %s, with a message', (_, typed) => {
    const parsed = parsePairingCode(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
  });
});

describe('sealing the pairing under the code', () => {
  const bundle: PairingBundle = {
    v: 1,
    homeId: 'home-1',
    syncKey: 'A'.repeat(43),
    issuedByDevice: 'office-1',
    issuedAt: '2026-12-01T10:00:00.000Z',
  };
  const expiresAt = '2026-12-02T10:00:00.000Z';
  const before = new Date('2026-12-01T12:00:00.000Z');

  it('opens with the same code on another computer, and not with another code, database or expiry', async () => {
    const keys = await derivePairingKeys(code(), 'oak-house');
    const again = await derivePairingKeys(code(), 'oak-house');
    expect(again.joinPassword).toBe(keys.joinPassword);
    expect(keys.joinPassword).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const envelope = await sealPairing({
      keys,
      pairingId: 'k7q2m9xa',
      database: 'oak-house',
      expiresAt,
      bundle,
    });
    expect(JSON.stringify(envelope)).not.toContain(bundle.syncKey);
    expect(
      await openPairing({ keys: again, envelope, pairingId: 'k7q2m9xa', database: 'oak-house', now: before }),
    ).toEqual({
      ok: true,
      bundle,
    });

    const otherWords = await derivePairingKeys(
      { ...code(), words: [...code().words.slice(0, 5), 'sunny'] },
      'oak-house',
    );
    expect(otherWords.joinPassword).not.toBe(keys.joinPassword);
    expect(
      await openPairing({
        keys: otherWords,
        envelope,
        pairingId: 'k7q2m9xa',
        database: 'oak-house',
        now: before,
      }),
    ).toMatchObject({
      ok: false,
      code: 'wrong-code',
    });
    // The same words for another database (another home) give other keys.
    const otherHome = await derivePairingKeys(code(), 'elm-house');
    expect(otherHome.joinPassword).not.toBe(keys.joinPassword);
    // A server that moves the expiry, or offers the envelope as another pairing's, is caught.
    const later = { ...envelope, expiresAt: '2027-12-02T10:00:00.000Z' };
    expect(
      await openPairing({ keys, envelope: later, pairingId: 'k7q2m9xa', database: 'oak-house', now: before }),
    ).toMatchObject({
      ok: false,
      code: 'wrong-code',
    });
    expect(
      await openPairing({ keys, envelope, pairingId: 'k7q2m9xb', database: 'oak-house', now: before }),
    ).toMatchObject({
      ok: false,
      code: 'damaged',
    });
    expect(
      await openPairing({ keys, envelope, pairingId: 'k7q2m9xa', database: 'elm-house', now: before }),
    ).toMatchObject({
      ok: false,
      code: 'wrong-code',
    });
    // After its expiry it is refused even with the right code.
    expect(
      await openPairing({
        keys,
        envelope,
        pairingId: 'k7q2m9xa',
        database: 'oak-house',
        now: new Date(expiresAt),
      }),
    ).toMatchObject({ ok: false, code: 'expired' });
    // One flipped character of ciphertext.
    const flipped = envelope.ciphertext.startsWith('A')
      ? `B${envelope.ciphertext.slice(1)}`
      : `A${envelope.ciphertext.slice(1)}`;
    expect(
      await openPairing({
        keys,
        envelope: { ...envelope, ciphertext: flipped },
        pairingId: 'k7q2m9xa',
        database: 'oak-house',
        now: before,
      }),
    ).toMatchObject({ ok: false, code: 'wrong-code' });
  }, 30_000);

  it('has an envelope schema that refuses extra fields and wrong shapes', () => {
    const valid = {
      format: 'family-links-pairing',
      v: 1,
      pairingId: 'k7q2m9xa',
      expiresAt,
      iv: 'AAAAAAAAAAAAAAAA',
      ciphertext: 'A'.repeat(40),
    };
    expect(pairingEnvelopeSchema.safeParse(valid).success).toBe(true);
    for (const broken of [
      { ...valid, extra: 'x' },
      { ...valid, v: 2 },
      { ...valid, pairingId: 'K7Q2M9XA' },
      { ...valid, iv: 'A'.repeat(15) },
      { ...valid, ciphertext: 'not base64url!' },
      { ...valid, expiresAt: 'tomorrow' },
    ])
      expect(pairingEnvelopeSchema.safeParse(broken).success).toBe(false);
  });

  function code(): PairingCode {
    return { pairingId: 'k7q2m9xa', words: ['river', 'candy', 'maple', 'orbit', 'velvet', 'sugar'] };
  }
});

describe('the pairing bundle, versions 2 and 3, and the join request', () => {
  const code = (): PairingCode => ({
    pairingId: 'k7q2m9xa',
    words: ['river', 'candy', 'maple', 'orbit', 'velvet', 'sugar'],
  });
  /** What sealing and opening this pairing take, but the bundle and the envelope. */
  const sealingInput = async () => ({
    keys: await derivePairingKeys(code(), 'oak-house'),
    pairingId: 'k7q2m9xa',
    database: 'oak-house',
    expiresAt: '2026-12-02T10:00:00.000Z',
  });
  const bundle: PairingBundle = {
    v: 2,
    homeId: 'home-1',
    syncKey: 'A'.repeat(43),
    issuedByDevice: 'office-1',
    issuedAt: '2026-12-01T10:00:00.000Z',
    rootDeviceKey: 'B'.repeat(43),
  };

  it('carries the root computer’s key digest, and refuses a version 2 bundle without it', async () => {
    const input = await sealingInput();
    const envelope = await sealPairing({ ...input, bundle });
    const now = new Date('2026-12-01T12:00:00.000Z');
    expect(await openPairing({ ...input, envelope, now })).toEqual({ ok: true, bundle });
    const { rootDeviceKey: _dropped, ...withoutRoot } = bundle;
    await expect(sealPairing({ ...input, bundle: withoutRoot as PairingBundle })).rejects.toThrow();
  });

  it('version 3 carries the home CA’s certificate, one certificate and nothing else', async () => {
    const input = await sealingInput();
    // As long as the home CA's own: a 2048-bit RSA certificate is about 1,200 characters.
    const homeAuthorityPem = `-----BEGIN CERTIFICATE-----\n${'QUJD'.repeat(400)}\n-----END CERTIFICATE-----\n`;
    const withCa: PairingBundle = { ...bundle, v: 3, homeAuthorityPem };
    const envelope = await sealPairing({ ...input, bundle: withCa });
    const now = new Date('2026-12-01T12:00:00.000Z');
    expect(await openPairing({ ...input, envelope, now })).toEqual({ ok: true, bundle: withCa });
    for (const notOne of [
      '',
      'not a certificate',
      `${homeAuthorityPem}${homeAuthorityPem}`,
      homeAuthorityPem.replaceAll('CERTIFICATE', 'PRIVATE KEY'),
    ])
      await expect(
        sealPairing({ ...input, bundle: { ...withCa, homeAuthorityPem: notOne } }),
      ).rejects.toThrow();
    const { homeAuthorityPem: _dropped, ...withoutCa } = withCa;
    await expect(sealPairing({ ...input, bundle: withoutCa as PairingBundle })).rejects.toThrow();
  });

  it('lets the issuing computer check the key a joining computer publishes, and nobody without the code forge one', async () => {
    const keys = await derivePairingKeys(code(), 'oak-house');
    const other = await derivePairingKeys(
      { ...code(), words: [...code().words.slice(0, 5), 'sunny'] },
      'oak-house',
    );
    const device = { deviceId: crypto.randomUUID(), publicKey: 'C'.repeat(87) };
    const request = await makeJoinRequest(keys, 'k7q2m9xa', device);
    expect(await checkJoinRequest(keys, 'k7q2m9xa', JSON.parse(JSON.stringify(request)))).toEqual(device);
    // Made with another code, for another pairing, or with the key swapped: refused.
    expect(
      await checkJoinRequest(keys, 'k7q2m9xa', await makeJoinRequest(other, 'k7q2m9xa', device)),
    ).toBeUndefined();
    expect(await checkJoinRequest(keys, 'k7q2m9xb', request)).toBeUndefined();
    expect(
      await checkJoinRequest(keys, 'k7q2m9xa', { ...request, publicKey: 'D'.repeat(87) }),
    ).toBeUndefined();
    expect(await checkJoinRequest(keys, 'k7q2m9xa', { nonsense: true })).toBeUndefined();
  });
});
