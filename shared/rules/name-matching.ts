import { firstNameShortForms } from './first-name-short-forms';
import { damerauLevenshtein, nearSpellingAllowance, plainNameText, soundAlikeKey } from './name-spelling';

/**
 * Does the name typed at the door belong to a restricted person? (DESIGN rule 6: "match names with
 * aliases and near-spellings, not only exact text".)
 *
 * The trade-off: a false "no match" lets a barred person in, so spelling slips and sound-alike
 * spellings must still match ("Jon Smyth" is John Smith); but a check that flags every Smith makes
 * staff stop reading its warnings, which is just as dangerous. So:
 *
 * 1. **Normalising** removes what never tells two people apart: case, accents ("Jöhn"), apostrophes
 *    ("O'Brien" = "OBrien"), other punctuation and spacing, titles (Mr, Mrs, Dr...) and generation
 *    suffixes (Jr, Snr: a barred father and the son who shares his name must both be looked at).
 *    Particles join the word after them, so "O Brien", "Mc Donald" and "van der Berg" are one word.
 * 2. **Both parts must agree** when both names have two or more words: a first name (or a middle
 *    name, because people go by them) and a surname (either half of a double-barrelled one; a middle
 *    word too, because "Mary Smith Jones" may be double-barrelled without the hyphen). A typed name
 *    without a comma is also read surname first ("SMITH John"), as registers and ID often write it;
 *    with a comma ("Smith, John"), only as written.
 * 3. **First names** agree when the same, when some short-form group holds both ("Johnny" and
 *    "John", see `first-name-short-forms.ts`), when an initial fits ("J Smith"), or when they are
 *    near spellings (below).
 * 4. **Near spellings**: the same sound-alike key (`soundAlikeKey`: Smith/Smyth, Thompson/Thomson,
 *    Macdonald/McDonald, Phillips/Philips, Reid/Reed, Kay/Kaye, Jhon/John), or a Damerau-Levenshtein
 *    distance (a letter added, dropped, changed or two swapped) within `nearSpellingAllowance` of
 *    the shorter name: none up to 4 letters, 1 for 5 to 7 letters, 2 for 8 or more.
 *    - Why none for 4 letters or fewer: one letter is a quarter of the name, and short names that
 *      differ by one letter are mostly different names: Hall/Hill/Hull, Bell/Ball, Hunt/Hurt,
 *      Dean/Sean, Joan/John, Carl/Carol, Jane/June. Their real variant spellings (Reid/Reed,
 *      Gray/Grey, Kahn/Khan, Jhon/John) share a sound-alike key and still match.
 *    - So "Joan Smith" does **not** raise John Smith: they are different names, not a slip (h and a
 *      are not neighbours on a keyboard), and a John who gives his name as Joan is lying, which no
 *      spelling rule can catch.
 *    - Known near misses that do raise a warning (accepted: both names must still agree, so it
 *      costs a look, not a refusal): Kevin/Devin, Louis/Louise, Daniel/Daniela, Maria/Marie.
 * 5. **One word on its own**: a one-word restriction ("Dean", recorded with a description because
 *    nobody knew the surname, or an alias such as "Smithy") matches any name with that word in it,
 *    as a short form or a sound-alike spelling, but not merely a letter out (or an alias "Smithy"
 *    would flag every Smith).
 *    A one-word typed name matches only one-word restriction names and aliases: "Smith" alone
 *    would raise every Smith, and the door form asks for a full name anyway (the check runs again
 *    as it is typed).
 */

/** How close two names are, closest first. */
export type NameCloseness = 'exact' | 'short form' | 'near spelling';

const closenessRank: Readonly<Record<NameCloseness, number>> = {
  exact: 0,
  'short form': 1,
  'near spelling': 2,
};

/** The closer of two results (`undefined` is no match at all). */
export function closerOf(
  a: NameCloseness | undefined,
  b: NameCloseness | undefined,
): NameCloseness | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return closenessRank[a] <= closenessRank[b] ? a : b;
}

