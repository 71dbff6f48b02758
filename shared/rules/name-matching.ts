import { firstNameShortForms } from './first-name-short-forms';
import { damerauLevenshtein, nearSpellingAllowance, soundAlikeKey } from './name-spelling';
import { personPartOf, splitWords, withoutTitlesAndSuffixes, type LeftOutOfName } from './name-words';

/**
 * Does the name typed at the door belong to a restricted person? (DESIGN rule 6: "a 'no contact'
 * match on the name, an alias or a known short form blocks; ... a near-spelling alone asks staff to
 * check ID and record that they did. Match names with aliases and near-spellings, not only exact
 * text, and never match words that are not a person's name.")
 *
 * The trade-off: a false "no match" lets a barred person in, so spelling slips and sound-alike
 * spellings must still be caught ("Jon Smyth" may be John Smith); but a check that turns away every
 * Smith makes staff stop reading it, which is just as dangerous. So a name is either the restricted
 * person's (exact, or a known short form: the door blocks) or close to it (the door asks for ID).
 *
 * 1. **Normalising** removes what never tells two people apart: case, accents ("Jöhn"), apostrophes
 *    ("O'Brien" = "OBrien"), other punctuation and spacing, titles (Mr, Mrs, Dr...) and generation
 *    suffixes (Jr, Snr: a barred father and the son who shares his name must both be looked at).
 *    Particles join the word after them, so "O Brien", "Mc Donald" and "van der Berg" are one word,
 *    and a hyphen is no different from a space: "Smith-Jones" is "Smith Jones".
 * 2. **Not a name**: a name typed at the door loses organisations ("Williams Jonas Ltd") and role
 *    words ("courier", "mum"); see `name-words.ts` and `non-name-words.ts`.
 * 3. **Both parts must agree** when both names have two or more words: a first name and a surname.
 *    A typed name without a comma is also read surname first ("SMITH John"), as registers and ID
 *    often write it; with a comma ("Smith, John"), only as written.
 * 4. **How close** a name is, as the door acts on it:
 *    - *exact*: the same words once normalised; a middle name one side leaves out is fine.
 *    - *short form*: the first name is a known short form of the other ("Johnny", "Bill" for
 *      William; `first-name-short-forms.ts`) and the surname is the same.
 *    - *part of the name*: it needs only part of the recorded name: one half of a double-barrelled
 *      surname ("Sarah Jones" for Sarah Smith-Jones) or a middle name used as the first name. People
 *      do go by these, but so do many others ("Mary Smith" is not rare): ID tells them apart.
 *    - *initial*: "J Smith" for John Smith (or Jane, or Jack).
 *    - *near spelling*: the same sound-alike key (`soundAlikeKey`: Smith/Smyth, Thompson/Thomson,
 *      Macdonald/McDonald, Khan/Kahn, Sara/Sarah), or a Damerau-Levenshtein distance (a letter
 *      added, dropped, changed or two swapped) within `nearSpellingAllowance` of the shorter word:
 *      none up to 4 letters, 1 for 5 to 7, 2 for 8 or more. None for short names because one letter
 *      is a quarter of the name and such pairs are mostly different names (Hall/Hill, Dean/Sean,
 *      Joan/John, Carl/Carol); their real variant spellings (Reid/Reed, Kahn/Khan) share a key.
 *      Known near misses that do ask for ID: Kevin/Devin, Louis/Louise, Daniel/Daniela, Maria/Marie.
 *    A name is only as close as its least close part ("Jon Smyth": short form and near spelling,
 *    so near spelling).
 * 5. **One word on its own**: a one-word restriction ("Dean", recorded with a description because
 *    nobody knew the surname, or an alias such as "Smithy") matches any name with that word in it,
 *    as the same word, a short form or a sound-alike spelling, but not merely a letter out (or an
 *    alias "Smithy" would catch every Smith). A one-word typed name matches only one-word names
 *    and aliases; otherwise it is too little to check (`nameCompleteness`).
 */

