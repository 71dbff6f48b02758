import type { BenchContext, RegisteredBenchmark } from './benchmark-registry';
import type { BenchPage } from './bench-protocol';
import { fixtureLoadLarge } from './fixture-load-benchmark';
import { visitorLogTermRead } from './visitor-log-read-benchmark';
import { keyDerivation } from './key-derivation-benchmark';
import { doorCheckP95 } from './door-check-benchmark';
import { visitorSearchP95 } from './visitor-search-benchmark';
import { owedForms } from './owed-forms-benchmark';
import { contactFormsList } from './contact-forms-list-benchmark';
import { chronology10y } from './chronology-benchmark';
import { myYoungPeople } from './my-young-people-benchmark';
import { visitConflictCheckP95 } from './visit-conflict-benchmark';
import { dayView72, monthView500, weekView500 } from './week-view-benchmark';
import { backupLarge, restoreLarge } from './backup-benchmark';
import {
  termlyOverview50,
  termlyOverview50Cold,
  termlyOverview50OneChanged,
} from './termly-review-benchmark';
import { termlyTrend, termlyTrendCold } from './termly-trend-benchmark';
import { auditLogFilteredPage } from './audit-log-filter-benchmark';

/**
 * The benchmark page's entry, bundled for the browser by run-benchmarks.ts. Benchmarks run in
 * this order, and later ones reuse what earlier ones made (the load leaves its database for the
 * reads). Add new ones to the list. The termly overviews come last: they stretch the loaded
 * home's placements, which no other benchmark should see.
 */
const benchmarks: readonly RegisteredBenchmark[] = [
  fixtureLoadLarge,
  visitorLogTermRead,
  keyDerivation,
  doorCheckP95,
  visitorSearchP95,
  owedForms,
  contactFormsList,
  auditLogFilteredPage,
  chronology10y,
  myYoungPeople,
  visitConflictCheckP95,
  weekView500,
  dayView72,
  monthView500,
  backupLarge,
  restoreLarge,
  termlyOverview50,
  termlyOverview50Cold,
  termlyOverview50OneChanged,
  termlyTrend,
  termlyTrendCold,
];

const context: BenchContext = new Map();

declare global {
  var familyLinksBench: BenchPage | undefined;
}

globalThis.familyLinksBench = {
  names: benchmarks.map((benchmark) => benchmark.name),
  run(name) {
    const benchmark = benchmarks.find((candidate) => candidate.name === name);
    if (!benchmark) return Promise.reject(new Error(`No benchmark called ${name}`));
    return benchmark.execute(context);
  },
};