/** The weaker of two results: a name is only as close as its least close part. */
function weakerOf(a: NameCloseness, b: NameCloseness): NameCloseness {
  return closenessRank[a] >= closenessRank[b] ? a : b;
}

/** One word (or one half of a double-barrelled word), with what comparing it needs, worked out once. */
export type NameWord = {
  readonly plain: string;
  readonly key: string;
  /** Short-form groups holding this spelling, and those holding anything with the same key. */
  readonly groups: readonly number[];
  readonly keyGroups: readonly number[];
};

/** A name read one way round: the first name, any middle words, the surname (each with its forms). */
type NameShape =
  | { readonly kind: 'single'; readonly forms: readonly NameWord[] }
  | {
      readonly kind: 'full';
      readonly first: readonly NameWord[];
      readonly middle: readonly NameWord[];
      readonly last: readonly NameWord[];
    };

/** A name ready to compare: the text as given and each way of reading it. */
export type PreparedName = { readonly text: string; readonly shapes: readonly NameShape[] };

const groupsBySpelling = new Map<string, number[]>();
const groupsByKey = new Map<string, number[]>();
firstNameShortForms.forEach((group, index) => {
  for (const name of group) {
    for (const [map, at] of [
      [groupsBySpelling, name],
      [groupsByKey, soundAlikeKey(name)],
    ] as const) {
      const found = map.get(at) ?? [];
      if (!found.includes(index)) found.push(index);
      map.set(at, found);
    }
  }
});

const noGroups: readonly number[] = [];

/**
 * Words already read. Names repeat (a register holds many Johns and Smiths) and the door re-reads
 * the typed name on each keystroke, so each word is read once. Emptied when large, so a long
 * session's typing cannot grow it without end.
 */
const wordsRead = new Map<string, NameWord>();
const wordsReadLimit = 50_000;

function nameWord(plain: string): NameWord {
  const known = wordsRead.get(plain);
  if (known) return known;
  const key = soundAlikeKey(plain);
  const word: NameWord = {
    plain,
    key,
    groups: groupsBySpelling.get(plain) ?? noGroups,
    keyGroups: groupsByKey.get(key) ?? noGroups,
  };
  if (wordsRead.size >= wordsReadLimit) wordsRead.clear();
  wordsRead.set(plain, word);
  return word;
}

/** Words that open a surname and belong to the word after them (O Brien, Mc Donald, van der Berg). */
const particles = new Set([
  'o',
  'mc',
  'mac',
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'le',
  'la',
  'st',
  'fitz',
  'ap',
]);
const titles = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'rev', 'sir', 'dame', 'prof']);
const suffixes = new Set(['jr', 'jnr', 'junior', 'sr', 'snr', 'senior', 'ii', 'iii']);

/**
 * The words of a name, in the order to read it, each as its hyphen parts: "Smith-Jones, Mary Ann"
 * → [["mary"], ["ann"], ["smith", "jones"]]. Titles and suffixes are dropped and particles joined.
 */
function splitWords(segment: string): string[][] {
  const words = plainNameText(segment)
    // Hyphens join the halves of one word; any other punctuation ("J.Smith") separates words.
    .replace(/[^a-z0-9-]+/g, ' ')
    .split(' ')
    .map((word) => word.split('-').filter((part) => part.length > 0))
    .filter((parts) => parts.length > 0);
  const joined: string[][] = [];
  for (const parts of words) {
    const previous = joined[joined.length - 1];
    // A particle before another word is part of that word, unless it is the first word ("Van Morrison").
    if (previous && joined.length > 1 && previous.length === 1 && particles.has(previous[0] ?? '')) {
      joined[joined.length - 1] = [`${previous[0] ?? ''}${parts[0] ?? ''}`, ...parts.slice(1)];
    } else {
      joined.push(parts);
    }
  }
  return joined;
}

function withoutTitlesAndSuffixes(words: string[][]): string[][] {
  const isOneOf = (set: Set<string>, word: string[] | undefined) =>
    word !== undefined && word.length === 1 && set.has(word[0] ?? '');
  let start = 0;
  let end = words.length;
  while (start < end - 1 && isOneOf(titles, words[start])) start += 1;
  while (end - 1 > start && isOneOf(suffixes, words[end - 1])) end -= 1;
  return words.slice(start, end);
}

