import { describe, expect, it } from 'vitest';
import { cryptoRandomBelow, drawSample, uniformBelow } from '@shared/rules/termly-sample';

describe('drawing a random sample of filed forms', () => {
  const forms = Array.from({ length: 40 }, (_, index) => `form-${index}`);

  it('draws the size asked for, every form at most once, all from the term', () => {
    const sample = drawSample(forms, 10, cryptoRandomBelow);
    expect(sample).toHaveLength(10);
    expect(new Set(sample).size).toBe(10);
    for (const id of sample) expect(forms).toContain(id);
  });

  it('a sample larger than the term’s forms takes them all', () => {
    expect([...drawSample(forms.slice(0, 3), 10, cryptoRandomBelow)].sort()).toEqual(
      forms.slice(0, 3).sort(),
    );
  });

  it('every form can be picked: over many draws of one, each of five turns up', () => {
    const seen = new Set(
      Array.from({ length: 400 }, () => drawSample(forms.slice(0, 5), 1, cryptoRandomBelow)[0]),
    );
    expect(seen.size).toBe(5);
  });

  it('a size that is not a whole number is refused', () => {
    expect(() => drawSample(forms, 1.5, cryptoRandomBelow)).toThrow(RangeError);
  });
});

describe('a uniform number below a limit, without modulo bias', () => {
  it('throws back words from the uneven tail and uses the next', () => {
    // 2^32 is not a multiple of 3: the top word (2^32 - 1) is in the tail, so it is refused.
    const words = [2 ** 32 - 1, 7];
    expect(uniformBelow(3, () => words.shift() ?? 0)).toBe(7 % 3);
  });
  it('a word inside the even part is used directly', () => {
    expect(uniformBelow(10, () => 12345)).toBe(5);
  });
});
