import { generateHome, type GeneratedHome } from '../../fixtures/generate-home';
import type { FixtureStart } from './app-driver';
import type { SeedSummary } from './seed-summary';

/**
 * The home the seeder loaded, generated again in the spec to name its people and records: the
 * generator gives the same home for the same options, so `start` must be what was seeded, and the
 * end date the seeder's own (its "today").
 */
export function seededHome(
  summary: Pick<SeedSummary, 'endDate'>,
  start: FixtureStart = { size: 'small', seed: 1 },
): GeneratedHome {
  return generateHome({ ...start, endDate: summary.endDate });
}
