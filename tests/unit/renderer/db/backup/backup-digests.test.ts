// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sameBytes } from '@shared/bytes';
import {
  chunkDigest,
  chunkWriter,
  openChunkBytes,
  plainText,
  sealChunkBytes,
  toPlain,
} from '../../../../../renderer/src/db/backup/backup-codec';
import { sealRequestHandler } from '../../../../../renderer/src/db/backup/chunk-sealing';

const encoder = new TextEncoder();

/** A backup's data key, as the backup holds it: AES-256-GCM, not extractable, for the uses given. */
const dataKeyFor = (uses: KeyUsage[]) =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, uses);

describe("a backup's chunks (format 2)", () => {
  it('are sealed to base64 that opens to the same bytes, only in their own place', async () => {
    const key = await dataKeyFor(['encrypt', 'decrypt']);
    const backupId = crypto.randomUUID();
    // Lengths either side of a base64 group, so joining the IV's base64 to the data's is tried at each.
    for (const text of ['', 'a', 'ab', 'abc', '{"table":"visits","rows":[{"note":"Zoë’s visit"}]}']) {
      const bytes = encoder.encode(text);
      const sealed = await sealChunkBytes(key, backupId, 3, bytes);
      expect(sealed).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      expect(new TextDecoder().decode(await openChunkBytes(key, backupId, 3, sealed))).toBe(text);
      await expect(openChunkBytes(key, backupId, 4, sealed)).rejects.toThrow();
      await expect(openChunkBytes(key, crypto.randomUUID(), 3, sealed)).rejects.toThrow();
    }
  });

  it('are digested as SHA-256 of their bytes, which any change alters', async () => {
    expect(await chunkDigest(encoder.encode(''))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await chunkDigest(encoder.encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await chunkDigest(encoder.encode('abd'))).not.toBe(await chunkDigest(encoder.encode('abc')));
  });
});

describe("a stored row's backup text", () => {
  const sample = {
    id: 'visit-1',
    startsAt: 1_764_892_800_000,
    zeroes: [0, -0, 0.1, 1e21, -5e-7],
    flags: { isOpen: true, isShut: false, none: null, left: undefined },
    youngPersonIds: ['yp-2', undefined, null, 'yp-1'],
    sealed: { iv: new Uint8Array([0, 1, 2, 250, 255]), data: new Uint8Array(0) },
    wrapped: new Uint8Array([9, 8, 7]).buffer,
    madeAt: new Date('2026-12-05T04:00:00.123Z'),
    note: 'She said "see you soon" \\ then\nleft; Zoë’s \u2028 \ud800 \u0007',
    Émile: 'sorted by code unit',
    a: { z: [{ y: 1, x: [] }], b: {} },
  };

  it('is exactly the JSON of its plain form, however it is nested', () => {
    expect(plainText(sample)).toBe(JSON.stringify(toPlain(sample)));
    for (const value of [null, true, 'text', 3.5, [], {}, [[null]], new Uint8Array([1])])
      expect(plainText(value)).toBe(JSON.stringify(toPlain(value)));
  });

  it('sorts each object by its own keys, whatever objects came before it', () => {
    // The same keys in another order, other keys of the same number, and more shapes than the
    // writer remembers, each in turn and then again.
    const objects = [
      { b: 1, a: 2, c: 3 },
      { c: 1, b: 2, a: 3 },
      { x: 1, y: 2, z: 3 },
      { b: 1, a: 2 },
      ...Array.from({ length: 40 }, (_, index) => ({ [`k${index}`]: index, [`j${40 - index}`]: 'j' })),
    ];
    for (const object of [...objects, ...[...objects].reverse(), ...objects])
      expect(plainText(object)).toBe(JSON.stringify(toPlain(object)));
  });

  it('refuses what it cannot give back as stored', () => {
    for (const value of [Number.NaN, Infinity, { inner: -Infinity }, new Map(), undefined, () => 1])
      expect(() => plainText(value)).toThrow();
  });
});

describe("a page's chunk bytes", () => {
  const rowOf = (index: number) => ({
    id: `row-${index}`,
    updatedAt: 1_764_892_800_000 + index,
    note: index % 7 === 0 ? 'Zoë’s visit \u2028 \ud800 "quoted"' : 'visit',
    sealed: { iv: new Uint8Array(12).fill(index % 256), data: new Uint8Array(700 + (index % 300)).buffer },
  });
  const expected = (table: string, rows: readonly unknown[]) =>
    encoder.encode(JSON.stringify({ table, rows: rows.map((row) => toPlain(row)) }));

  it('are the UTF-8 of the JSON of the table and its rows, chunk after chunk', () => {
    const writer = chunkWriter();
    // A page larger than the buffer it starts with, then smaller ones, then an empty one.
    const pages = [
      Array.from({ length: 2000 }, (_, index) => rowOf(index)),
      Array.from({ length: 3 }, (_, index) => rowOf(index + 5)),
      [rowOf(7)],
      [],
    ];
    const written = pages.map((rows, index) => writer.chunk(`table-${index}`, rows));
    // Each chunk keeps its bytes when the next is written (its sealing may still be under way).
    // Compared with a plain loop: toEqual takes a minute over two megabytes.
    pages.forEach((rows, index) =>
      expect(sameBytes(written[index] ?? new Uint8Array(1), expected(`table-${index}`, rows))).toBe(true),
    );
    expect(written[0]?.byteLength).toBeGreaterThan(1 << 20);
  });

  it('refuse a row that could not be given back as stored', () => {
    expect(() => chunkWriter().chunk('visits', [rowOf(1), { id: 'x', at: Number.NaN }])).toThrow();
  });
});

describe("a page's sealing (the backup's worker, here on this thread)", () => {
  it('gives the chunk sealed in its place and the SHA-256 of its bytes', async () => {
    const dataKey = await dataKeyFor(['encrypt', 'decrypt']);
    const backupId = crypto.randomUUID();
    const rows = [{ id: 'a', sealed: { iv: new Uint8Array([1, 2]), data: new Uint8Array([3]).buffer } }];
    const reply = await sealRequestHandler()({ id: 7, dataKey, backupId, index: 2, table: 'visits', rows });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.id).toBe(7);
    const opened = await openChunkBytes(dataKey, backupId, 2, reply.chunk);
    expect(new TextDecoder().decode(opened)).toBe(
      JSON.stringify({ table: 'visits', rows: rows.map(toPlain) }),
    );
    expect(reply.sha256).toBe(await chunkDigest(opened));
    await expect(openChunkBytes(dataKey, backupId, 3, reply.chunk)).rejects.toThrow();
  });

  it('answers a row it cannot serialise with a failure, not a chunk', async () => {
    const dataKey = await dataKeyFor(['encrypt']);
    const reply = await sealRequestHandler()({
      id: 1,
      dataKey,
      backupId: 'b',
      index: 0,
      table: 'visits',
      rows: [{ id: 'a', at: Number.POSITIVE_INFINITY }],
    });
    expect(reply).toEqual({ id: 1, ok: false, message: 'A stored number is not finite' });
  });
});
