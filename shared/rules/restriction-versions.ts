import type {
  Restriction,
  RestrictionChangeForm,
  RestrictionReviewForm,
  RestrictionTerms,
} from '../schemas/registers';
import { unreachable } from '../unreachable';

/**
 * Versions of a restriction, and reviewing and changing one.
 *
 * Interpretation:
 * - A restriction keeps its newest version's terms on the record and every earlier version's in
 *   `earlierTerms`, oldest first. Each version takes over on its own `effectiveFrom` (a date,
 *   YYYY-MM-DD in the home's zone) and applies until the next version takes over or its own
 *   `effectiveTo`, whichever comes first.
 * - A later version wins: one recorded later that takes over on or before an earlier version's
 *   start means that earlier version never applies (a change made again before it began).
 * - Ending a restriction is a recorded decision: an ended restriction applies on no day.
 * - A change applies from today or a later day: what applied before is kept as it was, so the
 *   check for an earlier day (a contact form for last week's visit) reads what was in force then.
 * - A review clears the restriction from the review-due list (DESIGN: the register's review
 *   date): continuing it or changing it needs the next review date after today, or none.
 */

/** What the versions are read from: the newest version's terms and the earlier ones. */
export type VersionedRestriction = RestrictionTerms & {
  readonly earlierTerms?: readonly RestrictionTerms[] | undefined;
  readonly endedAt?: string | undefined;
};

/** Which version the record holds: the first, as recorded, has no number. */
export function versionNumber(restriction: Pick<Restriction, 'version'>): number {
  return restriction.version ?? 1;
}

function termsOf(restriction: RestrictionTerms): RestrictionTerms {
  return {
    kind: restriction.kind,
    conditions: restriction.conditions,
    effectiveFrom: restriction.effectiveFrom,
    ...(restriction.effectiveTo === undefined ? {} : { effectiveTo: restriction.effectiveTo }),
  };
}

/** Each version's terms with its number, in the order they govern, those replaced before they began left out. */
function numberedTimeline(restriction: VersionedRestriction) {
  const all = [...(restriction.earlierTerms ?? []), termsOf(restriction)];
  const timeline: { readonly version: number; readonly terms: RestrictionTerms }[] = [];
  for (const [index, terms] of all.entries()) {
    while (timeline.length > 0 && (timeline.at(-1)?.terms.effectiveFrom ?? '') >= terms.effectiveFrom)
      timeline.pop();
    timeline.push({ version: index + 1, terms });
  }
  return timeline;
}

/**
 * The versions that govern some day, in the order they take over (each starts after the one
 * before it). A version that a later one replaced before it began is left out.
 */
export function restrictionTimeline(restriction: VersionedRestriction): RestrictionTerms[] {
  return numberedTimeline(restriction).map((entry) => entry.terms);
}

/** The version that has taken over by `day`, whether or not it has lapsed by then; none before the first starts. */
export function versionOn(restriction: VersionedRestriction, day: string): RestrictionTerms | undefined {
  return restrictionTimeline(restriction).findLast((terms) => terms.effectiveFrom <= day);
}

/**
 * The terms in force on `day`: those of the version that has taken over by then, unless its own
 * end date has passed or the restriction has been ended. Undefined when nothing applies.
 */
export function termsInForce(restriction: VersionedRestriction, day: string): RestrictionTerms | undefined {
  if (restriction.endedAt !== undefined) return undefined;
  // Most restrictions never change: no need to build a timeline on every keystroke at the door.
  const terms =
    (restriction.earlierTerms?.length ?? 0) === 0
      ? restriction.effectiveFrom <= day
        ? restriction
        : undefined
      : versionOn(restriction, day);
  if (terms === undefined) return undefined;
  if (terms.effectiveTo !== undefined && day > terms.effectiveTo) return undefined;
  return termsOf(terms);
}

/**
 * A restriction as it stands on `day`: with the terms of the version that governs that day (the
 * first to take over, when none has yet), the change still to come after it, and the day its
 * first version took over.
 */
export function restrictionOnDay<Item extends VersionedRestriction>(
  restriction: Item,
  day: string,
): {
  readonly restriction: Item;
  readonly upcoming: RestrictionTerms | undefined;
  readonly firstFrom: string;
} {
  const timeline = restrictionTimeline(restriction);
  const started = timeline.findLastIndex((terms) => terms.effectiveFrom <= day);
  const shownAt = Math.max(started, 0);
  const shown = timeline[shownAt] ?? termsOf(restriction);
  const { effectiveTo: _ignored, ...rest } = restriction;
  return {
    restriction: { ...rest, ...termsOf(shown) } as Item,
    upcoming: timeline[shownAt + 1],
    firstFrom: timeline[0]?.effectiveFrom ?? restriction.effectiveFrom,
  };
}

/** Whether a restriction is on the review-due list: not ended, not lapsed, its review date by `dueWithin`. */
export function isDueForReview(
  restriction: Pick<Restriction, 'reviewOn' | 'effectiveTo' | 'endedAt'>,
  today: string,
  dueWithin: string,
): boolean {
  if (restriction.endedAt !== undefined || restriction.reviewOn === undefined) return false;
  // A lapsed restriction is listed as lapsed only: reviewing it means deciding to end or renew it.
  if (restriction.effectiveTo !== undefined && restriction.effectiveTo < today) return false;
  return restriction.reviewOn <= dueWithin;
}

