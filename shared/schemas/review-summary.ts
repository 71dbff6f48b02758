import { z } from 'zod';
import type { ContactMinimums, Evidence, HalfTermOffer, OwedItem, RecordRef, TermMinimums, WeekCoverage } from '../rules/contact-minimums';
import type { TermDates } from '../rules/academic-calendar';
import type { DaySpan } from '../rules/termly-calendar';
import { figureKeys, type FamilyMemberFigure, type FormTimeliness, type ReviewFigure, type TermReview } from '../rules/termly-review';
import { termNames, type TermName } from './academic-year';
import { contactKinds } from './contact-forms';
import { isoDateTimeSchema } from './common';

/**
 * A young person's termly review as the overview stores it (issue 8): derived data, worked out
 * from the records by `yearReview` and kept until its inputs change or `stableUntil` passes. It is
 * read back from the database, so it is parsed like any other boundary; a summary that fails to
 * parse is simply worked out again. Each schema is declared as a `z.ZodType` of the rules' own type,
 * so a field added to a rule's output cannot be forgotten here: the build fails until it is.
 *
 * Dates inside the review are checked as text, not as calendar dates: they were written by the
 * rules, not typed by a person, and the overview parses thousands of them on every view.
 */

const phaseSchema = z.enum(['ended', 'current', 'notStarted']);
const ragSchema = z.enum(['red', 'amber', 'green', 'notDue']);

const recordRefSchema: z.ZodType<RecordRef> = z.object({ type: z.enum(['visit', 'contactForm']), id: z.string() });
const evidenceSchema: z.ZodType<Evidence> = z.object({ count: z.number().int().nonnegative(), records: z.array(recordRefSchema) });

const termDatesSchema: z.ZodType<TermDates> = z.object({ name: z.enum(termNames), startsOn: z.string(), endsOn: z.string(), halfTermStartsOn: z.string(), halfTermEndsOn: z.string() });
const daySpanSchema: z.ZodType<DaySpan> = z.object({ startsOn: z.string(), endsOn: z.string(), startsMs: z.number(), endsMs: z.number() });

const weekCoverageSchema: z.ZodType<WeekCoverage> = z.object({ weekStartsOn: z.string(), state: z.enum(['covered', 'missed', 'inProgress', 'notYet']), updates: evidenceSchema });
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

const owedItemSchema: z.ZodType<OwedItem> = z.object({ key: z.string(), what: z.string(), byDate: z.string(), booked: evidenceSchema });

export const contactMinimumsSchema: z.ZodType<ContactMinimums> = z.object({
  yearLabel: z.string(),
  yearSpan: daySpanSchema,
  terms: z.array(termMinimumsSchema),
  year: z.object({ homeVisitsHeld: evidenceSchema, learningMentorHomeVisits: evidenceSchema, learningConsultationsOffered: evidenceSchema }),
  stillOwed: z.array(owedItemSchema),
});

const reviewFigureSchema: z.ZodType<ReviewFigure> = z.object({ key: z.enum(figureKeys), label: z.string(), value: z.string(), status: ragSchema, reason: z.string(), records: z.array(recordRefSchema) });
const familyMemberFigureSchema: z.ZodType<FamilyMemberFigure> = z.object({
  personId: z.string(),
  name: z.string(),
  relationship: z.string(),
  contacts: evidenceSchema,
  status: z.enum([...ragSchema.options, 'restricted']),
  reason: z.string(),
  restrictionIds: z.array(z.string()),
});
const formTimelinessSchema: z.ZodType<FormTimeliness> = z.object({ onTime: evidenceSchema, late: evidenceSchema, overdue: evidenceSchema, due: evidenceSchema, datesToCheck: evidenceSchema });

export const termReviewSchema: z.ZodType<TermReview> = z.object({
  youngPersonId: z.string(),
  yearLabel: z.string(),
  termName: z.enum(termNames),
  termStartsOn: z.string(),
  termEndsOn: z.string(),
  phase: phaseSchema,
  contactsByKind: z.array(z.object({ kind: z.enum(contactKinds), contacts: evidenceSchema })),
  figures: z.array(reviewFigureSchema),
  family: z.array(familyMemberFigureSchema),
  forms: formTimelinessSchema,
  overall: ragSchema,
});

/**
 * Bumped whenever the rules behind a review change what they work out, so summaries stored by an
 * earlier build are worked out again rather than trusted.
 */
export const reviewRulesVersion = 1;

/**
 * One stored summary: the review of one young person for one term of one academic year (with the
 * year's earlier terms), as the overview shows it. `id` is `${youngPersonId}|${yearId}|${termName}`
 * so one young person's summaries are one range of the primary key.
 */
export const reviewSummarySchema = z.object({
  id: z.string(),
  youngPersonId: z.string(),
  yearId: z.string(),
  termName: z.enum(termNames),
  /** When it was worked out, and the instant from which the clock alone could change it. */
  computedAt: isoDateTimeSchema,
  stableUntil: isoDateTimeSchema,
  rulesVersion: z.number().int(),
  minimums: contactMinimumsSchema,
  terms: z.array(termReviewSchema),
});

export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

/** The summary's id: a young person's summaries sort together, so they can be cleared as one key range. */
export function reviewSummaryId(youngPersonId: string, yearId: string, termName: TermName): string {
  return `${youngPersonId}|${yearId}|${termName}`;
}

/** The primary-key range that holds every summary of one young person. */
export function reviewSummaryRangeOf(youngPersonId: string): { readonly lower: string; readonly upper: string } {
  return { lower: `${youngPersonId}|`, upper: `${youngPersonId}|\uffff` };
}