/** A hyphenated word's forms: the whole of it, then each part ("smithjones", "smith", "jones"). */
function formsOf(parts: readonly string[]): NameWord[] {
  const whole = nameWord(parts.join(''));
  return parts.length > 1 ? [whole, ...parts.map(nameWord)] : [whole];
}

function shapeOf(words: readonly string[][]): NameShape | undefined {
  const [first, ...rest] = words;
  if (!first) return undefined;
  const last = rest[rest.length - 1];
  if (!last) return { kind: 'single', forms: formsOf(first) };
  return {
    kind: 'full',
    first: formsOf(first),
    middle: rest.slice(0, -1).flatMap(formsOf),
    last: formsOf(last),
  };
}

/**
 * Reads a name once, so a list of thousands can be compared on every keystroke. With `bothOrders`
 * (a name typed at the door), a name without a comma is also read surname first.
 */
export function prepareName(text: string, options: { readonly bothOrders?: boolean } = {}): PreparedName {
  const comma = text.indexOf(',');
  const surnameFirst = comma >= 0 ? withoutTitlesAndSuffixes(splitWords(text.slice(0, comma))) : [];
  const givenAfterComma = comma >= 0 ? withoutTitlesAndSuffixes(splitWords(text.slice(comma + 1))) : [];
  const shapes: NameShape[] = [];
  if (surnameFirst.length > 0 && givenAfterComma.length > 0) {
    // "Smith, John Paul": the words before the comma are all surname ("Smith Jones, Mary").
    const surname = surnameFirst.flat();
    const shape = shapeOf([...givenAfterComma, surname]);
    if (shape) shapes.push(shape);
    return { text, shapes };
  }
  const words = withoutTitlesAndSuffixes(splitWords(text.replace(/,/g, ' ')));
  const asWritten = shapeOf(words);
  if (asWritten) shapes.push(asWritten);
  const [firstWord, ...others] = words;
  if (options.bothOrders && firstWord && others.length > 0) {
    const reordered = shapeOf([...others, firstWord]);
    if (reordered) shapes.push(reordered);
  }
  return { text, shapes };
}

function sameGroup(a: readonly number[], b: readonly number[]): boolean {
  return a.some((group) => b.includes(group));
}

function isNearSpelling(a: NameWord, b: NameWord): boolean {
  if (a.key === b.key) return true;
  const allowance = nearSpellingAllowance(Math.min(a.plain.length, b.plain.length));
  if (allowance === 0) return false;
  return (
    damerauLevenshtein(a.plain, b.plain, allowance) <= allowance ||
    damerauLevenshtein(a.key, b.key, allowance) <= allowance
  );
}

/** Surnames: the same, or a near spelling. No short forms and no initials: "S" is not a surname. */
function surnameCloseness(a: NameWord, b: NameWord): NameCloseness | undefined {
  if (a.plain === b.plain) return 'exact';
  return isNearSpelling(a, b) ? 'near spelling' : undefined;
}

/** First names: the same, a short form or an initial of each other, or a near spelling. */
function firstNameCloseness(a: NameWord, b: NameWord): NameCloseness | undefined {
  if (a.plain === b.plain) return 'exact';
  if (a.plain.length === 1 || b.plain.length === 1)
    return a.plain[0] === b.plain[0] ? 'short form' : undefined;
  if (sameGroup(a.groups, b.groups)) return 'short form';
  if (a.key === b.key) return 'near spelling';
  if (sameGroup(a.keyGroups, b.keyGroups)) return 'short form';
  return isNearSpelling(a, b) ? 'near spelling' : undefined;
}

/**
 * A one-word restriction name against any word of the name given: as `firstNameCloseness`, but a
 * near spelling must sound alike (same key), not just be a letter out. A one-word name is already a
 * wide net (any word of the name may match it); letting "Smithy" also catch anything a letter from
 * it would flag every Smith at the door.
 */
