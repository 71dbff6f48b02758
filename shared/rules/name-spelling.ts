/**
 * Spelling tools for comparing names (used by `name-matching.ts`, where the policy and its
 * thresholds are explained): normalising what never tells two people apart, a sound-alike key for
 * British names, and an edit distance. Written for this app, not taken from a library: the key is
 * tuned so that spellings of one name meet and different names stay apart.
 */

/** How many single-letter edits still count as a near spelling, for the shorter name's length. */
export function nearSpellingAllowance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** Letters that NFKD leaves whole, with the plain letters an English keyboard would type. */
const plainLetters: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Lower case, plain letters, no apostrophes, every kind of hyphen as "-": "JÖHN o’Brien–Smith" →
 * "john obrien-smith". Most names are plain ASCII, so the Unicode work is skipped for them (this
 * runs over the whole register when the index is built).
 */
export function plainNameText(text: string): string {
  const decomposed = /^[\x20-\x7e]*$/.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[ßæœøłđðþı]/g, (letter) => plainLetters[letter] ?? letter)
        .replace(/[‐‑‒–—]/g, '-');
  return decomposed.replace(/['’‘`´ʼ]/g, '');
}

/** Lower case, plain letters, single spaces: "  JÖHN  o’Brien-Smith " → "john obrien smith". */
export function normaliseName(text: string): string {
  return plainNameText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A sound-alike key for one word of a British name: spellings that sound the same get the same key
 * (Smith/Smyth, Thompson/Thomson, Macdonald/McDonald, Phillips/Philips, Reid/Reed/Read, Gray/Grey,
 * Kay/Kaye, Clark/Clarke, Leigh/Lee, Khan/Kahn, Jhon/John, Vicky/Vicki/Vickie), while names that sound
 * different keep different keys (Hall/Hale, Ross/Rose, Dean/Sean, Joan/John). Unlike Soundex, it
 * keeps the vowels: Soundex gives Smith and Smoot, or Roy and Ray, the same code, which would cry wolf.
 * Each step is one English spelling habit; the order matters (silent letters go before doubles collapse).
 */
export function soundAlikeKey(word: string): string {
  let key = word.replace(/[^a-z]/g, '');
  if (key.length === 0) return word;
  key = key
    // Mac and Mc are one prefix (but not "Mack" or "Macey", where the letters are the name).
    .replace(/^mac(?=[^aeiou][a-z]{2})/, 'mc')
    // Silent first letters: Knight, Wright, Whyte, Psmith, Gnome.
    .replace(/^kn/, 'n')
    .replace(/^wr/, 'r')
    .replace(/^wh/, 'w')
    .replace(/^ps/, 's')
    .replace(/^gn/, 'n')
    // Consonants spelt more than one way.
    .replace(/tch/g, 'ch')
    .replace(/sch/g, 'sk')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/dg(?=[eiy])/g, 'j')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/z/g, 's')
    .replace(/(?<=.)gh/g, '')
    .replace(/mps/g, 'ms')
    .replace(/mb$/, 'm')
    // A silent h (John, Sarah, Khan), kept where it makes a sound with the letter before (ch, sh, th).
    .replace(/(?<=.)(?<![cst])h/g, '')
    // Doubled consonants sound single (Phillips, Kelly).
    .replace(/([^aeiou])\1+/g, '$1');
  key = key.replace(/(aye|ae)$/, 'ay');
  // A final "ey" says "ay" in a short name (Grey, Frey) but "ee" in a longer one (Lesley, Kelley).
  if (key.length <= 4) key = key.replace(/ey$/, 'ay');
  key = key
    // A silent final e after two consonants (Clarke, Browne, Wilde, Smithe); after one it changes the
    // vowel (Hale is not Hall), so it stays.
    .replace(/(?<=[^aeiouy][^aeiouy])e$/, '')
    // The "ee" sound at the end: Lesley/Leslie, Vicky/Vicki, Lee/Leigh/Li.
    .replace(/(ie|ey|ee|ei|ea)$/, 'ee')
    .replace(/(?<=[^aeiou])[yi]$/, 'ee')
    // ... and inside: Reid/Reed/Read, Neil/Neal.
    .replace(/(ea|ie|ei)/g, 'ee')
    .replace(/y/g, 'i');
  return key.length > 0 ? key : word;
}

/**
 * The optimal-string-alignment form of the Damerau-Levenshtein distance: letters added, dropped or
 * changed, and two neighbours swapped ("Jhon"), each counting one. Stops early and returns
 * `limit + 1` once the distance must exceed `limit`, because the check only asks "within the
 * allowance?" and runs on every keystroke.
 */
export function damerauLevenshtein(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  // Three rows are all the algorithm looks back at; kept between calls, because this runs thousands
  // of times a keystroke and fresh arrays each time would be most of the cost.
  const [beforePrevious, previous, current] = rowsFor(width);
  let rows = [beforePrevious, previous, current] as const;
  for (let j = 0; j < width; j += 1) rows[1][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const [older, above, row] = rows;
    row[0] = i;
    let rowMinimum = i;
    for (let j = 1; j < width; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (older[j - 2] ?? 0) + 1);
      row[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    if (rowMinimum > limit) return limit + 1;
    rows = [above, row, older];
  }
  return rows[1][b.length] ?? 0;
}

let scratch: readonly [Int32Array, Int32Array, Int32Array] = [
  new Int32Array(64),
  new Int32Array(64),
  new Int32Array(64),
];

function rowsFor(width: number): readonly [Int32Array, Int32Array, Int32Array] {
  if (scratch[0].length < width)
    scratch = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  return scratch;
}
