import type { Table } from 'dexie';
import type { AcademicYear } from '@shared/schemas/academic-year';
import { addDays, dayStartMs, mondayOf } from '@shared/home-time';

/*
 * How the termly review reads its rows: which visits a batch reads, the dates a term's reads
 * cover (shared with the benchmarks, so their bare reads cover the same rows), and the row helpers
 * `review-workings.ts` reads through.
 */

const dayMs = 86_400_000;

/**
 * How a batch of reviews finds its visits. A visit can be for several young people, so no index
 * holds young person and start together. `byYoungPerson` reads the keys of the visits in the date
 * range and of each young person's visits (every year's), then the rows in both, one request a
 * row: only their rows are read. `range` reads every row in the date range in one request and
 * keeps theirs by the plain `youngPersonIds`. On the large home (50 young people), the year's
 * 3,176 visits took 42 to 48 ms as a range against 250 to 340 ms by young person (the keys alone
 * about 100 ms): about 13 microseconds a row in range against 60 a row by key, with 3.5 a key.
 */
export type VisitReadPlan = 'byYoungPerson' | 'range';

/**
 * The range read for two or more young people who are at least a tenth of the home's: at about a
 * tenth the two reads cost the same (figures above), and above it the range is cheaper. One young
 * person's review reads their own rows only.
 */
export function visitReadPlan(asked: number, youngPeopleInHome: number): VisitReadPlan {
  return asked > 1 && asked * 10 >= youngPeopleInHome ? 'range' : 'byYoungPerson';
}

/**
 * The contact-end range the review reads for a term: from the Monday of the year's first week (a
 * parent update that week counts) to the day after the term's end (a contact that ends after
 * midnight). Visits are read from a day earlier, by their start. Exported for the benchmark, so
 * its bare read covers exactly the same rows.
 */
export function reviewReadRange(
  year: AcademicYear,
  termIndex: number,
  timeZone: string,
): { from: string; to: string; visitsFrom: string } {
  const first = year.terms[0];
  const term = year.terms[termIndex];
  if (!first || !term) throw new RangeError(`The year ${year.label} has no term ${termIndex}`);
  const fromMs = dayStartMs(mondayOf(first.startsOn), timeZone);
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(dayStartMs(addDays(term.endsOn, 1), timeZone) + dayMs).toISOString(),
    visitsFrom: new Date(fromMs - dayMs).toISOString(),
  };
}

/**
 * Every row of `table` for these young people, by its `youngPersonId` index: one read of each
 * young person's range, all under way at once. Dexie's `anyOf` over the same keys steps a cursor
 * row by row, an event each; a range read is one request returning every row, and on the large
 * home took half the time or less for the same rows. Each young person's rows come in key order,
 * as `anyOf` gives them.
 */
export async function rowsOfEach<Row>(table: Table<Row, string>, ids: ReadonlySet<string>): Promise<Row[]> {
  const parts = await Promise.all([...ids].map((id) => table.where('youngPersonId').equals(id).toArray()));
  return parts.flat();
}

/** Opens each part's rows as soon as the part is read; the records in the parts' order. */
export async function openAsRead<Row, Opened>(
  parts: readonly Promise<Row[]>[],
  open: (row: Row) => Promise<Opened>,
): Promise<Opened[]> {
  const opened = await Promise.all(parts.map(async (part) => Promise.all((await part).map(open))));
  return opened.flat();
}

export function groupBy<Item>(
  items: readonly Item[],
  keysOf: (item: Item) => readonly string[],
): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
