import { termAt, type AcademicYearDates } from './academic-calendar';
import { addDays, calendarDateOf } from '../home-time';
import type { HomeAuthorityMatch } from './home-authority-match';

/**
 * The registered manager's view of the whole home at a glance (seed 004 §5.5: oversight): what
 * needs someone today, and what about the home's set-up would let a record go astray. Each count
 * is worked out here from plain facts the data layer reads, so "nothing to look at" is said only
 * when every count is nought and every set-up question is answered.
 *
 * Days are calendar days in the home's time zone; "this week" is today and the six days before
 * it (the same week the door's own lists use), so an evening's events still count the next morning.
 */

/** How far back "this week" reaches, counting today. */
export const overviewWeekDays = 7;
/** How far ahead a restriction's review date counts as due (the manager's fortnightly look). */
export const reviewDueWithinDays = 14;
/** A backup older than this is a gap in the set-up. */
export const backupGapDays = 7;
/** A message still queued this long after it was raised has not gone out by itself. */
export const outboxStuckMinutes = 60;

export type OverviewFacts = {
  /** Every contact form not yet filed, whoever owes it: its due moment. */
  readonly unfiledForms: readonly { readonly dueAt: string }[];
  /** The visitor register from the start of the week on (latest versions). */
  readonly registerThisWeek: readonly {
    readonly kind: 'visit' | 'turnedAway';
    readonly arrivedAt: string;
    readonly restrictionCheck: 'clear' | 'warn' | 'block' | 'overridden';
  }[];
  /** Visitors signed in and not yet signed out. */
  readonly onSite: readonly { readonly restrictionCheck: 'clear' | 'warn' | 'block' | 'overridden' }[];
  /** Every restriction the manager can see. */
  readonly restrictions: readonly {
    readonly approvedById?: string | undefined;
    readonly endedAt?: string | undefined;
    readonly reviewOn?: string | undefined;
    readonly effectiveTo?: string | undefined;
  }[];
  /** Declarations waiting for a review, a supervision date or an outcome (`declarationAttention`). */
  readonly declarationsNeedingAttention: number;
  /** Records changed on two computers at once and not yet settled (docs/sync-design.md, "Conflicts"). */
  readonly changedOnTwoComputers: number;
  /** Documents refused from the sync server and changes missing from it, not yet seen by the manager. */
  readonly syncProblems: number;
  /** Every message in the outbox that has not gone: its state and when it was raised. */
  readonly outbox: readonly { readonly state: string; readonly createdAt: string }[];
};

export type SetUpFacts = {
  readonly caseFileFolder: 'reachable' | 'not-set' | 'unreachable';
  readonly isMailSetUp: boolean;
  readonly lastBackupAt: string | undefined;
  readonly academicYears: readonly AcademicYearDates[];
  /** Active accounts and the end of each one's signing certificate (undefined: none issued). */
  readonly activeStaff: readonly { readonly certificateUntil: string | undefined }[];
  readonly youngPeople: number;
  readonly rooms: number;
  /** Whether this computer holds manager-only requests to the home's own CA (`homeAuthorityMatch`). */
  readonly homeAuthority: HomeAuthorityMatch;
};

export const attentionKinds = [
  'formsOverdue',
  'formsDueToday',
  'turnedAwayToday',
  'turnedAwayThisWeek',
  'overridesToday',
  'overridesThisWeek',
  'restrictedOnSite',
  'restrictionsAwaitingApproval',
  'restrictionsDueForReview',
  'restrictionsLapsed',
  'declarationsNeedingAttention',
  'changedOnTwoComputers',
  'syncProblems',
  'outboxFailed',
  'outboxStuck',
] as const;
export type AttentionKind = (typeof attentionKinds)[number];

export type SetUpGap =
  | { readonly kind: 'noCaseFileFolder' }
  | { readonly kind: 'caseFileFolderUnreachable' }
  | { readonly kind: 'noMailSettings' }
  | { readonly kind: 'noRecentBackup'; readonly lastBackupAt: string | undefined }
  | { readonly kind: 'noTermDatesToday' }
  | { readonly kind: 'staffWithoutCertificate'; readonly count: number }
  | { readonly kind: 'foreignAuthority' }
  | { readonly kind: 'authorityUnverifiable' }
  | { readonly kind: 'authorityNotKnown' };

export type HomeOverview = {
  /** Only the counts above nought, in the order the manager reads them. */
  readonly attention: readonly { readonly kind: AttentionKind; readonly count: number }[];
  readonly gaps: readonly SetUpGap[];
  /** True only when there is nothing to count and no gap in the set-up. */
  readonly isAllClear: boolean;
};

function isWithin(instant: string, fromDay: string, toDay: string, timeZone: string): boolean {
  const day = calendarDateOf(instant, timeZone);
  return day >= fromDay && day <= toDay;
}

