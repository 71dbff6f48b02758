// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { plainText, tableDigester, toPlain } from '../../../../renderer/src/db/backup/backup-codec';
import { digestRequestHandler } from '../../../../renderer/src/db/backup/digest-requests';
import { backupDigests } from '../../../../renderer/src/db/backup/table-digests';

const rowsOf = (table: string, count: number) =>
  Array.from({ length: count }, (_, at) =>
    JSON.stringify({ id: `${table}-${at}`, note: at % 3 === 0 ? 'line one\nline two' : 'Zoë’s visit' }),
  );

/** The manifest's digest as the backup took it before: every row on this thread, one at a time. */
async function digestRowByRow(rowTexts: readonly string[]) {
  const digest = await tableDigester();
  for (const text of rowTexts) digest.addText(text);
  return digest.finish();
}

describe("a backup's table digests, taken page by page away from the page's thread", () => {
  it('give each table the digest of its rows one at a time, with tables interleaved', async () => {
    const visits = rowsOf('visit', 25);
    const staff = rowsOf('staff', 7);
    const handle = digestRequestHandler();
    // Sent without waiting, as a worker receives them: answered in order all the same.
    const replies = await Promise.all([
      handle({ id: 1, kind: 'add', table: 'visits', joined: visits.slice(0, 10).join('\n'), rows: 10 }),
      handle({ id: 2, kind: 'add', table: 'staff', joined: staff.join('\n'), rows: 7 }),
      handle({ id: 3, kind: 'add', table: 'visits', joined: visits.slice(10).join('\n'), rows: 15 }),
      handle({ id: 4, kind: 'finish', table: 'visits' }),
      handle({ id: 5, kind: 'finish', table: 'staff' }),
      handle({ id: 6, kind: 'finish', table: 'audit' }),
    ]);
    expect(replies.map((reply) => reply.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(replies[3]).toEqual({ id: 4, ok: true, digest: await digestRowByRow(visits) });
    expect(replies[4]).toEqual({ id: 5, ok: true, digest: await digestRowByRow(staff) });
    // A table with no rows has the digest of nothing, as before.
    expect(replies[5]).toEqual({ id: 6, ok: true, digest: await digestRowByRow([]) });
    expect((await digestRowByRow([])).sha256).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('change when a row changes, moves or is left out', async () => {
    const rows = rowsOf('form', 12);
    const digestOf = async (pages: readonly (readonly string[])[]) => {
      const digests = backupDigests();
      try {
        for (const page of pages) await digests.add('forms', page);
        return await digests.finish('forms');
      } finally {
        digests.close();
      }
    };
    const whole = await digestOf([rows.slice(0, 5), rows.slice(5)]);
    expect(whole).toEqual(await digestRowByRow(rows));
    // However the rows fall into pages, the digest is the same.
    expect(await digestOf([rows.slice(0, 1), rows.slice(1, 11), rows.slice(11)])).toEqual(whole);
    const changed = rows.map((text, at) => (at === 4 ? text.replace('visit', 'visiT') : text));
    expect((await digestOf([changed])).sha256).not.toBe(whole.sha256);
    const swapped = [rows[1] ?? '', rows[0] ?? '', ...rows.slice(2)];
    expect((await digestOf([swapped])).sha256).not.toBe(whole.sha256);
    const short = await digestOf([rows.slice(0, 11)]);
    expect(short.rows).toBe(11);
    expect(short.sha256).not.toBe(whole.sha256);
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

  it('refuses what it cannot give back as stored', () => {
    for (const value of [Number.NaN, Infinity, { inner: -Infinity }, new Map(), undefined, () => 1])
      expect(() => plainText(value)).toThrow();
  });
});
