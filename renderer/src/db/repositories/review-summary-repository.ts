import type { TermName } from '@shared/schemas/academic-year';
import { reviewRulesVersion, reviewSummaryId, reviewSummarySchema, type ReviewSummary } from '@shared/schemas/review-summary';
import type { FamilyLinksDb, ReviewInputsMarkerRow, ReviewSummaryPlainKey, ReviewSummaryRow } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { inputsMarkerId } from '../review-summary-invalidation';
import { createSealedCodec } from '../sealed-codec';

export const reviewSummaryCodec = createSealedCodec('reviewSummaries', reviewSummarySchema, [
  'id',
  'youngPersonId',
  'yearId',
  'termName',
  'computedAt',
  'stableUntil',
  'rulesVersion',
] satisfies ReviewSummaryPlainKey[]);

/** What a read of the summaries found: the ones still good, and the marker to show when storing new ones. */
export type FreshSummaries = { readonly byYoungPerson: ReadonlyMap<string, ReviewSummary>; readonly inputsToken: string | undefined };

function isSummaryRow(row: ReviewSummaryRow | ReviewInputsMarkerRow | undefined): row is ReviewSummaryRow {
  return row !== undefined && 'sealed' in row;
}

/**
 * The termly overview's stored summaries (derived data; see schema version 10). Only the review
 * repository uses this, after it has decided whom the person may see: nothing here checks scope.
 * Nothing here fails either: a summary that is stale, from other rules, or will not open and
 * parse is simply not returned, and one that cannot be stored is simply not stored.
 */
export function reviewSummaryRepository(db: FamilyLinksDb) {
  return {
    /** The summaries of these young people for this term that are still true at `now`, opened. */
    async fresh(youngPersonIds: readonly string[], yearId: string, termName: TermName, now: Date, cipher: RecordCipher): Promise<FreshSummaries> {
      const nowMs = now.getTime();
      const [rows, marker] = await db.transaction('r', db.reviewSummaries, () =>
        Promise.all([db.reviewSummaries.bulkGet(youngPersonIds.map((id) => reviewSummaryId(id, yearId, termName))), db.reviewSummaries.get(inputsMarkerId)]),
      );
      const usable = rows.filter(isSummaryRow).filter((row) => row.rulesVersion === reviewRulesVersion && Date.parse(row.computedAt) <= nowMs && nowMs < Date.parse(row.stableUntil));
      const opened = await Promise.all(usable.map((row) => reviewSummaryCodec.decode(row, cipher).catch(() => undefined)));
      const byYoungPerson = new Map<string, ReviewSummary>();
      for (const summary of opened) if (summary) byYoungPerson.set(summary.youngPersonId, summary);
      return { byYoungPerson, inputsToken: marker && !isSummaryRow(marker) ? marker.token : undefined };
    },

    /**
     * Stores summaries worked out from reads made after `inputsToken` was read. If an input has
     * changed since (the marker holds another token), they may be stale already, so they are not
     * stored. Best effort: false when nothing was stored, never an error.
     */
    async keep(summaries: readonly ReviewSummary[], inputsToken: string | undefined, cipher: RecordCipher): Promise<boolean> {
      if (summaries.length === 0) return false;
      try {
        const rows = await Promise.all(summaries.map((summary) => reviewSummaryCodec.encode(summary, cipher)));
        return await db.transaction('rw', db.reviewSummaries, async () => {
          const marker = await db.reviewSummaries.get(inputsMarkerId);
          const token = marker && !isSummaryRow(marker) ? marker.token : undefined;
          if (token !== inputsToken) return false;
          await db.reviewSummaries.bulkPut(rows);
          return true;
        });
      } catch (error) {
        console.warn('The termly review summaries could not be stored; they will be worked out again next time.', error);
        return false;
      }
    },
  };
}