/** The counts behind the manager's home, as of `now` in `timeZone`. */
export function attentionCounts(
  facts: OverviewFacts,
  now: Date,
  timeZone: string,
): Record<AttentionKind, number> {
  const today = calendarDateOf(now, timeZone);
  const weekStart = addDays(today, -(overviewWeekDays - 1));
  const reviewBy = addDays(today, reviewDueWithinDays);
  const nowMs = now.getTime();
  const count = <Item>(items: readonly Item[], test: (item: Item) => boolean) => items.filter(test).length;

  const turnedAway = facts.registerThisWeek.filter((entry) => entry.kind === 'turnedAway');
  const overrides = facts.registerThisWeek.filter((entry) => entry.restrictionCheck === 'overridden');
  const open = facts.restrictions.filter((restriction) => restriction.endedAt === undefined);
  const hasLapsed = (restriction: (typeof open)[number]) =>
    restriction.effectiveTo !== undefined && restriction.effectiveTo < today;

  return {
    formsOverdue: count(facts.unfiledForms, (form) => Date.parse(form.dueAt) < nowMs),
    // Still to come today: an overdue form is counted once, as overdue.
    formsDueToday: count(
      facts.unfiledForms,
      (form) => Date.parse(form.dueAt) >= nowMs && calendarDateOf(form.dueAt, timeZone) === today,
    ),
    turnedAwayToday: count(turnedAway, (entry) => isWithin(entry.arrivedAt, today, today, timeZone)),
    turnedAwayThisWeek: count(turnedAway, (entry) => isWithin(entry.arrivedAt, weekStart, today, timeZone)),
    overridesToday: count(overrides, (entry) => isWithin(entry.arrivedAt, today, today, timeZone)),
    overridesThisWeek: count(overrides, (entry) => isWithin(entry.arrivedAt, weekStart, today, timeZone)),
    restrictedOnSite: count(facts.onSite, (entry) => entry.restrictionCheck !== 'clear'),
    restrictionsAwaitingApproval: count(open, (restriction) => restriction.approvedById === undefined),
    // A lapsed restriction is counted as lapsed only: reviewing it means ending or renewing it.
    restrictionsDueForReview: count(
      open,
      (restriction) =>
        !hasLapsed(restriction) && restriction.reviewOn !== undefined && restriction.reviewOn <= reviewBy,
    ),
    restrictionsLapsed: count(open, hasLapsed),
    declarationsNeedingAttention: facts.declarationsNeedingAttention,
    changedOnTwoComputers: facts.changedOnTwoComputers,
    syncProblems: facts.syncProblems,
    outboxFailed: count(facts.outbox, (message) => message.state === 'failed'),
    outboxStuck: count(
      facts.outbox,
      (message) =>
        message.state === 'queued' && nowMs - Date.parse(message.createdAt) >= outboxStuckMinutes * 60_000,
    ),
  };
}

/** What about the home's set-up would let a record go astray today, in the order to put it right. */
export function setUpGaps(facts: SetUpFacts, now: Date, timeZone: string): SetUpGap[] {
  const gaps: SetUpGap[] = [];
  // First: while it stands, nothing the manager sets on this computer can be trusted.
  if (facts.homeAuthority === 'different') gaps.push({ kind: 'foreignAuthority' });
  if (facts.homeAuthority === 'unverifiable') gaps.push({ kind: 'authorityUnverifiable' });
  // A computer that joined the home, or was restored onto, learns the CA from the next certificate
  // made there; until then the manager's changes on it are refused.
  if (facts.homeAuthority === 'unknown') gaps.push({ kind: 'authorityNotKnown' });
  if (facts.caseFileFolder === 'not-set') gaps.push({ kind: 'noCaseFileFolder' });
  if (facts.caseFileFolder === 'unreachable') gaps.push({ kind: 'caseFileFolderUnreachable' });
  if (!facts.isMailSetUp) gaps.push({ kind: 'noMailSettings' });
  const lastMs = facts.lastBackupAt === undefined ? Number.NaN : Date.parse(facts.lastBackupAt);
  if (Number.isNaN(lastMs) || now.getTime() - lastMs > backupGapDays * 86_400_000)
    gaps.push({ kind: 'noRecentBackup', lastBackupAt: facts.lastBackupAt });
  if (termAt(calendarDateOf(now, timeZone), facts.academicYears).kind === 'outsideCalendar')
    gaps.push({ kind: 'noTermDatesToday' });
  const withoutCertificate = facts.activeStaff.filter(
    (member) => member.certificateUntil === undefined || Date.parse(member.certificateUntil) <= now.getTime(),
  ).length;
  if (withoutCertificate > 0) gaps.push({ kind: 'staffWithoutCertificate', count: withoutCertificate });
  return gaps;
}

/** Both halves of the manager's home, and whether there is truly nothing to look at. */
export function homeOverview(facts: OverviewFacts & SetUpFacts, now: Date, timeZone: string): HomeOverview {
  const counts = attentionCounts(facts, now, timeZone);
  const attention = attentionKinds
    .map((kind) => ({ kind, count: counts[kind] }))
    .filter((item) => item.count > 0);
  const gaps = setUpGaps(facts, now, timeZone);
  return { attention, gaps, isAllClear: attention.length === 0 && gaps.length === 0 };
}

export const setUpSteps = [
  'termDates',
  'staff',
  'youngPeople',
  'rooms',
  'caseFileFolder',
  'mail',
  'backups',
] as const;
export type SetUpStep = (typeof setUpSteps)[number];

/**
 * The first-run checklist: each step ticks itself off once the home holds what it asks for. The
 * first manager's own account does not count as "staff": the step is done when someone else can
 * sign in.
 */
export function setUpChecklist(facts: SetUpFacts): { readonly step: SetUpStep; readonly isDone: boolean }[] {
  const done: Record<SetUpStep, boolean> = {
    termDates: facts.academicYears.length > 0,
    staff: facts.activeStaff.length > 1,
    youngPeople: facts.youngPeople > 0,
    rooms: facts.rooms > 0,
    caseFileFolder: facts.caseFileFolder !== 'not-set',
    mail: facts.isMailSetUp,
    backups: facts.lastBackupAt !== undefined,
  };
  return setUpSteps.map((step) => ({ step, isDone: done[step] }));
}
