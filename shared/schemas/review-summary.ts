import { z } from 'zod';
import type { ContactMinimums, RecordRef } from '../rules/contact-minimums';
import { figureKeys, type TermReview } from '../rules/termly-review';
import type { TermOverview } from '../rules/term-overview';
import { termNames } from './academic-year';
import { contactKinds, familyFeelings } from './contact-forms';
import { contactPlanFrequencies, contactPlanKinds } from './contact-plans';
import { isoDateTimeSchema } from './common';

/**
 * A young person's termly review as the overview stores it: derived data, worked out
 * from the records by `yearReview` and kept until its inputs change or `stableUntil` passes. It is
 * read back from the database, so it is parsed like any other boundary; a summary that fails to
 * parse is simply worked out again. Each shape of the review's schema is declared as a
 * `z.ZodType` of the rules' own types, so a field added to a rule's output cannot be forgotten
 * here: the build fails until it is.
 *
 * Stored packed: the same review reads and opens 50 of these on every overview, and most of a
 * review is the records behind its figures, the same few hundred repeated across many lists. So
 * each distinct record is written once (`refs`, "v" or "f" and its id) and every list of records
 * as the positions of its records in `refs` ("0,4,17"): a quarter of the bytes to read, decrypt and
 * parse. Dates inside the review are checked as text, not as calendar dates: the rules wrote them.
 */

const phaseSchema = z.enum(['ended', 'current', 'notStarted']);
const ragSchema = z.enum(['red', 'amber', 'green', 'notDue']);

const recordRefSchema: z.ZodType<RecordRef> = z.object({
  type: z.enum(['visit', 'contactForm']),
  id: z.string(),
});

/**
 * The review's schemas, with what stands for the records behind each figure given by `records`:
 * the lists as they are or packed (`{ records }`), or only their counts (`{ recordCount }`, the
 * overview's shape). Declared once, so every shape of the review has the same fields.
 */
function reviewSchemas<Records extends z.ZodRawShape>(records: Records) {
  const evidenceSchema = z.object({ count: z.number().int().nonnegative(), ...records });
  const termDatesSchema = z.object({
    name: z.enum(termNames),
    startsOn: z.string(),
    endsOn: z.string(),
    halfTermStartsOn: z.string(),
    halfTermEndsOn: z.string(),
  });
  const daySpanSchema = z.object({
    startsOn: z.string(),
    endsOn: z.string(),
    startsMs: z.number(),
    endsMs: z.number(),
  });

  const weekCoverageSchema = z.object({
    weekStartsOn: z.string(),
    state: z.enum(['covered', 'missed', 'inProgress', 'notYet']),
    updates: evidenceSchema,
  });
  const halfTermOfferSchema = z.object({
    half: z.enum(['first', 'second']),
    startsOn: z.string(),
    windowEndsOn: z.string(),
    state: z.enum(['offered', 'missed', 'open', 'notYet']),
    offers: evidenceSchema,
  });

  const termMinimumsSchema = z.object({
    term: termDatesSchema,
    index: z.number().int().nonnegative(),
    phase: phaseSchema,
    placed: z.object({ startsOn: z.string(), endsOn: z.string() }).nullable(),
    termWeeks: z.number().int().nonnegative(),
    placedWeeks: z.number().int().nonnegative(),
    termlyMinimumsDue: z.boolean(),
    weeksLeft: z.number().int().nonnegative(),
    homeVisitsHeld: evidenceSchema,
    homeVisitsWithPtAndCc: evidenceSchema,
    homeVisitsBooked: evidenceSchema,
    parentUpdateWeeks: z.array(weekCoverageSchema),
    pepInvitations: evidenceSchema,
    learningProgrammeUpdates: evidenceSchema,
    halfTermOffers: z.array(halfTermOfferSchema),
    learningMentorHomeVisits: evidenceSchema,
    learningMentorHomeVisitsBooked: evidenceSchema,
    learningConsultationsOffered: evidenceSchema,
  });

  const owedItemSchema = z.object({
    key: z.string(),
    what: z.string(),
    byDate: z.string(),
    booked: evidenceSchema,
  });

  const contactMinimumsSchema = z.object({
    yearLabel: z.string(),
    yearSpan: daySpanSchema,
    terms: z.array(termMinimumsSchema),
    year: z.object({
      homeVisitsHeld: evidenceSchema,
      learningMentorHomeVisits: evidenceSchema,
      learningConsultationsOffered: evidenceSchema,
    }),
    stillOwed: z.array(owedItemSchema),
  });

  const reviewFigureSchema = z.object({
    key: z.enum(figureKeys),
    label: z.string(),
    value: z.string(),
    status: ragSchema,
    reason: z.string(),
    ...records,
  });
  const familyMemberFigureSchema = z.object({
    personId: z.string(),
    name: z.string(),
    relationship: z.string(),
    contacts: evidenceSchema,
    status: z.enum([...ragSchema.options, 'restricted']),
    reason: z.string(),
    restrictionIds: z.array(z.string()),
  });
  const formTimelinessSchema = z.object({
    onTime: evidenceSchema,
    late: evidenceSchema,
    overdue: evidenceSchema,
    due: evidenceSchema,
    datesToCheck: evidenceSchema,
  });

  const contactAgainstPlanSchema = z.object({
    arrangementId: z.string(),
    personId: z.string(),
    kind: z.enum(contactPlanKinds),
    frequency: z.enum(contactPlanFrequencies),
    value: z.string(),
    status: ragSchema,
    periods: z.number().int().nonnegative(),
    periodsHeld: z.number().int().nonnegative(),
    held: evidenceSchema,
  });

  const termVoicesSchema = z.object({
    familyFeelings: z.array(z.object({ feeling: z.enum(familyFeelings), forms: evidenceSchema })),
    familyNoAnswer: evidenceSchema,
    youngPersonHeard: evidenceSchema,
    actedOnAndTold: evidenceSchema,
    notAsked: evidenceSchema,
  });

  const termReviewSchema = z.object({
    youngPersonId: z.string(),
    yearLabel: z.string(),
    termName: z.enum(termNames),
    termStartsOn: z.string(),
    termEndsOn: z.string(),
    phase: phaseSchema,
    contactsByKind: z.array(z.object({ kind: z.enum(contactKinds), contacts: evidenceSchema })),
    figures: z.array(reviewFigureSchema),
    family: z.array(familyMemberFigureSchema),
    contactPlan: z.array(contactAgainstPlanSchema),
    forms: formTimelinessSchema,
    voices: termVoicesSchema,
    overall: ragSchema,
  });
  return { minimums: contactMinimumsSchema, term: termReviewSchema };
}

