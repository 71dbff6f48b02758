/**
 * Where a backup's or a restore's time goes, phase by phase (reading, serialising, sealing,
 * decrypting, writing, reading back, digesting), for the benchmark that prints it. Off unless
 * something hands it a map to fill: then each phase costs one branch.
 *
 * Phases that overlap (a chunk decrypted while the one before is written) are each counted in
 * full, so the totals can add up to more than the time the whole took.
 */
export type PhaseTotals = Map<string, number>;

let totals: PhaseTotals | undefined;

/** Starts adding phase times to `into` (a fresh map), or stops with `undefined`. */
export function recordPhases(into: PhaseTotals | undefined): void {
  totals = into;
}

function add(name: string, started: number): void {
  totals?.set(name, (totals.get(name) ?? 0) + performance.now() - started);
}

/** Counts `ms` under `name` (work timed elsewhere, such as in a worker) when phases are being recorded. */
export function addPhase(name: string, ms: number): void {
  totals?.set(name, (totals.get(name) ?? 0) + ms);
}

/** Runs `task`, counting its time under `name` when phases are being recorded. */
export async function phase<T>(name: string, task: () => Promise<T>): Promise<T> {
  if (!totals) return task();
  const started = performance.now();
  try {
    return await task();
  } finally {
    add(name, started);
  }
}

/** `phase` for work that does not wait. */
export function phaseSync<T>(name: string, task: () => T): T {
  if (!totals) return task();
  const started = performance.now();
  try {
    return task();
  } finally {
    add(name, started);
  }
}