/** Why a change or review cannot be saved as given: the field to correct and what to say. */
export type VersionRefusal = { readonly field: string; readonly message: string };

/** Whether a change as given can become the restriction's next version on `today`. */
export function changeRefusal(
  current: Restriction,
  change: RestrictionChangeForm,
  today: string,
): VersionRefusal | undefined {
  if (change.effectiveFrom < today)
    return {
      field: 'effectiveFrom',
      message:
        'A change applies from today or a later date. What applied before stays in the history as it was.',
    };
  const isSame =
    change.kind === current.kind &&
    change.conditions === current.conditions &&
    change.authority === current.authority &&
    change.authorityReference === current.authorityReference &&
    change.effectiveTo === current.effectiveTo &&
    change.reviewOn === current.reviewOn;
  if (isSame)
    return {
      field: 'kind',
      message: 'Nothing has changed: change what the restriction says, its authority or its dates.',
    };
  return undefined;
}

/** Whether a review as given can be recorded on `today`. */
export function reviewRefusal(
  current: Restriction,
  review: RestrictionReviewForm,
  today: string,
): VersionRefusal | undefined {
  if (review.reviewedOn > today)
    return { field: 'reviewedOn', message: 'A review is recorded once it has happened: today or earlier.' };
  const nextReview = (field: string) => ({
    field,
    message: 'Set the next review after today, so it leaves the list of reviews due.',
  });
  switch (review.outcome) {
    case 'continues':
      return review.nextReviewOn <= today ? nextReview('nextReviewOn') : undefined;
    case 'changed': {
      const refused = changeRefusal(current, review.change, today);
      if (refused) return { ...refused, field: `change.${refused.field}` };
      return review.change.reviewOn !== undefined && review.change.reviewOn <= today
        ? nextReview('change.reviewOn')
        : undefined;
    }
    case 'ended':
      return undefined;
    default:
      return unreachable(review, 'review outcome');
  }
}

/**
 * The restriction's next version: the change laid over it, the version before kept in
 * `earlierTerms`. A change by someone who cannot approve waits for the manager's approval, as
 * when recording (DESIGN: the manager owns the register's approvals); it applies meanwhile.
 */
export function nextVersion(
  current: Restriction,
  change: RestrictionChangeForm,
  by: { readonly staffId: string; readonly canApprove: boolean; readonly at: string },
): Restriction {
  const {
    approvedById: _approved,
    effectiveTo: _to,
    reviewOn: _review,
    changedById: _changedBy,
    changedAt: _changedAt,
    ...kept
  } = current;
  return {
    ...kept,
    kind: change.kind,
    conditions: change.conditions,
    authority: change.authority,
    authorityReference: change.authorityReference,
    effectiveFrom: change.effectiveFrom,
    ...(change.effectiveTo === undefined ? {} : { effectiveTo: change.effectiveTo }),
    ...(change.reviewOn === undefined ? {} : { reviewOn: change.reviewOn }),
    earlierTerms: [...(current.earlierTerms ?? []), termsOf(current)],
    version: versionNumber(current) + 1,
    changedById: by.staffId,
    changedAt: by.at,
    ...(by.canApprove ? { approvedById: by.staffId } : {}),
  };
}

/** One version as the history shows it: what it said, from when, who made and who approved it. */
export type RestrictionVersion = Pick<
  Restriction,
  | 'kind'
  | 'conditions'
  | 'authority'
  | 'authorityReference'
  | 'effectiveFrom'
  | 'effectiveTo'
  | 'reviewOn'
  | 'approvedById'
> & {
  readonly version: number;
  /** Who recorded it (the first version) or made the change. */
  readonly madeById: string;
  readonly madeAt: string | undefined;
  /** A later version took over from this one’s first day: it governs no day of its own. */
  readonly neverApplied: boolean;
  readonly isCurrent: boolean;
};

/**
 * Every version, newest first, from the record and the copies kept before each change (the last
 * copy of a version is how it stood when it was replaced: approved or not).
 */
export function restrictionVersions(
  current: Restriction,
  history: readonly { readonly at: string; readonly version: Restriction }[],
): RestrictionVersion[] {
  const lastOf = new Map<number, Restriction>();
  for (const { version } of [...history].sort((a, b) => a.at.localeCompare(b.at)))
    lastOf.set(versionNumber(version), version);
  lastOf.set(versionNumber(current), current);
  const applied = new Set(numberedTimeline(current).map((entry) => entry.version));
  return [...lastOf.values()]
    .sort((a, b) => versionNumber(b) - versionNumber(a))
    .map((version) => ({
      version: versionNumber(version),
      kind: version.kind,
      conditions: version.conditions,
      authority: version.authority,
      authorityReference: version.authorityReference,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: version.effectiveTo,
      reviewOn: version.reviewOn,
      approvedById: version.approvedById,
      madeById: version.changedById ?? version.recordedById,
      madeAt: version.changedAt,
      neverApplied: !applied.has(versionNumber(version)),
      isCurrent: versionNumber(version) === versionNumber(current),
    }));
}
