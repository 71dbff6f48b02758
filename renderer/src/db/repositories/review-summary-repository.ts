import type { z } from 'zod';
import { reviewSummaryId } from '@shared/rules/review-summary-keys';
import type { TermName } from '@shared/schemas/academic-year';
import { termOverviewOf } from '@shared/rules/term-overview';
import {
  packReviewSummary,
  reviewOverviewSummarySchema,
  reviewRulesVersion,
  reviewSummarySchema,
  type ReviewOverviewSummary,
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
/** The whole review is bound to its row and part, so it cannot stand in for the overview, or for another row's. */
const wholeContextOf = (id: string) => `reviewSummaries:${id}:whole`;

/** What `open` gives, as `schema` reads it; undefined where it does not decrypt or does not parse. */
async function openedOrNone<Value>(
  schema: z.ZodType<Value>,
  open: () => Promise<unknown>,
): Promise<Value | undefined> {
  try {
    const parsed = schema.safeParse(await open());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How a summary is stored: ids, term, times and rules version plain (`ReviewSummaryPlainKey`);
 * sealed, the term's overview (`sealed`) and, apart, the whole review in its packed form
 * (`sealedWhole`, shared/schemas/review-summary.ts), opened only for the records behind a figure.
 * Opening never throws: a row that will not decrypt or parse gives `undefined`, and the review
 * is worked out again.
 */
export const reviewSummaryCodec = {
  async encode(summary: ReviewSummary, cipher: RecordCipher): Promise<ReviewSummaryRow> {
    const { packed, ...plain } = packReviewSummary(summary);
    const clear: Pick<ReviewSummary, ReviewSummaryPlainKey> = plain;
    const [sealed, sealedWhole] = await Promise.all([
      cipher.seal(contextOf(summary.id), termOverviewOf(summary.review)),
      cipher.seal(wholeContextOf(summary.id), packed),
    ]);
    return { ...clear, sealed, sealedWhole };
  },
  /** The term's overview only: what the overview shows. */
  decode(row: ReviewSummaryRow, cipher: RecordCipher): Promise<ReviewOverviewSummary | undefined> {
    const { sealed, sealedWhole: _whole, ...plain } = row;
    return openedOrNone(reviewOverviewSummarySchema, async () => ({
      ...plain,
      overview: await cipher.open(contextOf(row.id), sealed),
    }));
  },
  /** The whole review, records and all: what opening a figure shows. */
  decodeWhole(row: ReviewSummaryRow, cipher: RecordCipher): Promise<ReviewSummary | undefined> {
    const { sealed: _overview, sealedWhole, ...plain } = row;
    return openedOrNone(reviewSummarySchema, async () => ({
      ...plain,
      packed: await cipher.open(wholeContextOf(row.id), sealedWhole),
    }));
  },
};

/** What a read of the summaries found: the ones still good, and the marker to show when storing new ones. */
export type FreshSummaries = {
  readonly byYoungPerson: ReadonlyMap<string, ReviewOverviewSummary>;
  readonly inputsToken: string | undefined;
};

function isSummaryRow(row: ReviewSummaryRow | ReviewInputsMarkerRow | undefined): row is ReviewSummaryRow {
  return row !== undefined && 'sealed' in row;
}

/** A summary worked out by these rules, and still true at `now`. */
function isFreshSummary(
  row: ReviewSummaryRow | ReviewInputsMarkerRow | undefined,
  now: Date,
): row is ReviewSummaryRow {
  const nowMs = now.getTime();
  return (
    isSummaryRow(row) &&
    row.rulesVersion === reviewRulesVersion &&
    Date.parse(row.computedAt) <= nowMs &&
    nowMs < Date.parse(row.stableUntil)
  );
}

/**
 * The termly overview's stored summaries (derived data; see schema version 10). Only the review
 * repository uses this, after it has decided whom the person may see: nothing here checks scope.
 * Nothing here fails either: a summary that is stale, from other rules, or will not open and
 * parse is simply not returned, and one that cannot be stored is simply not stored.
 */
export function reviewSummaryRepository(db: FamilyLinksDb) {
  return {
    /** The summaries of these young people for this term that are still true at `now`, their overviews opened. */
    async fresh(
      youngPersonIds: readonly string[],
      yearId: string,
      termName: TermName,
      now: Date,
      cipher: RecordCipher,
    ): Promise<FreshSummaries> {
      const [rows, marker] = await db.transaction('r', db.reviewSummaries, () =>
        Promise.all([
          db.reviewSummaries.bulkGet(youngPersonIds.map((id) => reviewSummaryId(id, yearId, termName))),
          db.reviewSummaries.get(inputsMarkerId),
        ]),
      );
      const usable = rows.filter((row) => isFreshSummary(row, now));
      const opened = await Promise.all(usable.map((row) => reviewSummaryCodec.decode(row, cipher)));
      const byYoungPerson = new Map<string, ReviewOverviewSummary>();
      for (const summary of opened) if (summary) byYoungPerson.set(summary.youngPersonId, summary);
      return { byYoungPerson, inputsToken: marker && !isSummaryRow(marker) ? marker.token : undefined };
    },

    /** One young person's whole review of the term, records and all, if its summary is still true at `now`. */
    async whole(
      youngPersonId: string,
      yearId: string,
      termName: TermName,
      now: Date,
      cipher: RecordCipher,
    ): Promise<ReviewSummary | undefined> {
      const row = await db.reviewSummaries.get(reviewSummaryId(youngPersonId, yearId, termName));
      return isFreshSummary(row, now) ? reviewSummaryCodec.decodeWhole(row, cipher) : undefined;
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
