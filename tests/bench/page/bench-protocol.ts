/**
 * What the benchmark page and its runner say to each other. Types only, with no DOM or Node
 * dependency, so both the browser bundle and the Node runner can import them.
 */

/** One line of `npm run bench` output. */
export type BenchResult = {
  readonly name: string;
  readonly n: number;
  readonly median_ms: number;
  readonly floor_ms: number;
  readonly ratio: number;
  /** The 95th percentile of the runs, where a target is set on it. */
  readonly p95_ms?: number;
};

/** What the page puts on `globalThis.familyLinksBench`. */
export type BenchPage = { readonly names: readonly string[]; run(name: string): Promise<BenchResult> };
