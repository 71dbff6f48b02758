/**
 * Drawing a random sample for the manager's sample monitoring (seed 004, 5.5.3). The draw is a
 * partial Fisher-Yates shuffle, so every set of `size` forms is equally likely, given a uniform
 * `randomBelow`. The screens pass one built on `crypto.getRandomValues` (`cryptoRandomBelow`),
 * so nobody can predict or steer which forms are picked; tests pass a seeded one.
 */

export type RandomBelow = (limit: number) => number;

/** `size` distinct ids from `population` (all of them, shuffled, if there are fewer). */
export function drawSample<Id>(population: readonly Id[], size: number, randomBelow: RandomBelow): Id[] {
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`A sample size must be a whole number, not ${size}`);
  const pool = [...population];
  const count = Math.min(size, pool.length);
  for (let index = 0; index < count; index += 1) {
    const pick = index + randomBelow(pool.length - index);
    const chosen = pool[pick] as Id;
    pool[pick] = pool[index] as Id;
    pool[index] = chosen;
  }
  return pool.slice(0, count);
}

/**
 * A uniform whole number in [0, limit) from a source of random 32-bit words, without modulo
 * bias: words from the uneven tail above the largest multiple of `limit` are thrown back.
 */
export function uniformBelow(limit: number, randomWord: () => number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 2 ** 32)
    throw new RangeError(`Cannot draw below ${limit}`);
  const range = 2 ** 32;
  const ceiling = range - (range % limit);
  for (;;) {
    const word = randomWord();
    if (word < ceiling) return word % limit;
  }
}

/** `randomBelow` on the platform's cryptographic generator (WebCrypto, in the renderer and in Node). */
export function cryptoRandomBelow(limit: number): number {
  const word = new Uint32Array(1);
  return uniformBelow(limit, () => {
    crypto.getRandomValues(word);
    return word[0] ?? 0;
  });
}
