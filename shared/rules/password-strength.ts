import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en';

/**
 * Whether a new password is good enough (seed 003: per-person passwords): long and
 * not common, judged by a strength estimator rather than hand-written rules.
 *
 * Interpretation:
 * - At least 12 characters, counted as Unicode characters after NFC normalisation (what the
 *   person sees, and what key derivation hashes).
 * - zxcvbn-ts, with its common-password and English dictionaries and the person's own name,
 *   username, email and the home's name as extra words, must score 4 ("very unguessable": an
 *   estimated 10^10 guesses or more). Not 3: a password here guards the key to every child's
 *   record, and someone who copies the database can guess offline, with no lockout; zxcvbn puts
 *   season-year-symbol passwords like "Summer2026!!" and "Oakfield2026!" (a home's name and the
 *   year) at exactly 10^8 guesses, which is score 3.
 * - No composition rules (a capital, a digit...): they make passwords harder to remember without
 *   making them harder to guess.
 *
 * The dictionaries are loaded once, when this module is first imported (~0.1-0.2 s). Levenshtein
 * matching is off: it made a single check take up to a second, too slow to give feedback while
 * typing, and the dictionaries with l33t and reversed matching already refuse the common cases.
 */

export const minimumPasswordLength = 12;
const minimumScore = 4;

export type PasswordContext = {
  readonly name: string;
  readonly username: string;
  readonly email: string;
  readonly homeName: string;
};

export type PasswordAssessment =
  | { readonly kind: 'acceptable'; readonly score: number }
  | { readonly kind: 'tooShort'; readonly minimum: number; readonly message: string }
  | { readonly kind: 'tooGuessable'; readonly message: string; readonly suggestions: readonly string[] };

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
  translations: zxcvbnEnglish.translations,
});

const randomWords = 'Three or four random words work well.';

export function assessPassword(password: string, context: PasswordContext): PasswordAssessment {
  const normalised = password.normalize('NFC');
  if ([...normalised].length < minimumPasswordLength) {
    return {
      kind: 'tooShort',
      minimum: minimumPasswordLength,
      message: `Choose something longer: at least ${minimumPasswordLength} characters. ${randomWords}`,
    };
  }
  const result = zxcvbn.check(normalised, personalWords(context));
  if (result.score >= minimumScore) return { kind: 'acceptable', score: result.score };
  const weaknesses = new Set(result.sequence.map(weaknessOf).filter((weakness) => weakness !== undefined));
  return {
    kind: 'tooGuessable',
    message: weaknesses.has('personal')
      ? `That password uses your own name, username or email, or the home’s name: people who know you would try those first. ${randomWords}`
      : `That password would be too easy to guess. ${randomWords}`,
    suggestions: [...weaknesses].map((weakness) => suggestionFor[weakness]),
  };
}

/** The person's and the home's words, whole and in parts, so "Oakfield House" catches "oakfield". */
function personalWords(context: PasswordContext): string[] {
  const whole = [context.name, context.username, context.email, context.homeName].map((text) =>
    text.trim().toLowerCase(),
  );
  const parts = whole.flatMap((text) => text.split(/[^\p{L}\p{N}]+/u)).filter((part) => part.length >= 3);
  const words = [...whole.filter((text) => text.length > 0), ...parts];
  // Also without accents, as people type them on an English keyboard: "Ćwiękała" as "cwiekala".
  const unaccented = words.map((word) =>
    word
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[łđøßæœ]/g, (letter) => unaccentedLetters[letter] ?? letter),
  );
  return [...new Set([...words, ...unaccented])];
}

/** Letters that Unicode does not split into a base letter and an accent. */
const unaccentedLetters: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

type Weakness = 'personal' | 'common' | 'dates' | 'patterns' | 'lookalikes';

const suggestionFor: Readonly<Record<Weakness, string>> = {
  personal: 'Leave out your name, username, email address and the home’s name.',
  common: 'Avoid well-known passwords and words on their own, such as “password”, team names or seasons.',
  dates: 'Avoid years and dates: this year, a birthday or an anniversary are easy to guess.',
  patterns: 'Avoid keyboard patterns, repeats and runs such as “qwerty”, “aaaa” or “1234”.',
  lookalikes: 'Swapping letters for look-alike symbols (like @ for a, or 0 for o) does not help much.',
};

/** What made one part of the password easy to guess, from the pattern zxcvbn matched it with. */
function weaknessOf(match: MatchExtended): Weakness | undefined {
  const pattern = match.pattern;
  switch (pattern) {
    case 'dictionary': {
      const dictionaryName: unknown = match['dictionaryName'];
      if (dictionaryName === 'userInputs') return 'personal';
      const isLookalike: unknown = match['l33t'];
      return isLookalike === true ? 'lookalikes' : 'common';
    }
    case 'wordSequence':
      return 'common';
    case 'date':
      return 'dates';
    case 'regex':
      return match['regexName'] === 'recentYear' ? 'dates' : 'patterns';
    case 'spatial':
    case 'repeat':
    case 'sequence':
      return 'patterns';
    default:
      // Brute force and separators are not weaknesses, and later zxcvbn versions may add patterns.
      return undefined;
  }
}
