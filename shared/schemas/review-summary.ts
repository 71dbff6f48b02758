import { z } from 'zod';
import type {
  ContactMinimums,
  Evidence,
  HalfTermOffer,
  OwedItem,
  RecordRef,
  TermMinimums,
  WeekCoverage,
} from '../rules/contact-minimums';
import type { TermDates } from '../rules/academic-calendar';
import type { DaySpan } from '../rules/termly-calendar';
import {
  figureKeys,
  type FamilyMemberFigure,
  type FormTimeliness,
  type ReviewFigure,
  type TermReview,
} from '../rules/termly-review';
import { termNames } from './academic-year';
import { contactKinds, familyFeelings } from './contact-forms';
import { contactPlanFrequencies, contactPlanKinds } from './contact-plans';
import type { ContactAgainstPlan } from '../rules/contact-plan';
import type { TermVoices } from '../rules/voices';
import { isoDateTimeSchema } from './common';

/**
 * A young person's termly review as the overview stores it: derived data, worked out
 * from the records by `yearReview` and kept until its inputs change or `stableUntil` passes. It is
 * read back from the database, so it is parsed like any other boundary; a summary that fails to
 * parse is simply worked out again. The review's schemas are declared as `z.ZodType`s of the
 * rules' own types, so a field added to a rule's output cannot be forgotten here: the build fails
 * until it is.
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

/** The review's schemas, with the lists of records read by `records` (as they are, or packed). */
function reviewSchemas(records: z.ZodType<RecordRef[]>): {
  readonly minimums: z.ZodType<ContactMinimums>;
  readonly term: z.ZodType<TermReview>;
} {
  const evidenceSchema: z.ZodType<Evidence> = z.object({ count: z.number().int().nonnegative(), records });
  const termDatesSchema: z.ZodType<TermDates> = z.object({
    name: z.enum(termNames),
    startsOn: z.string(),
    endsOn: z.string(),
    halfTermStartsOn: z.string(),
    halfTermEndsOn: z.string(),
  });
  const daySpanSchema: z.ZodType<DaySpan> = z.object({
    startsOn: z.string(),
    endsOn: z.string(),
    startsMs: z.number(),
    endsMs: z.number(),
  });

  const weekCoverageSchema: z.ZodType<WeekCoverage> = z.object({
    weekStartsOn: z.string(),
    state: z.enum(['covered', 'missed', 'inProgress', 'notYet']),
    updates: evidenceSchema,
  });
  const halfTermOfferSchema: z.ZodType<HalfTermOffer> = z.object({
    half: z.enum(['first', 'second']),
    startsOn: z.string(),
    windowEndsOn: z.string(),
    state: z.enum(['offered', 'missed', 'open', 'notYet']),
    offers: evidenceSchema,
  });

  const termMinimumsSchema: z.ZodType<TermMinimums> = z.object({
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

  const owedItemSchema: z.ZodType<OwedItem> = z.object({
    key: z.string(),
    what: z.string(),
    byDate: z.string(),
    booked: evidenceSchema,
  });

  const contactMinimumsSchema: z.ZodType<ContactMinimums> = z.object({
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

  const reviewFigureSchema: z.ZodType<ReviewFigure> = z.object({
    key: z.enum(figureKeys),
    label: z.string(),
    value: z.string(),
    status: ragSchema,
    reason: z.string(),
    records,
  });
  const familyMemberFigureSchema: z.ZodType<FamilyMemberFigure> = z.object({
    personId: z.string(),
    name: z.string(),
    relationship: z.string(),
    contacts: evidenceSchema,
    status: z.enum([...ragSchema.options, 'restricted']),
    reason: z.string(),
    restrictionIds: z.array(z.string()),
  });
  const formTimelinessSchema: z.ZodType<FormTimeliness> = z.object({
    onTime: evidenceSchema,
    late: evidenceSchema,
    overdue: evidenceSchema,
    due: evidenceSchema,
    datesToCheck: evidenceSchema,
  });

  const contactAgainstPlanSchema: z.ZodType<ContactAgainstPlan> = z.object({
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

  const termVoicesSchema: z.ZodType<TermVoices> = z.object({
    familyFeelings: z.array(z.object({ feeling: z.enum(familyFeelings), forms: evidenceSchema })),
    familyNoAnswer: evidenceSchema,
    youngPersonHeard: evidenceSchema,
    actedOnAndTold: evidenceSchema,
    notAsked: evidenceSchema,
  });

  const termReviewSchema: z.ZodType<TermReview> = z.object({
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

/** The review as the rules return it (records as objects): for checking a review on its own. */
export const { minimums: contactMinimumsSchema, term: termReviewSchema } = reviewSchemas(
  z.array(recordRefSchema),
);

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

const packedTermSchema = reviewSchemas(packedRecordsSchema).term;

/**
 * Bumped whenever the rules behind a review change what they work out, or what a summary holds,
 * so summaries stored by an earlier build are worked out again rather than trusted.
 */
export const reviewRulesVersion = 5;

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
 * One stored summary: the review of one young person for one term of one academic year, as the
 * overview shows it (that term's figures only: the year's minimums and its other terms are what
 * the detail view shows, and it works them out afresh; each of the other terms, for the trend, is
 * its own summary). `id` is `${youngPersonId}|${yearId}|${termName}` so one young person's
 * summaries are one range of the primary key. Parsing takes the packed form as stored and gives
 * the term's review as the rules return it.
 */
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
