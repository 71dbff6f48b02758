import type { BenchResult } from './bench-protocol';

/** The value below which 95 in 100 of the timings fall (nearest rank). */
export function percentile95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

/**
 * What a person types, one keystroke at a time: every prefix (from two letters) of each name, so a
 * benchmark times the work done on each keystroke, as the door and the register screens do it.
 */
export function keystrokes(names: readonly string[]): string[] {
  return names.flatMap((name) =>
    Array.from({ length: Math.max(0, name.length - 1) }, (_, index) => name.slice(0, index + 2)),
  );
}

/** A keystroke benchmark's line: p95 of the app's timings beside the median of the bare reads. */
export function keystrokeResult(
  name: string,
  n: number,
  timings: readonly number[],
  floor: number,
): BenchResult {
  const round = (value: number) => Math.round(value * 100) / 100;
  const p95 = percentile95(timings);
  // Three significant figures for the ratio: a keystroke can cost a small fraction of the floor.
  return {
    name,
    n,
    median_ms: round(p95),
    floor_ms: round(floor),
    ratio: Number((p95 / floor).toPrecision(3)),
  };
}
