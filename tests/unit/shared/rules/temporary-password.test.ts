import { describe, expect, it } from 'vitest';
import { assessPassword } from '../../../../shared/rules/password-strength';
import { temporaryPassword, temporaryPasswordWords } from '../../../../shared/rules/temporary-password';

const tom = {
  name: 'Tom Hughes',
  username: 'thughes',
  email: 'tom@oakfield.example',
  homeName: 'Oakfield House',
};

/** A repeatable stand-in for the secure source: a simple linear congruential sequence. */
function seeded(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

describe('“Make a temporary password”', () => {
  it.each([1, 2, 3, 4, 5])('makes five listed words that meet the strength rule (draw %i)', (seed) => {
    const password = temporaryPassword(tom, seeded(seed));
    expect(password).toBeDefined();
    const words = password!.split(' ');
    expect(words).toHaveLength(5);
    for (const word of words) expect(temporaryPasswordWords).toContain(word);
    expect(assessPassword(password!, tom).kind).toBe('acceptable');
  });

  it('uses the platform’s secure source by default, and two passwords differ', () => {
    const first = temporaryPassword(tom);
    const second = temporaryPassword(tom);
    expect(first).toBeDefined();
    expect(first).not.toBe(second);
  });

  it('gives up rather than hand out a weak one when the random source is broken', () => {
    // The same word five times is easy to guess: every draw is refused.
    expect(temporaryPassword(tom, () => 0, 5)).toBeUndefined();
  });

  it('draws from 256 different words', () => {
    expect(new Set(temporaryPasswordWords).size).toBe(256);
  });
});
