import { plainNameText } from './name-spelling';
import { connectingWords, organisationWords, roleWords } from './non-name-words';

/**
 * Reading a name into its words, for `name-matching.ts`: titles, generation suffixes, particles,
 * hyphens, and (for a name typed at the door) the words that are not a person's name at all.
 */

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
 * The words of a name, in the order to read it, each as its hyphen parts: "Mary Ann Smith-Jones"
 * → [["mary"], ["ann"], ["smith", "jones"]]. Particles are joined to the word after them.
 */
export function splitWords(segment: string): string[][] {
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

/** Drops titles from the front and generation suffixes from the end, never the last word left. */
export function withoutTitlesAndSuffixes(words: string[][]): string[][] {
  const isOneOf = (set: Set<string>, word: string[] | undefined) =>
    word !== undefined && word.length === 1 && set.has(word[0] ?? '');
  let start = 0;
  let end = words.length;
  while (start < end - 1 && isOneOf(titles, words[start])) start += 1;
  while (end - 1 > start && isOneOf(suffixes, words[end - 1])) end -= 1;
  return words.slice(start, end);
}

/** What was taken out of a typed name because it is not a person's name. */
export type LeftOutOfName = {
  /** An organisation's name ("Leeds City Council", "Acme Ltd"). */
  readonly organisation: boolean;
  /** Words for a role or a relationship ("courier", "mum"), or what followed "from" or "at". */
  readonly otherWords: boolean;
};

const plainWordsOf = (text: string) =>
  plainNameText(text)
    .split(/[^a-z0-9-]+/)
    .filter((word) => word.length > 0);

/**
 * The part of a name typed at the door that is a person's name: "Williams Jonas Ltd courier" has
 * none; "Dave Brown from Acme Ltd (gas engineer)" is "Dave Brown"; "Smith, John" keeps its comma.
 * See `non-name-words.ts` for the words and why they were chosen.
 *
 * - Anything in brackets is a note about the person, not their name.
 * - After a connecting word ("from", "of", "at", "for", "with", "via", "on") the rest of that part
 *   says where they are from, once some words have come before it.
 * - A part (between commas, semicolons, slashes or a spaced dash) that holds an organisation word is
 *   an organisation's name, all of it: "Williams Jonas Ltd" is a company, not William Jones.
 * - Role and relationship words are dropped wherever they are.
 */
export function personPartOf(text: string): { readonly text: string; readonly leftOut: LeftOutOfName } {
  let organisation = false;
  let otherWords = false;
  const withoutNotes = text.replace(/\([^)]*\)?|\[[^\]]*\]?/g, () => {
    otherWords = true;
    return ' ';
  });
  const commaParts = withoutNotes.split(',').map((commaPart) => {
    const kept: string[] = [];
    for (const part of commaPart.split(/[;/|]|\s[-–—]\s/)) {
      const words = plainWordsOf(part);
      const connector = words.findIndex((word, index) => index > 0 && connectingWords.has(word));
      const beforeConnector = connector > 0 ? words.slice(0, connector) : words;
      if (connector > 0) otherWords = true;
      if (words.slice(Math.max(connector, 0)).some((word) => organisationWords.has(word)))
        organisation = true;
      if (beforeConnector.some((word) => organisationWords.has(word))) continue;
      const named = beforeConnector.filter((word) => !roleWords.has(word));
      if (named.length < beforeConnector.length) otherWords = true;
      kept.push(named.join(' '));
    }
    return kept.join(' ').trim();
  });
  const nonEmpty = commaParts.filter((part) => part.length > 0);
  return { text: nonEmpty.join(', '), leftOut: { organisation, otherWords } };
}