/** How close two names are, closest first. */
export type NameCloseness = 'exact' | 'short form' | 'part of the name' | 'initial' | 'near spelling';

/** Each closeness's place in order, closest (0) first. */
export const closenessRank: Readonly<Record<NameCloseness, number>> = {
  exact: 0,
  'short form': 1,
  'part of the name': 2,
  initial: 3,
  'near spelling': 4,
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

/** A word found through part of a name: what was exact or a short form is only part of the name. */
function throughPart(closeness: NameCloseness | undefined): NameCloseness | undefined {
  return closeness === 'exact' || closeness === 'short form' ? 'part of the name' : closeness;
}

/** One word (or one half of a double-barrelled word), with what comparing it needs, worked out once. */
export type NameWord = {
  readonly plain: string;
  readonly key: string;
  /** Short-form groups holding this spelling, and those holding anything with the same key. */
  readonly groups: readonly number[];
  readonly keyGroups: readonly number[];
};

/** A word as it stands in one name: whole, or one half of a hyphenated word. */
type NameForm = { readonly word: NameWord; readonly isPart: boolean };

/** A name read one way round: the first name, any middle words, the surname (each with its forms). */
type NameShape =
  | { readonly kind: 'single'; readonly forms: readonly NameForm[] }
  | {
      readonly kind: 'full';
      readonly first: readonly NameForm[];
      readonly middle: readonly NameForm[];
      readonly last: readonly NameForm[];
      /** Every word run together: "Smith-Jones" and "Smith Jones" are the same name. */
      readonly joined: string;
    };

/** A name ready to compare: the text as given, each way of reading it, and what was not a name. */
export type PreparedName = {
  readonly text: string;
  readonly shapes: readonly NameShape[];
  readonly leftOut: LeftOutOfName;
};

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

/** A hyphenated word's forms: the whole of it, then each part ("smithjones", "smith", "jones"). */
function formsOf(parts: readonly string[]): NameForm[] {
  const whole = { word: nameWord(parts.join('')), isPart: false };
  return parts.length > 1
    ? [whole, ...parts.map((part) => ({ word: nameWord(part), isPart: true }))]
    : [whole];
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
    joined: words.map((parts) => parts.join('')).join(''),
  };
}

const nothingLeftOut: LeftOutOfName = { organisation: false, otherWords: false };

/**
 * Reads a name once, so a list of thousands can be compared on every keystroke. With `asGiven`
 * (a name given at the door or typed as taking part in a contact), words that are not a person's
 * name are left out first, and a name without a comma is also read surname first.
 */
export function prepareName(text: string, options: { readonly asGiven?: boolean } = {}): PreparedName {
  const person = options.asGiven ? personPartOf(text) : { text, leftOut: nothingLeftOut };
  const nameText = person.text;
  const comma = nameText.indexOf(',');
  const surnameFirst = comma >= 0 ? withoutTitlesAndSuffixes(splitWords(nameText.slice(0, comma))) : [];
  const givenAfterComma = comma >= 0 ? withoutTitlesAndSuffixes(splitWords(nameText.slice(comma + 1))) : [];
  const shapes: NameShape[] = [];
  if (surnameFirst.length > 0 && givenAfterComma.length > 0) {
    // "Smith, John Paul": the words before the comma are all surname ("Smith Jones, Mary").
    const surname = surnameFirst.flat();
    const shape = shapeOf([...givenAfterComma, surname]);
    if (shape) shapes.push(shape);
    return { text, shapes, leftOut: person.leftOut };
  }
  const words = withoutTitlesAndSuffixes(splitWords(nameText.replace(/,/g, ' ')));
  const asWritten = shapeOf(words);
  if (asWritten) shapes.push(asWritten);
  const [firstWord, ...others] = words;
  if (options.asGiven && firstWord && others.length > 0) {
    const reordered = shapeOf([...others, firstWord]);
    if (reordered) shapes.push(reordered);
  }
  return { text, shapes, leftOut: person.leftOut };
}