function oneWordCloseness(a: NameWord, b: NameWord): NameCloseness | undefined {
  const closeness = firstNameCloseness(a, b);
  return closeness === 'near spelling' && a.key !== b.key ? undefined : closeness;
}

function bestOf(
  pairs: readonly (readonly [readonly NameWord[], readonly NameWord[]])[],
  compare: (a: NameWord, b: NameWord) => NameCloseness | undefined,
): NameCloseness | undefined {
  let best: NameCloseness | undefined;
  for (const [left, right] of pairs) {
    for (const a of left) {
      for (const b of right) {
        best = closerOf(best, compare(a, b));
        if (best === 'exact') return best;
      }
    }
  }
  return best;
}

function compareShapes(candidate: NameShape, recorded: NameShape): NameCloseness | undefined {
  if (recorded.kind === 'single') {
    const everyWord =
      candidate.kind === 'single'
        ? candidate.forms
        : [...candidate.first, ...candidate.middle, ...candidate.last];
    return bestOf([[everyWord, recorded.forms]], oneWordCloseness);
  }
  if (candidate.kind === 'single') return undefined;
  // The surname first: it rules out most names, so the first-name comparisons rarely run.
  const surname = bestOf(
    [
      [candidate.last, recorded.last],
      [candidate.last, recorded.middle],
      [candidate.middle, recorded.last],
    ],
    surnameCloseness,
  );
  if (surname === undefined) return undefined;
  const firstName = bestOf(
    [
      [candidate.first, recorded.first],
      [candidate.first, recorded.middle],
      [candidate.middle, recorded.first],
    ],
    firstNameCloseness,
  );
  return firstName === undefined ? undefined : weakerOf(firstName, surname);
}

/** How close a name given at the door is to a recorded one, or `undefined` when they do not match. */
export function compareNames(candidate: PreparedName, recorded: PreparedName): NameCloseness | undefined {
  let best: NameCloseness | undefined;
  for (const candidateShape of candidate.shapes) {
    for (const recordedShape of recorded.shapes) {
      best = closerOf(best, compareShapes(candidateShape, recordedShape));
      if (best === 'exact') return best;
    }
  }
  return best;
}

/**
 * Names filed by the words that could be their surname, so that a check against thousands of
 * names compares the typed surname with each distinct word once and then looks closely only at the
 * names that share one. It never drops a name that `compareNames` would match: a match between two
 * names of two or more words always needs a surname-side word (last or middle) on each side to
 * match, and one-word names are always looked at.
 */
export type NameLookup<T> = {
  readonly bySurnameWord: ReadonlyMap<string, { readonly word: NameWord; readonly values: readonly T[] }>;
  readonly oneWord: readonly T[];
};

function surnameSideWords(name: PreparedName): NameWord[] {
  return name.shapes.flatMap((shape) => (shape.kind === 'full' ? [...shape.last, ...shape.middle] : []));
}

export function nameLookup<T>(entries: readonly (readonly [PreparedName, T])[]): NameLookup<T> {
  const bySurnameWord = new Map<string, { word: NameWord; values: T[] }>();
  const oneWord: T[] = [];
  for (const [name, value] of entries) {
    if (name.shapes.some((shape) => shape.kind === 'single')) oneWord.push(value);
    for (const word of surnameSideWords(name)) {
      const filed = bySurnameWord.get(word.plain) ?? { word, values: [] };
      if (!filed.values.includes(value)) filed.values.push(value);
      bySurnameWord.set(word.plain, filed);
    }
  }
  return { bySurnameWord, oneWord };
}

/** Every value whose name might match `candidate` (a superset: run `compareNames` on each). */
export function possibleMatches<T>(lookup: NameLookup<T>, candidate: PreparedName): Set<T> {
  const found = new Set<T>(lookup.oneWord);
  const candidateWords = [...new Map(surnameSideWords(candidate).map((word) => [word.plain, word])).values()];
  if (candidateWords.length === 0) return found;
  for (const { word, values } of lookup.bySurnameWord.values()) {
    if (candidateWords.some((candidateWord) => surnameCloseness(candidateWord, word) !== undefined)) {
      for (const value of values) found.add(value);
    }
  }
  return found;
}
