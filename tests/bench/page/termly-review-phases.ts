import { contactFormSchema } from '@shared/schemas/contact-forms';
import { youngPersonSchema } from '@shared/schemas/people';
import { visitSchema } from '@shared/schemas/visits';
import { reviewOverviewSummarySchema } from '@shared/schemas/review-summary';
import { reviewSummaryId } from '@shared/rules/review-summary-keys';
import { displayName } from '@shared/display-names';
import { rowBinding } from '../../../renderer/src/db/row-binding';
import type { SealedBox } from '../../../renderer/src/db/encryption/record-cipher';
import { reviewWorkings } from '../../../renderer/src/db/repositories/review-workings';
import { visitReadPlan } from '../../../renderer/src/db/repositories/review-read-plan';
import { youngPersonCodec } from '../../../renderer/src/db/repositories/young-people-repository';
import { progress } from './bench-timing';
import type { ReviewHome } from './termly-review-benchmark';

type Sealed = { readonly sealed: SealedBox; readonly [key: string]: unknown };

async function timedPhase<T>(
  phases: Map<string, number>,
  name: string,
  task: () => Promise<T> | T,
): Promise<T> {
  const started = performance.now();
  const value = await task();
  phases.set(name, (phases.get(name) ?? 0) + performance.now() - started);
  return value;
}

function printed(name: string, phases: ReadonlyMap<string, number>): void {
  progress(`${name} phases: ${[...phases].map(([phase, ms]) => `${phase} ${ms.toFixed(1)} ms`).join(', ')}`);
}

/** Opens each row's sealed part (AES-GCM and JSON) without parsing it, in parallel. */
function openAll(state: ReviewHome, table: string, rows: readonly Sealed[]): Promise<unknown[]> {
  return Promise.all(
    rows.map(({ sealed, ...clear }) => state.session.cipher.open(rowBinding(table, clear), sealed)),
  );
}

/**
 * Where the stored overview's time goes the first time this session shows it, each phase on its
 * own, one after another (the app overlaps some of them): reading the rows, decrypting them (of
 * a summary, its overview part only, as the overview does), parsing them with their schemas, and
 * sorting the young people by name. Printed to stderr once, before the timed runs (which show it
 * again, so the summaries opened before are not reopened).
 */
export async function printStoredPhases(state: ReviewHome): Promise<void> {
  const phases = new Map<string, number>();
  const { db } = state;
  const [people, summaries] = await timedPhase(phases, 'read', () =>
    Promise.all([
      db.youngPeople.toArray(),
      db.reviewSummaries.bulkGet(
        state.youngPersonIds.map((id) => reviewSummaryId(id, state.year.id, state.termName)),
      ),
    ]),
  );
  const summaryRows = summaries.filter((row) => row !== undefined && 'sealed' in row);
  const [openPeople, openSummaries] = await timedPhase(phases, 'decrypt', () =>
    Promise.all([
      openAll(state, 'youngPeople', people as unknown as Sealed[]),
      Promise.all(
        summaryRows.map((row) => state.session.cipher.open(`reviewSummaries:${row.id}`, row.sealed)),
      ),
    ]),
  );
  const parsedPeople = await timedPhase(phases, 'parse young people', () =>
    openPeople.map((secret, index) =>
      youngPersonSchema.parse({ ...(secret as object), id: people[index]?.id }),
    ),
  );
  await timedPhase(phases, 'parse summaries', () =>
    openSummaries.map((overview, index) => {
      const { sealed: _sealed, sealedWhole: _whole, ...plain } = summaryRows[index] as Sealed;
      return reviewOverviewSummarySchema.parse({ ...plain, overview });
    }),
  );
  await timedPhase(phases, 'sort by name', () =>
    [...parsedPeople].sort((a, b) => displayName(a).localeCompare(displayName(b), 'en-GB')),
  );
  printed('termly-overview-50', phases);
}

/**
 * Where the cold overview's time goes, each phase on its own: reading the year's forms and visits
 * for the 50, decrypting them, parsing them whole (as `decode` would), and the app's whole working
 * out (`reviewsFor`: the same reads, each form and visit parsed for the rules' fields, the rules).
 */
export async function printColdPhases(state: ReviewHome): Promise<void> {
  const phases = new Map<string, number>();
  const ids = new Set(state.youngPersonIds);
  const workings = reviewWorkings(state.db);
  const { forms, visits } = await timedPhase(phases, 'read forms and visits', () =>
    workings.reviewInputRows(ids, state.range, visitReadPlan(ids.size, ids.size)),
  );
  const [openForms, openVisits] = await timedPhase(phases, 'decrypt', () =>
    Promise.all([
      openAll(state, 'contactForms', forms as unknown as Sealed[]),
      openAll(state, 'visits', visits as unknown as Sealed[]),
    ]),
  );
  await timedPhase(phases, 'parse', () => {
    openForms.forEach((secret, index) => {
      const { sealed: _sealed, sealFormat: _format, ...plain } = forms[index] as unknown as Sealed;
      contactFormSchema.parse({ ...(secret as object), ...plain });
    });
    openVisits.forEach((secret, index) => {
      const { sealed: _sealed, sealFormat: _format, ...plain } = visits[index] as unknown as Sealed;
      visitSchema.parse({ ...(secret as object), ...plain });
    });
  });
  const people = await Promise.all(
    (await state.db.youngPeople.toArray()).map((row) => youngPersonCodec.decode(row, state.session.cipher)),
  );
  const started = performance.now();
  const worked = await workings.reviewsFor(state.session, people, state.year, state.termIndex, state.now, {});
  phases.set('whole working out (read, open, rules)', performance.now() - started);
  progress(
    `termly-overview-50-cold: ${forms.length} forms, ${visits.length} visits, ${worked.length} reviews`,
  );
  printed('termly-overview-50-cold', phases);
}
