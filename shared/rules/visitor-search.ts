import { normaliseName } from './name-spelling';

/**
 * Finding past visitors as a name is typed. Visitor names are sealed on disk, so the register is
 * searched in memory: an index of names, newest visit first, built once per signed-in session and
 * dropped with the session's keys. Nothing searchable is ever written to disk. A keystroke only
 * scans memory; the full entry is opened when the person picks one.
 *
 * Matching: every word typed must be the start of some word of the visitor's name, in any order,
 * ignoring case, accents and punctuation ("smi jo" finds "John Smith"; "o'br" finds "O'Brien").
 * Entries that a correction replaced are left out: the correction is found instead.
 */
export type VisitorSearchEntry = {
  readonly id: string;
  readonly visitorName: string;
  readonly arrivedAt: string;
  readonly amendsEntryId?: string | undefined;
};

/** What a search returns: enough to show a suggestion; open the entry itself for the rest. */
export type VisitorSearchHit = {
  readonly id: string;
  readonly visitorName: string;
  readonly arrivedAt: string;
};

export type VisitorSearchIndex = {
  /** Newest first. Each text is " word word " so a word start is found as " " + prefix. */
  readonly hits: VisitorSearchHit[];
  readonly texts: string[];
  /** Entries a correction replaced. */
  readonly superseded: Set<string>;
};

const newestFirst = (a: VisitorSearchEntry, b: VisitorSearchEntry) =>
  a.arrivedAt < b.arrivedAt ? 1 : a.arrivedAt > b.arrivedAt ? -1 : 0;

export function buildVisitorSearchIndex(entries: readonly VisitorSearchEntry[]): VisitorSearchIndex {
  const sorted = [...entries].sort(newestFirst);
  return {
    hits: sorted.map((entry) => ({
      id: entry.id,
      visitorName: entry.visitorName,
      arrivedAt: entry.arrivedAt,
    })),
    texts: sorted.map((entry) => ` ${normaliseName(entry.visitorName)} `),
    superseded: new Set(entries.flatMap((entry) => (entry.amendsEntryId ? [entry.amendsEntryId] : []))),
  };
}

/** Adds a new entry or correction at the front (a visitor just signed in is the newest). */
export function addToVisitorSearchIndex(index: VisitorSearchIndex, entry: VisitorSearchEntry): void {
  index.hits.unshift({ id: entry.id, visitorName: entry.visitorName, arrivedAt: entry.arrivedAt });
  index.texts.unshift(` ${normaliseName(entry.visitorName)} `);
  if (entry.amendsEntryId) index.superseded.add(entry.amendsEntryId);
}

/** Up to `limit` entries whose name matches every word typed, newest visit first. */
export function searchVisitors(index: VisitorSearchIndex, query: string, limit = 20): VisitorSearchHit[] {
  const words = normaliseName(query)
    .split(' ')
    .filter(Boolean)
    .map((word) => ` ${word}`);
  if (words.length === 0) return [];
  const found: VisitorSearchHit[] = [];
  for (let position = 0; position < index.texts.length && found.length < limit; position += 1) {
    const text = index.texts[position] ?? '';
    const hit = index.hits[position];
    if (hit && words.every((word) => text.includes(word)) && !index.superseded.has(hit.id)) found.push(hit);
  }
  return found;
}