/**
 * Is there enough of a person's name to check? A full name has a first name (or an initial) and a
 * surname of two letters or more; "one word" is a first name or a surname alone (or a surname that
 * is only an initial); "no name" is nothing left once organisations and role words are taken out.
 */
export function nameCompleteness(name: PreparedName): 'full' | 'one word' | 'no name' {
  // Judged as written: "Sarah K" is a first name and an initial, though read surname first it
  // would be an initial and a surname.
  const [asWritten] = name.shapes;
  if (!asWritten) return 'no name';
  const surname = asWritten.kind === 'full' ? (asWritten.last[0]?.word.plain ?? '') : '';
  return surname.length > 1 ? 'full' : 'one word';
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
  if (a.plain.length === 1 || b.plain.length === 1) return a.plain[0] === b.plain[0] ? 'initial' : undefined;
  if (sameGroup(a.groups, b.groups)) return 'short form';
  if (a.key === b.key) return 'near spelling';
  if (sameGroup(a.keyGroups, b.keyGroups)) return 'short form';
  return isNearSpelling(a, b) ? 'near spelling' : undefined;
}

/**
 * A one-word restriction name against any word of the name given: as `firstNameCloseness`, but a
 * near spelling must sound alike (same key), not just be a letter out, and an initial is not
 * enough. A one-word name is already a wide net (any word of the name may match it); letting
 * "Smithy" also catch anything a letter from it would flag every Smith at the door, and letting an
 * initial match it would flag every "S Khan".
 */
function oneWordCloseness(a: NameWord, b: NameWord): NameCloseness | undefined {
  const closeness = firstNameCloseness(a, b);
  if (closeness === 'initial') return undefined;
  return closeness === 'near spelling' && a.key !== b.key ? undefined : closeness;
}

/** Which slots of a name a comparison pairs, and whether the pairing itself uses only part of the name. */
type SlotPair = readonly [readonly NameForm[], readonly NameForm[], boolean];

