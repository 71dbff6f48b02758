import { wordlist } from '@scure/bip39/wordlists/english.js';

/**
 * The one-time pairing code the manager reads out or copies to a new computer:
 *
 *   K7Q2-M9XA  river candle maple orbit velvet sugar
 *
 * The first part is the pairing's id: not secret (it names the new computer's server user), in
 * Crockford's base32 so that 0/O and 1/I/L cannot be confused. The six words are the secret. A
 * server that keeps the pairing document can try to guess them offline, so they carry about 65 bits
 * (six words from about 1,960) and every guess costs an Argon2id derivation (`pairing-keys.ts`).
 *
 * The words come from the BIP-39 English list (2,048 words, each told apart by its first four
 * letters, so a typed word is recognised from those), minus words that would be unkind or alarming
 * to read out in a children's home, or that name family members.
 */

const excludedWords = new Set([
  'abuse',
  'adult',
  'alcohol',
  'alien',
  'arrest',
  'attack',
  'baby',
  'bind',
  'blame',
  'blood',
  'bomb',
  'bottom',
  'boy',
  'brother',
  'bullet',
  'cage',
  'child',
  'cigar',
  'crash',
  'crazy',
  'crime',
  'cruel',
  'cry',
  'danger',
  'daughter',
  'dentist',
  'disease',
  'divorce',
  'doctor',
  'drama',
  'drastic',
  'drink',
  'drip',
  'dumb',
  'evil',
  'exile',
  'fat',
  'father',
  'fatal',
  'fault',
  'fever',
  'fiction',
  'girl',
  'grief',
  'guilt',
  'gun',
  'hurt',
  'hunt',
  'ill',
  'injury',
  'insane',
  'kiss',
  'lady',
  'lecture',
  'lonely',
  'mad',
  'man',
  'mother',
  'nephew',
  'orphan',
  'panic',
  'pistol',
  'police',
  'poverty',
  'prison',
  'punch',
  'rude',
  'sad',
  'scare',
  'secret',
  'shoot',
  'sick',
  'sister',
  'strike',
  'suspect',
  'tobacco',
  'tragic',
  'trap',
  'ugly',
  'uncle',
  'weapon',
  'whip',
  'wine',
  'woman',
  'wreck',
  'wife',
  'kid',
  'aunt',
  'dad',
  'mom',
  'nurse',
  'hospital',
  'virus',
]);

/** The words a code may use, in the list's order. */
export const pairingWords: readonly string[] = wordlist.filter((word) => !excludedWords.has(word));
export const pairingWordCount = 6;
/** Bits of secret in a code: about 65.6. */
export const pairingSecretBits = pairingWordCount * Math.log2(pairingWords.length);

/** Crockford's base32 digits, in lower case: no i, l, o or u. */
export const pairingIdAlphabet = '0123456789abcdefghjkmnpqrstvwxyz';
export const pairingIdLength = 8;

export type PairingCode = { readonly pairingId: string; readonly words: readonly string[] };

/** Random bytes from a secure source: `crypto.getRandomValues` in the app, fixed bytes in tests. */
export type RandomBytes = (count: number) => Uint8Array;

/** Uniform integers below `bound` (at most 65,536), by rejection from 16-bit samples. */
function uniformIntegers(count: number, bound: number, random: RandomBytes): number[] {
  const limit = Math.floor(65_536 / bound) * bound;
  const chosen: number[] = [];
  while (chosen.length < count) {
    const bytes = random(2 * (count - chosen.length) + 8);
    for (let index = 0; index + 1 < bytes.length && chosen.length < count; index += 2) {
      const sample = ((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0);
      if (sample < limit) chosen.push(sample % bound);
    }
  }
  return chosen;
}

export function generatePairingCode(random: RandomBytes): PairingCode {
  const idDigits = uniformIntegers(pairingIdLength, pairingIdAlphabet.length, random);
  const wordIndexes = uniformIntegers(pairingWordCount, pairingWords.length, random);
  return {
    pairingId: idDigits.map((digit) => pairingIdAlphabet[digit]).join(''),
    words: wordIndexes.map((index) => pairingWords[index] ?? ''),
  };
}

/** How the code is shown: `K7Q2-M9XA  river candle maple orbit velvet sugar`. */
export function formatPairingCode(code: PairingCode): string {
  const id = code.pairingId.toUpperCase();
  return `${id.slice(0, 4)}-${id.slice(4)}  ${code.words.join(' ')}`;
}

export type PairingCodeProblem = { readonly ok: false; readonly message: string };

/** Crockford's reading of letters people type for digits. */
function normaliseIdText(text: string): string {
  return text.toLowerCase().replace(/[o]/g, '0').replace(/[il]/g, '1');
}

const byPrefix = new Map(pairingWords.map((word) => [word.slice(0, 4), word]));

/**
 * Reads a code as a person types it: any case, spaces, dashes or dots between the parts, the id
 * as one group of eight or two of four, and each word from its first four letters (BIP-39 words
 * are unique in those), so a slip after the fourth letter still finds the word.
 */
export function parsePairingCode(
  text: string,
): { readonly ok: true; readonly code: PairingCode } | PairingCodeProblem {
  const tokens = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
  let idText: string;
  let rest: string[];
  const [first = '', second = ''] = tokens;
  if (first.length === pairingIdLength) {
    idText = first;
    rest = tokens.slice(1);
  } else if (first.length === 4 && second.length === 4) {
    idText = first + second;
    rest = tokens.slice(2);
  } else {
    return {
      ok: false,
      message: 'The code starts with eight letters and digits (for example K7Q2-M9XA), then six words.',
    };
  }
  const pairingId = normaliseIdText(idText);
  if (![...pairingId].every((character) => pairingIdAlphabet.includes(character)))
    return {
      ok: false,
      message: 'The first part of the code has a character that is not in any code. Check it.',
    };
  if (rest.length !== pairingWordCount)
    return {
      ok: false,
      message: `After the first part the code has ${pairingWordCount} words; ${rest.length} ${rest.length === 1 ? 'was' : 'were'} typed.`,
    };
  const words: string[] = [];
  for (const [position, typed] of rest.entries()) {
    const word = byPrefix.get(typed.slice(0, 4));
    if (!word || (typed.length < 4 && word !== typed))
      return {
        ok: false,
        message: `Word ${position + 1} (“${typed}”) is not one a code uses. Check the spelling.`,
      };
    words.push(word);
  }
  return { ok: true, code: { pairingId, words } };
}