const listedSchemas = reviewSchemas({ records: z.array(recordRefSchema) });
/** The review as the rules return it (records as objects): for checking a review on its own. */
export const contactMinimumsSchema: z.ZodType<ContactMinimums> = listedSchemas.minimums;
export const termReviewSchema: z.ZodType<TermReview> = listedSchemas.term;

/** A term's review as the overview shows it: the records behind each figure counted, not listed. */
export const termOverviewSchema: z.ZodType<TermOverview> = reviewSchemas({
  recordCount: z.number().int().nonnegative(),
}).term;

const packedRefSchema = z.string().regex(/^[vf]./);
const refOf = (packed: string): RecordRef => ({
  type: packed.startsWith('v') ? 'visit' : 'contactForm',
  id: packed.slice(1),
});

/**
 * The records of the summary being parsed. zod has no way to hand one field's value to another's
 * parser, and building the review's schemas afresh for each summary costs more than the parse
 * itself, so the packed schemas below are built once and read the summary's records from here.
 * Parsing is synchronous: `reviewSummarySchema` sets this just before and clears it just after.
 */
let refsBeingParsed: readonly RecordRef[] = [];

/** Lists of records as positions in `refs`, comma-separated; any position outside `refs` fails to parse. */
const packedRecordsSchema: z.ZodType<RecordRef[]> = z.string().transform((text, context) => {
  if (text === '') return [];
  const found: RecordRef[] = [];
  for (const position of text.split(',')) {
    const ref = refsBeingParsed[Number(position)];
    if (!ref) {
      context.addIssue({ code: 'custom', message: `No record at position ${position}` });
      return z.NEVER;
    }
    found.push(ref);
  }
  return found;
});

const packedTermSchema: z.ZodType<TermReview> = reviewSchemas({ records: packedRecordsSchema }).term;

/**
 * Bumped whenever the rules behind a review change what they work out, or what a summary holds,
 * so summaries stored by an earlier build are worked out again rather than trusted.
 */
export const reviewRulesVersion = 9;

const summaryFields = {
  id: z.string(),
  youngPersonId: z.string(),
  yearId: z.string(),
  termName: z.enum(termNames),
  /** When it was worked out, and the instant from which the clock alone could change it. */
  computedAt: isoDateTimeSchema,
  stableUntil: isoDateTimeSchema,
  rulesVersion: z.number().int(),
};

/**
 * One stored summary: the review of one young person for one term of one academic year (that
 * term's figures only: the year's minimums and its other terms are what the detail view shows,
 * and it works them out afresh; each of the other terms, for the trend, is its own summary).
 * `id` is `${youngPersonId}|${yearId}|${termName}` so one young person's summaries are one range
 * of the primary key. It is stored in two sealed parts: the term's overview (`termOverviewSchema`:
 * what the overview, its exports and the trend show, every record list counted) and the whole
 * review packed (below), opened only when someone opens a figure to see the records behind it.
 * Most of a review is those lists, so the overview opens and parses a small part of each summary.
 */
export const reviewOverviewSummarySchema = z.object({ ...summaryFields, overview: termOverviewSchema });
export type ReviewOverviewSummary = z.output<typeof reviewOverviewSummarySchema>;

/** The whole review of a stored summary: parsing takes the packed form and gives the review as the rules return it. */
export const reviewSummarySchema = z
  .object({
    ...summaryFields,
    packed: z.object({ refs: z.array(packedRefSchema), review: z.unknown() }),
  })
  .transform(({ packed, ...fields }, context) => {
    refsBeingParsed = packed.refs.map(refOf);
    const review = packedTermSchema.safeParse(packed.review);
    refsBeingParsed = [];
    if (!review.success) {
      context.addIssue({ code: 'custom', message: 'The stored review does not match the review’s shape' });
      return z.NEVER;
    }
    return { ...fields, review: review.data };
  });

export type ReviewSummary = z.output<typeof reviewSummarySchema>;
export type PackedReviewSummary = z.input<typeof reviewSummarySchema>;

/** The summary as stored: each distinct record written once, every list of records as positions. */
export function packReviewSummary({ review, ...fields }: ReviewSummary): PackedReviewSummary {
  const positions = new Map<string, number>();
  const refs: string[] = [];
  const pack = (value: unknown, key?: string): unknown => {
    if (key === 'records' && Array.isArray(value)) {
      return value
        .map((ref: RecordRef) => {
          const packed = `${ref.type === 'visit' ? 'v' : 'f'}${ref.id}`;
          let position = positions.get(packed);
          if (position === undefined) {
            position = refs.length;
            refs.push(packed);
            positions.set(packed, position);
          }
          return position;
        })
        .join(',');
    }
    if (Array.isArray(value)) return value.map((item) => pack(item));
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, pack(item, name)]));
    return value;
  };
  return { ...fields, packed: { refs, review: pack(review) } };
}
