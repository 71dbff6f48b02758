import { dayAndTime } from '../home-time';
import type { YoungPerson } from '../schemas/people';
import type { VisitorEntry } from '../schemas/registers';

/** The paper a badge prints on: a sheet of A4, or a 62 mm roll of labels (62 x 100 mm). */
export const badgePapers = ['a4Sheet', 'label62mm'] as const;
export type BadgePaper = (typeof badgePapers)[number];

/** The paper's name as staff choose it, and as the audit log records it. */
export const badgePaperNames: Readonly<Record<BadgePaper, string>> = {
  a4Sheet: 'A4 sheet',
  label62mm: '62 mm label',
};

export const isBadgePaper = (value: unknown): value is BadgePaper =>
  typeof value === 'string' && (badgePapers as readonly string[]).includes(value);

/**
 * The mark a badge carries for a visit with conditions, in words so it does not rest on colour:
 * "SUPERVISED" when a named member of staff must be with them, "CONDITIONS APPLY" for any other
 * condition (or a manager's override). The note says what any member of staff seeing it does.
 */
export type BadgeMark =
  | { readonly kind: 'none' }
  | { readonly kind: 'supervised'; readonly words: 'SUPERVISED'; readonly note: string }
  | { readonly kind: 'conditions'; readonly words: 'CONDITIONS APPLY'; readonly note: string };

/** What a visitor's badge says, line by line. */
export type VisitorBadge = {
  readonly homeName: string;
  readonly visitorName: string;
  /** "Visiting Millie H.", or for someone not visiting a young person their organisation, or "Visitor". */
  readonly whom: string;
  /** "In 3 Dec 2026, 14:10" on the home's clock. */
  readonly timeIn: string;
  /** "Badge 4", or "No badge number" when none was given at the door. */
  readonly badge: string;
  readonly mark: BadgeMark;
};

export type BadgeContent =
  | { readonly kind: 'badge'; readonly badge: VisitorBadge }
  | { readonly kind: 'noBadge'; readonly reason: string };

type BadgeYoungPerson = Pick<YoungPerson, 'id' | 'firstName' | 'lastName' | 'preferredName'>;

export type BadgeContext = {
  readonly homeName: string;
  /** The home's zone (Europe/London unless it is elsewhere). */
  readonly timeZone: string;
  readonly youngPeople: readonly BadgeYoungPerson[];
  readonly staffName: (id: string) => string;
};

/** A young person as a badge names them: the name they go by and an initial ("Millie H."). */
export function badgeYoungPersonName(youngPerson: BadgeYoungPerson): string {
  const first = youngPerson.preferredName || youngPerson.firstName;
  const initial = youngPerson.lastName.trim().charAt(0).toUpperCase();
  return initial ? `${first} ${initial}.` : first;
}

function whomText(
  entry: Pick<VisitorEntry, 'visitingYoungPersonIds' | 'organisationOrRelationship'>,
  youngPeople: readonly BadgeYoungPerson[],
): string {
  if (entry.visitingYoungPersonIds.length > 0) {
    const byId = new Map(youngPeople.map((youngPerson) => [youngPerson.id, youngPerson]));
    const names = entry.visitingYoungPersonIds.map((id) => {
      const youngPerson = byId.get(id);
      return youngPerson ? badgeYoungPersonName(youngPerson) : 'a young person';
    });
    return `Visiting ${[...new Set(names)].join(', ')}`;
  }
  return entry.organisationOrRelationship.trim() || 'Visitor';
}

function markOf(
  entry: Pick<VisitorEntry, 'restrictionCheck' | 'supervisingStaffId'>,
  staffName: (id: string) => string,
): BadgeMark {
  if (entry.restrictionCheck === 'clear' || entry.restrictionCheck === 'block') return { kind: 'none' };
  if (entry.supervisingStaffId)
    return {
      kind: 'supervised',
      words: 'SUPERVISED',
      note: `Must be with ${staffName(entry.supervisingStaffId)} at all times.`,
    };
  return {
    kind: 'conditions',
    words: 'CONDITIONS APPLY',
    note: 'Staff: the conditions are on the front door’s list.',
  };
}

/**
 * What a visitor's badge says (the front door prints it at sign-in): the home, the visitor, whom
 * they are visiting, when they came in, the badge number, and a mark for a supervised or
 * conditional visit.
 *
 * A badge is worn where everyone in the home can read it, so it says less than the door's list:
 * young people by the name they go by and an initial; the mark and who supervises, never the
 * conditions' wording, and never the restriction's authority, reference or description (DESIGN
 * rule 8: "restricted: supervised only, speak to the duty manager", not the court order). Staff
 * find the conditions on "On site now". Someone turned away, or already gone, gets no badge.
 */
export function visitorBadge(
  entry: Pick<
    VisitorEntry,
    | 'kind'
    | 'visitorName'
    | 'arrivedAt'
    | 'departedAt'
    | 'visitingYoungPersonIds'
    | 'organisationOrRelationship'
    | 'badgeNumber'
    | 'restrictionCheck'
    | 'supervisingStaffId'
  >,
  context: BadgeContext,
): BadgeContent {
  if (entry.kind === 'turnedAway')
    return { kind: 'noBadge', reason: 'This person was turned away at the door, so they need no badge.' };
  if (entry.departedAt) return { kind: 'noBadge', reason: 'This visitor has already been signed out.' };
  const number = entry.badgeNumber.trim();
  return {
    kind: 'badge',
    badge: {
      homeName: context.homeName,
      visitorName: entry.visitorName,
      whom: whomText(entry, context.youngPeople),
      timeIn: `In ${dayAndTime(entry.arrivedAt, context.timeZone)}`,
      badge: number ? `Badge ${number}` : 'No badge number',
      mark: markOf(entry, context.staffName),
    },
  };
}
