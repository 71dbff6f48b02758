import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../renderer/src/db/row-binding';

/** The canonical form written the plain way: keys sorted, every key and value through JSON.stringify. */
function canonicalByStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalByStringify(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalByStringify((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

// Ids, dates and states, and text with everything JSON escapes: quotes, backslashes, control
// characters, lone surrogates and pairs.
const text = fc.oneof(
  fc.uuid(),
  fc.constantFrom('2027-01-11T18:20:00.000Z', 'filed', '', 'a"b', 'a\\b', '\u0000\u001f\n', '\u2028'),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
);
const plainValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, fc.option(tie('value'), { nil: undefined }), { maxKeys: 5, noNullPrototype: true }),
  ),
})).value;

describe('a row’s binding is written canonically', () => {
  it('writes what sorting the keys and writing each part with JSON.stringify would (property)', () => {
    fc.assert(
      fc.property(plainValue, (value) => {
        expect(canonicalJson(value)).toBe(canonicalByStringify(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes rows of one shape alike whatever order their keys were set in', () => {
    const rows = [
      { id: 'b', status: 'filed', staffIds: ['s1', 's2'], sealFormat: 2 },
      { sealFormat: 2, staffIds: ['s1', 's2'], status: 'filed', id: 'b' },
      { staffIds: ['s1', 's2'], id: 'b', sealFormat: 2, status: 'filed', dueAt: undefined },
    ];
    const written = rows.map((row) => canonicalJson(row));
    expect(new Set(written)).toEqual(
      new Set(['{"id":"b","sealFormat":2,"staffIds":["s1","s2"],"status":"filed"}']),
    );
  });
});
