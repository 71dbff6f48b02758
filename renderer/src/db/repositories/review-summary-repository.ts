import { reviewSummaryId } from '@shared/rules/review-summary-keys';
import type { TermName } from '@shared/schemas/academic-year';
import {
  packReviewSummary,
  reviewRulesVersion,
  reviewSummarySchema,
  type ReviewSummary,
} from '@shared/schemas/review-summary';
import type {
  FamilyLinksDb,
  ReviewInputsMarkerRow,
  ReviewSummaryPlainKey,
  ReviewSummaryRow,
} from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { inputsMarkerId } from '../review-summary-invalidation';

const contextOf = (id: string) => `reviewSummaries:${id}`;

/**
 * How a summary is stored: ids, term, times and rules version plain (`ReviewSummaryPlainKey`), the
 * review sealed in its packed form (shared/schemas/review-summary.ts). Opening never throws: a row
 * that will not decrypt or parse gives `undefined`, and the review is worked out again.
 */
export const reviewSummaryCodec = {
  async encode(summary: ReviewSummary, cipher: RecordCipher): Promise<ReviewSummaryRow> {
    const { packed, ...plain } = packReviewSummary(summary);
    const clear: Pick<ReviewSummary, ReviewSummaryPlainKey> = plain;
    return { ...clear, sealed: await cipher.seal(contextOf(summary.id), packed) };
  },
  async decode(row: ReviewSummaryRow, cipher: RecordCipher): Promise<ReviewSummary | undefined> {
    try {
      const { sealed, ...plain } = row;
      const parsed = reviewSummarySchema.safeParse({
        ...plain,
        packed: await cipher.open(contextOf(row.id), sealed),
      });
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  },
};

/** What a read of the summaries found: the ones still good, and the marker to show when storing new ones. */
export type FreshSummaries = {
  readonly byYoungPerson: ReadonlyMap<string, ReviewSummary>;
  readonly inputsToken: string | undefined;
};

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
    async fresh(
      youngPersonIds: readonly string[],
      yearId: string,
      termName: TermName,
      now: Date,
      cipher: RecordCipher,
    ): Promise<FreshSummaries> {
      const nowMs = now.getTime();
      const [rows, marker] = await db.transaction('r', db.reviewSummaries, () =>
        Promise.all([
          db.reviewSummaries.bulkGet(youngPersonIds.map((id) => reviewSummaryId(id, yearId, termName))),
          db.reviewSummaries.get(inputsMarkerId),
        ]),
      );
      const usable = rows
        .filter(isSummaryRow)
        .filter(
          (row) =>
            row.rulesVersion === reviewRulesVersion &&
            Date.parse(row.computedAt) <= nowMs &&
            nowMs < Date.parse(row.stableUntil),
        );
      const opened = await Promise.all(usable.map((row) => reviewSummaryCodec.decode(row, cipher)));
      const byYoungPerson = new Map<string, ReviewSummary>();
      for (const summary of opened) if (summary) byYoungPerson.set(summary.youngPersonId, summary);
      return { byYoungPerson, inputsToken: marker && !isSummaryRow(marker) ? marker.token : undefined };
    },

    /**
     * Stores summaries worked out from reads made after `inputsToken` was read. If an input has
     * changed since (the marker holds another token), they may be stale already, so they are not
     * stored. Best effort: false when nothing was stored, never an error.
     */
    async keep(
      summaries: readonly ReviewSummary[],
      inputsToken: string | undefined,
      cipher: RecordCipher,
    ): Promise<boolean> {
      if (summaries.length === 0) return false;
      try {
        const rows = await Promise.all(
          summaries.map((summary) => reviewSummaryCodec.encode(summary, cipher)),
        );
        return await db.transaction('rw', db.reviewSummaries, async () => {
          const marker = await db.reviewSummaries.get(inputsMarkerId);
          const token = marker && !isSummaryRow(marker) ? marker.token : undefined;
          if (token !== inputsToken) return false;
          await db.reviewSummaries.bulkPut(rows);
          return true;
        });
      } catch (error) {
        console.warn(
          'The termly review summaries could not be stored; they will be worked out again next time.',
          error,
        );
        return false;
      }
    },
  };
}
