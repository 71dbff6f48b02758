import { formatUkDate } from '../format-dates';
import { calendarDateOf, clockTime, wallClockWords } from '../home-time';
import { visitKindLabels, type Visit } from '../schemas/visits';

/**
 * Clashes a booking must not have (each clash explained in words): a room or a member
 * of staff booked twice at once, a young person in two places, a visit outside the placement dates.
 *
 * Interpretation:
 * - Two visits **overlap** when one starts before the other ends; one ending at 15:00 and the next
 *   starting at 15:00 do not clash (a room can be turned round on the hour).
 * - Cancelled visits and those the family did not attend hold nothing: the room and staff are free.
 *   Completed visits still count (a visit that happened cannot have had its room in use twice).
 * - A visit being changed is never its own clash (`ignoreVisitIds`), nor are the other new
 *   occurrences of the same booking (they are checked against each other by the caller only if
 *   they could overlap, which repeats a day or more apart cannot).
 * - **Outside the placement**: the visit's date in the home's zone is before the placement started
 *   or after it ended (the end date itself is still inside).
 * - Each problem carries a message saying what is wrong and how to fix it, ready to show as is.
 * The check reads only the plain columns a visit row keeps (ids, times, status), so the repository
 * can run it on index-range candidates without opening any sealed data.
 */

/** What the check needs of another visit: the plain columns of its row. */
export type BookedVisit = Pick<
  Visit,
  'id' | 'startsAt' | 'endsAt' | 'youngPersonIds' | 'staffIds' | 'roomId' | 'status'
> & { readonly kind?: Visit['kind'] };

/** One visit being booked or moved. */
export type ProposedVisit = Pick<Visit, 'startsAt' | 'endsAt' | 'youngPersonIds' | 'staffIds' | 'roomId'>;

export type Placement = {
  readonly youngPersonId: string;
  readonly startsOn: string;
  readonly endsOn?: string | undefined;
};

export type ConflictNames = {
  readonly youngPerson: (id: string) => string;
  readonly staff: (id: string) => string;
  readonly room: (id: string) => string;
};

export type VisitConflict =
  | {
      readonly kind: 'roomDoubleBooked';
      readonly roomId: string;
      readonly otherVisitId: string;
      readonly startsAt: string;
      readonly message: string;
    }
  | {
      readonly kind: 'staffDoubleBooked';
      readonly staffId: string;
      readonly otherVisitId: string;
      readonly startsAt: string;
      readonly message: string;
    }
  | {
      readonly kind: 'youngPersonElsewhere';
      readonly youngPersonId: string;
      readonly otherVisitId: string;
      readonly startsAt: string;
      readonly message: string;
    }
  | {
      readonly kind: 'outsidePlacement';
      readonly youngPersonId: string;
      readonly startsAt: string;
      readonly message: string;
    };

export type ConflictCheckInput = {
  readonly proposed: readonly ProposedVisit[];
  readonly others: readonly BookedVisit[];
  readonly placements: readonly Placement[];
  readonly names: ConflictNames;
  readonly timeZone: string;
  readonly ignoreVisitIds?: readonly string[];
};

const holdsNothing = new Set<Visit['status']>(['cancelled', 'didNotAttend']);

export function overlaps(
  a: Pick<Visit, 'startsAt' | 'endsAt'>,
  b: Pick<Visit, 'startsAt' | 'endsAt'>,
): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}

/** "Sat 7 Mar 2026, 14:00–16:00" in the home's zone. */
export function describeSlot(slot: Pick<Visit, 'startsAt' | 'endsAt'>, timeZone: string): string {
  const start = wallClockWords(slot.startsAt, timeZone);
  return `${start.weekday} ${start.day} ${start.month} ${start.year}, ${start.hour}:${start.minute}–${clockTime(slot.endsAt, timeZone)}`;
}

function otherText(other: BookedVisit): string {
  return other.kind ? `a ${visitKindLabels[other.kind].toLowerCase()}` : 'another visit';
}

/** Every clash the proposed visits have, in the order they happen; empty when none. */
export function visitConflicts(input: ConflictCheckInput): VisitConflict[] {
  const { names, timeZone } = input;
  const ignored = new Set(input.ignoreVisitIds ?? []);
  const live = input.others.filter((other) => !ignored.has(other.id) && !holdsNothing.has(other.status));
  const placements = new Map(input.placements.map((placement) => [placement.youngPersonId, placement]));
  const conflicts: VisitConflict[] = [];

  for (const proposed of input.proposed) {
    // Slots are described only for a message: each description asks the zone's rules three times.
    const when = () => describeSlot(proposed, timeZone);
    const date = calendarDateOf(proposed.startsAt, timeZone);
    for (const youngPersonId of proposed.youngPersonIds) {
      const placement = placements.get(youngPersonId);
      if (!placement) continue;
      if (date < placement.startsOn) {
        conflicts.push({
          kind: 'outsidePlacement',
          youngPersonId,
          startsAt: proposed.startsAt,
          message: `${names.youngPerson(youngPersonId)}’s placement starts on ${formatUkDate(placement.startsOn)}, so the visit on ${when()} is before it. Choose a date from ${formatUkDate(placement.startsOn)}, or check the placement dates on their record.`,
        });
      } else if (placement.endsOn !== undefined && date > placement.endsOn) {
        conflicts.push({
          kind: 'outsidePlacement',
          youngPersonId,
          startsAt: proposed.startsAt,
          message: `${names.youngPerson(youngPersonId)}’s placement ends on ${formatUkDate(placement.endsOn)}, so the visit on ${when()} is after it. Choose a date up to ${formatUkDate(placement.endsOn)}, or check the placement dates on their record.`,
        });
      }
    }

    for (const other of live) {
      if (!overlaps(proposed, other)) continue;
      const otherWhen = () => describeSlot(other, timeZone);
      if (proposed.roomId !== undefined && proposed.roomId === other.roomId) {
        conflicts.push({
          kind: 'roomDoubleBooked',
          roomId: proposed.roomId,
          otherVisitId: other.id,
          startsAt: proposed.startsAt,
          message: `${names.room(proposed.roomId)} is already booked for ${otherText(other)} on ${otherWhen()}. Choose another room or another time.`,
        });
      }
      for (const staffId of proposed.staffIds) {
        if (!other.staffIds.includes(staffId)) continue;
        conflicts.push({
          kind: 'staffDoubleBooked',
          staffId,
          otherVisitId: other.id,
          startsAt: proposed.startsAt,
          message: `${names.staff(staffId)} is already on ${otherText(other)} on ${otherWhen()}. Choose another member of staff, or another time.`,
        });
      }
      for (const youngPersonId of proposed.youngPersonIds) {
        if (!other.youngPersonIds.includes(youngPersonId)) continue;
        conflicts.push({
          kind: 'youngPersonElsewhere',
          youngPersonId,
          otherVisitId: other.id,
          startsAt: proposed.startsAt,
          message: `${names.youngPerson(youngPersonId)} is already booked for ${otherText(other)} on ${otherWhen()} and cannot be in two places. Choose another time, or move or cancel the other visit first.`,
        });
      }
    }
  }
  return conflicts;
}
