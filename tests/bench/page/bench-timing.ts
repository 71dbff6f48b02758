import type { BenchResult } from './bench-protocol';

/** The middle value (the mean of the two middle ones for an even count): robust to a stray slow run. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** Milliseconds `task` took, by the page's monotonic clock. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export function benchResult(
  name: string,
  n: number,
  runs: readonly number[],
  floors: readonly number[],
): BenchResult {
  const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
  const median_ms = median(runs);
  const floor_ms = median(floors);
  return {
    name,
    n,
    median_ms: round(median_ms, 1),
    floor_ms: round(floor_ms, 1),
    ratio: round(median_ms / floor_ms, 2),
    p95_ms: round(percentile(runs, 0.95), 1),
  };
}

/** The value below which `fraction` of `values` fall (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN
  );
}

/** Progress for the person watching: the runner copies the page's console to stderr. */
export function progress(message: string): void {
  console.info(`[bench] ${message}`);
}

/** Milliseconds `task` took, and the count it returns (rows read, items shown). */
export async function timedCount(task: () => Promise<number>): Promise<{ ms: number; n: number }> {
  let n = 0;
  const ms = await timed(async () => {
    n = await task();
  });
  return { ms, n };
}
