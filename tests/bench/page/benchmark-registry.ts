import type { BenchResult } from './bench-protocol';
import { benchResult, progress } from './bench-timing';

/**
 * One benchmark: the app's code path and the bare IndexedDB operation on the same rows (the
 * floor), each timed by the benchmark itself so that untimed preparation (a fresh database, a
 * deleted one) stays out of the numbers. Runs and floors alternate, so both see the same state of
 * the machine; the result is the median of each.
 *
 * To add one: write a `defineBenchmark({...})` in its own file and list it in bench-entry.ts.
 */
export type Benchmark<State> = {
  readonly name: string;
  readonly repetitions: number;
  setup(context: BenchContext): Promise<State>;
  /** One timed pass through the app's code: how long it took and how many rows it handled. */
  run(state: State, repetition: number): Promise<{ ms: number; n: number }>;
  /** The same rows through bare IndexedDB: how long that took. */
  floor(state: State, repetition: number): Promise<number>;
  /** After the last repetition; may leave things in `context` for later benchmarks. */
  teardown?(state: State, context: BenchContext): Promise<void>;
};

/** What benchmarks share in one page: expensive things made once (the large home, a loaded database). */
export type BenchContext = Map<string, unknown>;

export type RegisteredBenchmark = {
  readonly name: string;
  execute(context: BenchContext): Promise<BenchResult>;
};

export function defineBenchmark<State>(benchmark: Benchmark<State>): RegisteredBenchmark {
  return {
    name: benchmark.name,
    async execute(context) {
      progress(`${benchmark.name}: setting up`);
      const state = await benchmark.setup(context);
      const runs: number[] = [];
      const floors: number[] = [];
      let n = 0;
      try {
        for (let repetition = 0; repetition < benchmark.repetitions; repetition += 1) {
          const run = await benchmark.run(state, repetition);
          runs.push(run.ms);
          n = run.n;
          floors.push(await benchmark.floor(state, repetition));
          progress(
            `${benchmark.name}: ${repetition + 1}/${benchmark.repetitions} run ${run.ms.toFixed(1)} ms, floor ${floors[floors.length - 1]?.toFixed(1)} ms`,
          );
        }
      } finally {
        await benchmark.teardown?.(state, context);
      }
      return benchResult(benchmark.name, n, runs, floors);
    },
  };
}

/** Something made once per page and shared by every benchmark that asks for it under `key`. */
export async function shared<T>(context: BenchContext, key: string, make: () => Promise<T>): Promise<T> {
  if (!context.has(key)) context.set(key, make());
  return (await context.get(key)) as T;
}
