import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  compareVersions,
  mergeVersions,
  parseVersionId,
  versionId,
  winningVersion,
  type Side,
} from '../../../../shared/sync/record-merge';

const office = '0b6f2a4e-58a4-4f7e-9a3c-1d2e3f405162';
const frontDesk = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4051';

type Plan = { id: string; kind: string; conditions: string; reviewOn?: string; aliases: string[] };
const base: Plan = { id: 'r1', kind: 'supervisedOnly', conditions: 'Family room.', aliases: ['Deano'] };

/** Every order of the sides: the result must not depend on which arrived first. */
function permutations<Item>(items: readonly Item[]): Item[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('versions of a record', () => {
  it('names a version by its computer and change number, and reads the name back', () => {
    expect(versionId({ d: office, n: 12 })).toBe(`${office}:12`);
    expect(parseVersionId(`${office}:12`)).toEqual({ d: office, n: 12 });
    expect(parseVersionId('no-number')).toBeUndefined();
    expect(parseVersionId(`${office}:0`)).toBeUndefined();
  });

  it('orders by change number, then by computer id, whichever way round they are compared', () => {
    expect(compareVersions({ d: office, n: 3 }, { d: frontDesk, n: 2 })).toBeGreaterThan(0);
    expect(compareVersions({ d: frontDesk, n: 3 }, { d: office, n: 3 })).toBeGreaterThan(0);
    expect(compareVersions({ d: office, n: 3 }, { d: frontDesk, n: 3 })).toBeLessThan(0);
    const versions = [
      { d: office, n: 5 },
      { d: frontDesk, n: 5 },
      { d: office, n: 4 },
    ];
    for (const order of permutations(versions)) expect(winningVersion(order)).toEqual({ d: frontDesk, n: 5 });
  });
});

describe('mergeVersions', () => {
  it('merges changes to different fields, the same on every computer', () => {
    const sides: Side<Plan>[] = [
      { d: office, n: 7, record: { ...base, kind: 'noContact' } },
      { d: frontDesk, n: 3, record: { ...base, reviewOn: '2027-01-05' } },
    ];
    for (const order of permutations(sides))
      expect(mergeVersions(base, order)).toEqual({
        record: { ...base, kind: 'noContact', reviewOn: '2027-01-05' },
        conflicting: [],
      });
  });

  it('takes one value changed the same way on both', () => {
    const sides: Side<Plan>[] = [
      { d: office, n: 7, record: { ...base, aliases: ['Deano', 'DH'] } },
      { d: frontDesk, n: 8, record: { ...base, aliases: ['Deano', 'DH'], conditions: 'Garden room.' } },
    ];
    expect(mergeVersions(base, sides)).toEqual({
      record: { ...base, aliases: ['Deano', 'DH'], conditions: 'Garden room.' },
      conflicting: [],
    });
  });

  it('reports the same field changed two ways and holds the winner’s value in either order', () => {
    const relaxed = { d: office, n: 9, record: { ...base, kind: 'other', conditions: 'Saturdays.' } };
    const tightened = { d: frontDesk, n: 9, record: { ...base, kind: 'noContact' } };
    for (const order of permutations([relaxed, tightened])) {
      const result = mergeVersions(base, order);
      expect(result.conflicting).toEqual(['kind']);
      // Same change number: the computer id decides, and the front desk's is the higher.
      expect(result.record).toEqual({ ...base, kind: 'noContact', conditions: 'Saturdays.' });
    }
  });

  it('merges three computers’ changes in any order to one result', () => {
    const third = 'a0a0a0a0-0000-4000-8000-000000000000';
    const sides: Side<Plan>[] = [
      { d: office, n: 2, record: { ...base, kind: 'noContact' } },
      { d: frontDesk, n: 4, record: { ...base, kind: 'indirectOnly' } },
      { d: third, n: 4, record: { ...base, reviewOn: '2027-02-01' } },
    ];
    const results = permutations(sides).map((order) => canonicalJson(mergeVersions(base, order)));
    expect(new Set(results).size).toBe(1);
    expect(mergeVersions(base, sides)).toEqual({
      record: { ...base, kind: 'indirectOnly', reviewOn: '2027-02-01' },
      conflicting: ['kind'],
    });
  });

  it('reports a record deleted on one computer and changed on another', () => {
    const sides: Side<Plan>[] = [
      { d: office, n: 2, record: undefined },
      { d: frontDesk, n: 1, record: { ...base, kind: 'noContact' } },
    ];
    expect(mergeVersions(base, sides)).toEqual({ record: undefined, conflicting: ['*'] });
    expect(mergeVersions(base, [sides[0] as Side<Plan>, { d: frontDesk, n: 1, record: base }])).toEqual({
      record: undefined,
      conflicting: [],
    });
  });

  it('treats a field left out and a field undefined as the same', () => {
    expect(canonicalJson({ b: 1, a: undefined })).toBe(canonicalJson({ b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    const sides: Side<Plan>[] = [{ d: office, n: 1, record: { ...base, reviewOn: undefined } }];
    expect(mergeVersions(base, sides)).toEqual({ record: base, conflicting: [] });
  });

  it('takes the winner’s stamp (who changed it, and when) without calling it a conflict', () => {
    type Stamped = Plan & { changedAt?: string };
    const stampedBase: Stamped = { ...base, changedAt: '2026-12-01T09:00:00.000Z' };
    const sides: Side<Stamped>[] = [
      {
        d: office,
        n: 7,
        record: { ...stampedBase, kind: 'noContact', changedAt: '2026-12-05T10:00:00.000Z' },
      },
      {
        d: frontDesk,
        n: 3,
        record: { ...stampedBase, reviewOn: '2027-01-05', changedAt: '2026-12-05T11:00:00.000Z' },
      },
    ];
    for (const order of permutations(sides))
      expect(mergeVersions(stampedBase, order, { stamps: ['changedAt'] })).toEqual({
        record: { ...base, kind: 'noContact', reviewOn: '2027-01-05', changedAt: '2026-12-05T10:00:00.000Z' },
        conflicting: [],
      });
    // Without the stamp named, the two times are a conflict like any other field.
    expect(mergeVersions(stampedBase, sides).conflicting).toEqual(['changedAt']);
  });
});
