import { normaliseName } from './name-spelling';

/**
 * Finding past visitors as a name is typed. Visitor names are sealed on disk, so the register is
 * searched in memory: an index of normalised names, newest visit first, built once per signed-in
 * session and dropped with the session's keys. Nothing searchable is ever written to disk.
 *
 * Matching: every word typed must be the start of some word of the visitor's name, in any order,
 * ignoring case, accents and punctuation ("smi jo" finds "John Smith"; "o'br" finds "O'Brien").
 */
export type VisitorSearchEntry = { readonly id: string; readonly visitorName: string; readonly arrivedAt: string };

export type VisitorSearchIndex = {
  /** Newest first. Each text is " word word " so a word start is found as " " + prefix. */
  readonly ids: string[];
  readonly texts: string[];
};

export function buildVisitorSearchIndex(entries: readonly VisitorSearchEntry[]): VisitorSearchIndex {
  const sorted = [...entries].sort((a, b) => (a.arrivedAt < b.arrivedAt ? 1 : a.arrivedAt > b.arrivedAt ? -1 : 0));
  return { ids: sorted.map((entry) => entry.id), texts: sorted.map((entry) => ` ${normaliseName(entry.visitorName)} `) };
}

/** Adds a new entry at the front (a visitor just signed in is the newest). */
export function addToVisitorSearchIndex(index: VisitorSearchIndex, entry: VisitorSearchEntry): void {
  index.ids.unshift(entry.id);
  index.texts.unshift(` ${normaliseName(entry.visitorName)} `);
}

/** The ids of up to `limit` entries whose name matches every word typed, newest first. */
export function searchVisitors(index: VisitorSearchIndex, query: string, limit = 50): string[] {
  const words = normaliseName(query).split(' ').filter(Boolean).map((word) => ` ${word}`);
  if (words.length === 0) return [];
  const found: string[] = [];
  for (let position = 0; position < index.texts.length && found.length < limit; position += 1) {
    const text = index.texts[position] ?? '';
    if (words.every((word) => text.includes(word))) found.push(index.ids[position] ?? '');
  }
  return found;
}