function bestOf(
  pairs: readonly SlotPair[],
  compare: (a: NameWord, b: NameWord) => NameCloseness | undefined,
): NameCloseness | undefined {
  let best: NameCloseness | undefined;
  for (const [left, right, isThroughPart] of pairs) {
    for (const a of left) {
      for (const b of right) {
        const closeness = compare(a.word, b.word);
        best = closerOf(best, isThroughPart || a.isPart || b.isPart ? throughPart(closeness) : closeness);
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
    return bestOf([[everyWord, recorded.forms, false]], oneWordCloseness);
  }
  if (candidate.kind === 'single') return undefined;
  if (candidate.joined === recorded.joined) return 'exact';
  // The surname first: it rules out most names, so the first-name comparisons rarely run.
  const surname = bestOf(
    [
      [candidate.last, recorded.last, false],
      [candidate.last, recorded.middle, true],
      [candidate.middle, recorded.last, true],
    ],
    surnameCloseness,
  );
  if (surname === undefined) return undefined;
  const firstName = bestOf(
    [
      [candidate.first, recorded.first, false],
      [candidate.first, recorded.middle, true],
      [candidate.middle, recorded.first, true],
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

/** How long a typed surname may be and still look like one being typed (see `isStartOfName`). */
const unfinishedSurnameLetters = 4;

const startsLonger = (word: string, typed: string) =>
  typed.length > 0 &&
  typed.length <= unfinishedSurnameLetters &&
  word.length > typed.length &&
  word.startsWith(typed);

/**
 * Could `candidate` be the start of `recorded`, typed halfway ("Sarah Kh" for Sarah Khan)? The
 * first name agrees and the surname so far (up to 4 letters) is the start of the recorded one. The
 * door holds back its "no restrictions found" while this is so: half a barred name is not a clear
 * name. Up to 4 letters only, or "John Smith" would look unfinished beside a barred John Smithson;
 * a short real surname ("John Li" beside a Lindsay) is asked to be typed in full, and may still be
 * signed in.
 */
export function isStartOfName(candidate: PreparedName, recorded: PreparedName): boolean {
  const [shape] = candidate.shapes;
  if (shape?.kind !== 'full') return false;
  return recorded.shapes.some((recordedShape) => {
    if (recordedShape.kind !== 'full') return false;
    const typedSurname = shape.last[0]?.word.plain ?? '';
    const isStart = [...recordedShape.last, ...recordedShape.middle].some((form) =>
      startsLonger(form.word.plain, typedSurname),
    );
    if (!isStart) return false;
    return bestOf([[shape.first, recordedShape.first, false]], firstNameCloseness) !== undefined;
  });
}

/**
 * Names filed by the words that could be their surname, so that a check against thousands of
 * names compares the typed surname with each distinct word once and then looks closely only at the
 * names that share one. It never drops a name that `compareNames` would match: a match between two
 * names of two or more words always needs a surname-side word (last or middle) on each side to
 * match, or the whole names run together to be the same ("John Smithjones" and "John Smith Jones",
 * filed by that too); one-word names are always looked at.
 */
export type NameLookup<T> = {
  readonly bySurnameWord: ReadonlyMap<string, { readonly word: NameWord; readonly values: readonly T[] }>;
  readonly oneWord: readonly T[];
  readonly byJoined: ReadonlyMap<string, readonly T[]>;
};

function surnameSideWords(name: PreparedName): NameWord[] {
  return name.shapes.flatMap((shape) =>
    shape.kind === 'full' ? [...shape.last, ...shape.middle].map((form) => form.word) : [],
  );
}

export function nameLookup<T>(entries: readonly (readonly [PreparedName, T])[]): NameLookup<T> {
  const bySurnameWord = new Map<string, { word: NameWord; values: T[] }>();
  const byJoined = new Map<string, T[]>();
  const oneWord: T[] = [];
  for (const [name, value] of entries) {
    if (name.shapes.some((shape) => shape.kind === 'single')) oneWord.push(value);
    for (const word of surnameSideWords(name)) {
      const filed = bySurnameWord.get(word.plain) ?? { word, values: [] };
      if (!filed.values.includes(value)) filed.values.push(value);
      bySurnameWord.set(word.plain, filed);
    }
    for (const shape of name.shapes) {
      if (shape.kind !== 'full') continue;
      const filed = byJoined.get(shape.joined) ?? [];
      if (!filed.includes(value)) filed.push(value);
      byJoined.set(shape.joined, filed);
    }
  }
  return { bySurnameWord, oneWord, byJoined };
}

/** Every value whose name might match `candidate` (a superset: run `compareNames` on each). */
export function possibleMatches<T>(lookup: NameLookup<T>, candidate: PreparedName): Set<T> {
  const found = new Set<T>(lookup.oneWord);
  for (const shape of candidate.shapes) {
    if (shape.kind !== 'full') continue;
    for (const value of lookup.byJoined.get(shape.joined) ?? []) found.add(value);
  }
  const candidateWords = [...new Map(surnameSideWords(candidate).map((word) => [word.plain, word])).values()];
  if (candidateWords.length === 0) return found;
  for (const { word, values } of lookup.bySurnameWord.values()) {
    if (candidateWords.some((candidateWord) => surnameCloseness(candidateWord, word) !== undefined)) {
      for (const value of values) found.add(value);
    }
  }
  return found;
}

/** Every value whose name `candidate` might be the start of (for `isStartOfName`). */
export function possibleStarts<T>(lookup: NameLookup<T>, candidate: PreparedName): Set<T> {
  const found = new Set<T>();
  const [shape] = candidate.shapes;
  const typed = shape?.kind === 'full' ? (shape.last[0]?.word.plain ?? '') : '';
  for (const [plain, { values }] of lookup.bySurnameWord) {
    if (startsLonger(plain, typed)) for (const value of values) found.add(value);
  }
  return found;
}
