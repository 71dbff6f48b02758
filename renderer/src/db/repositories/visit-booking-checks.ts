import { longestVisitHours, type Visit, type VisitBookingForm } from '@shared/schemas/visits';
import { displayName, displayPersonName } from '@shared/display-names';
import type { StaffMember } from '@shared/schemas/staff';
import type { YoungPerson } from '@shared/schemas/people';
import { expandRecurrence, type Occurrence } from '@shared/rules/visit-recurrence';
import { addDays, calendarDateOf } from '@shared/home-time';
import { formatUkDate } from '@shared/format-dates';
import {
  visitConflicts,
  type BookedVisit,
  type ConflictNames,
  type Placement,
  type ProposedVisit,
  type VisitConflict,
} from '@shared/rules/visit-conflicts';
import {
  bookingRestrictionIssues,
  type BookingPerson,
  type BookingRestrictionIssue,
} from '@shared/rules/visit-restrictions';
import {
  bookingPlanWarnings,
  planKindOfVisit,
  type PlanBookedContact,
} from '@shared/rules/contact-plan-booking';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';
import { personCodec } from './people-repository';
import { contactPlanRepository } from './contact-plan-repository';
import { restrictionCodec } from './restriction-codec';
import { staffCodec } from './staff-repository';
import type { VisitError } from './visit-repository';
import { youngPersonCodec } from './young-people-repository';
import { visitCodec } from './visit-codec';

/** Everything the checks found for a booking, before it is saved. `blocking` stops the save. */
export type BookingCheck = {
  readonly occurrences: readonly Occurrence[];
  readonly conflicts: readonly VisitConflict[];
  readonly restrictionIssues: readonly BookingRestrictionIssue[];
  /** Messages that stop the booking, in plain words, each saying how to fix it. */
  readonly blocking: readonly string[];
  /** Messages to read before going ahead; they do not stop it. */
  readonly warnings: readonly string[];
  /** Where the booking departs from the contact plan, in the plan's own words: warnings, never blocks. */
  readonly planWarnings: readonly string[];
};

/** Young people and staff a screen has already opened (its live directory), so a check need not open them again. */
export type KnownPeople = {
  readonly youngPeople: readonly Pick<
    YoungPerson,
    'id' | 'firstName' | 'lastName' | 'preferredName' | 'placementStartsOn' | 'placementEndsOn'
  >[];
  readonly staff: readonly Pick<StaffMember, 'id' | 'name'>[];
};

export type BookingContext = {
  /** The home's zone: the form's times are wall-clock times there. */
  readonly timeZone: string;
  /** What the screen already holds; anyone not in it is read and opened here. */
  readonly known?: KnownPeople | undefined;
};

const hourMs = 3_600_000;

/** Everyone on the visit: the supervising member of staff is always one of the staff. */
export function staffOf(form: VisitBookingForm): string[] {
  return [...new Set([...form.staffIds, ...(form.supervisingStaffId ? [form.supervisingStaffId] : [])])];
}

/**
 * The checks a booking gets (shared/rules/visit-conflicts.ts and visit-restrictions.ts) on the
 * records as stored: clashes of young people, staff and rooms, placements, and restrictions. Run
 * before saving, for the booking screen, and the clash check again inside the saving transaction,
 * so two people booking the same room at once cannot both win.
 */
export function visitBookingChecks(db: FamilyLinksDb) {
  /**
   * Visits that could overlap the given slots, read by index range: a visit lasts at most
   * `longestVisitHours`, so one that overlaps [start, end) starts within that much before `start`.
   * Only plain columns are read; nothing is opened.
   */
  async function candidates(slots: readonly Pick<Visit, 'startsAt' | 'endsAt'>[]): Promise<BookedVisit[]> {
    const found = new Map<string, BookedVisit>();
    const ranges = await Promise.all(
      slots.map((slot) => {
        const from = new Date(Date.parse(slot.startsAt) - longestVisitHours * hourMs).toISOString();
        return db.visits.where('startsAt').between(from, slot.endsAt, true, false).toArray();
      }),
    );
    for (const rows of ranges) {
      for (const row of rows) found.set(row.id, row);
    }
    return [...found.values()];
  }

  /**
   * The clash check: one read transaction for the candidate visits and the rows naming who and
   * where, then only the young people are opened (their placement dates). Staff rows are opened
   * only when a staff clash needs their names, so the usual check opens one or two rows.
   */
  async function clashCheck(
    session: Session,
    proposed: readonly ProposedVisit[],
    context: BookingContext,
    ignoreVisitIds: readonly string[],
  ) {
    const knownYoungPeople = new Map((context.known?.youngPeople ?? []).map((person) => [person.id, person]));
    const knownStaff = new Map((context.known?.staff ?? []).map((member) => [member.id, member.name]));
    const ids = {
      youngPersonIds: [...new Set(proposed.flatMap((visit) => visit.youngPersonIds))],
      staffIds: [...new Set(proposed.flatMap((visit) => visit.staffIds))],
      roomIds: [...new Set(proposed.flatMap((visit) => (visit.roomId ? [visit.roomId] : [])))],
    };
    const unknownYoungPersonIds = ids.youngPersonIds.filter((id) => !knownYoungPeople.has(id));
    const unknownStaffIds = ids.staffIds.filter((id) => !knownStaff.has(id));
    // Only the tables there is something to read from: the booking form knows its young people and
    // staff, so a check usually reads the visits and at most a room, in one short transaction.
    const tables = [
      db.visits,
      ...(unknownYoungPersonIds.length > 0 ? [db.youngPeople] : []),
      ...(unknownStaffIds.length > 0 ? [db.staff] : []),
      ...(ids.roomIds.length > 0 ? [db.rooms] : []),
    ];
    const read = await db.transaction('r', tables, async () => {
      const [youngPeopleRows, staffRows, roomRows, others] = await Promise.all([
        unknownYoungPersonIds.length > 0 ? db.youngPeople.bulkGet(unknownYoungPersonIds) : [],
        unknownStaffIds.length > 0 ? db.staff.bulkGet(unknownStaffIds) : [],
        ids.roomIds.length > 0 ? db.rooms.bulkGet(ids.roomIds) : [],
        candidates(proposed),
      ]);
      return { youngPeopleRows, staffRows, roomRows, others };
    });
    const opened = await Promise.all(
      read.youngPeopleRows.flatMap((row) => (row ? [youngPersonCodec.decode(row, session.cipher)] : [])),
    );
    const youngPeople = [
      ...ids.youngPersonIds.flatMap((id) => {
        const known = knownYoungPeople.get(id);
        return known ? [known] : [];
      }),
      ...opened,
    ];
    const rooms = read.roomRows.flatMap((room) => (room ? [room] : []));
    const youngPersonNames = new Map(youngPeople.map((person) => [person.id, displayName(person)]));
    const staffNames = new Map(knownStaff);
    const roomNames = new Map(rooms.map((room) => [room.id, room.name]));
    const names: ConflictNames = {
      youngPerson: (id) => youngPersonNames.get(id) ?? 'This young person',
      staff: (id) => staffNames.get(id) ?? 'This member of staff',
      room: (id) => roomNames.get(id) ?? 'This room',
    };
    const placements: Placement[] = youngPeople.map((person) => ({
      youngPersonId: person.id,
      startsOn: person.placementStartsOn,
      endsOn: person.placementEndsOn,
    }));
    const check = () =>
      visitConflicts({
        proposed,
        others: read.others,
        placements,
        names,
        timeZone: context.timeZone,
        ignoreVisitIds,
      });
    let conflicts = check();
    // Staff not already known are opened only when a staff clash needs their names.
    if (
      read.staffRows.length > 0 &&
      conflicts.some((conflict) => conflict.kind === 'staffDoubleBooked' && !staffNames.has(conflict.staffId))
    ) {
      const staff = await Promise.all(
        read.staffRows.flatMap((row) => (row ? [staffCodec.decode(row, session.cipher)] : [])),
      );
      for (const member of staff) staffNames.set(member.id, member.name);
      conflicts = check();
    }
    return { conflicts, names, placements, rooms };
  }

  async function bookingPeople(session: Session, personIds: readonly string[]): Promise<BookingPerson[]> {
    const rows = await db.people.bulkGet([...personIds]);
    const people = await Promise.all(
      rows.flatMap((row) => (row ? [personCodec.decode(row, session.cipher)] : [])),
    );
    return people.map((person) => {
      const fullName = displayPersonName(person);
      return { personId: person.id, displayName: fullName, names: [fullName, ...person.aliases] };
    });
  }

  /**
   * The young people's other family contacts within a month either side of the booking, for the
   * plan's "more often than agreed" warning. Read only when the plan sets a frequency for this
   * kind of contact with someone coming; only those rows are opened.
   */
  async function plannedContactsAround(
    session: Session,
    form: VisitBookingForm,
    dates: readonly string[],
    plan: readonly { youngPersonId: string; personId: string; kind: string; frequency: string }[],
    ignoreVisitIds: readonly string[],
    timeZone: string,
  ): Promise<PlanBookedContact[]> {
    const planKind = planKindOfVisit(form.kind);
    const counted = plan.some(
      (arrangement) =>
        arrangement.kind === planKind &&
        arrangement.frequency !== 'asArranged' &&
        form.personIds.includes(arrangement.personId),
    );
    const sorted = [...dates].sort();
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if (!counted || first === undefined || last === undefined) return [];
    // A month either side holds any period (at most a calendar month) a booking date falls in.
    const from = addDays(first, -32);
    const to = addDays(last, 33);
    const ignored = new Set(ignoreVisitIds);
    const rows = await db.visits
      .where('youngPersonIds')
      .anyOf([...form.youngPersonIds])
      .toArray();
    const near = [...new Map(rows.map((row) => [row.id, row])).values()].filter(
      (row) =>
        !ignored.has(row.id) &&
        row.status !== 'cancelled' &&
        row.status !== 'didNotAttend' &&
        row.startsAt.slice(0, 10) >= from &&
        row.startsAt.slice(0, 10) <= to,
    );
    const visits = await Promise.all(near.map((row) => visitCodec.decode(row, session.cipher)));
    return visits.map((visit) => ({
      date: calendarDateOf(visit.startsAt, timeZone),
      kind: visit.kind,
      youngPersonIds: visit.youngPersonIds,
      personIds: visit.personIds,
    }));
  }

  function proposedFrom(form: VisitBookingForm, occurrences: readonly Occurrence[]): ProposedVisit[] {
    const staffIds = staffOf(form);
    return occurrences.map((occurrence) => ({
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
      youngPersonIds: form.youngPersonIds,
      staffIds,
      ...(form.roomId ? { roomId: form.roomId } : {}),
    }));
  }

  /** Runs every check on a parsed form. */
  async function runChecks(
    session: Session,
    form: VisitBookingForm,
    context: BookingContext,
    ignoreVisitIds: readonly string[],
  ): Promise<
    Result<
      BookingCheck & { names: ConflictNames; proposed: ProposedVisit[]; placements: Placement[] },
      VisitError
    >
  > {
    const expanded = expandRecurrence({
      date: form.date,
      startTime: form.startTime,
      endTime: form.endTime,
      frequency: form.repeat,
      until: form.repeatUntil || undefined,
      timeZone: context.timeZone,
    });
    if (!expanded.ok) return fail('invalid', expanded.error.message, { repeatUntil: expanded.error.message });
    const occurrences = expanded.value;
    // The form checks the end is after the start on the clock face. On the night the clocks go
    // forward, a start in the skipped hour reads an hour later (01:30 is 02:30), and can then
    // fall after the end: a visit stored ending before it starts.
    const backwards = occurrences.find((occurrence) => occurrence.endsAt <= occurrence.startsAt);
    if (backwards) {
      const message = `The clocks go forward in the night on ${formatUkDate(backwards.date)}, so ${form.startTime} is not on the clock and this visit would end before it starts. Choose a start after the change.`;
      return fail('invalid', message, { startTime: message });
    }
    const proposed = proposedFrom(form, occurrences);
    const { conflicts, names, placements, rooms } = await clashCheck(
      session,
      proposed,
      context,
      ignoreVisitIds,
    );

    const restrictionRows = await db.restrictions
      .where('youngPersonId')
      .anyOf([...form.youngPersonIds])
      .toArray();
    const restrictions = await Promise.all(
      restrictionRows.map((row) => restrictionCodec.decodeInstruction(row, session.cipher)),
    );
    const [people, plan] = await Promise.all([
      bookingPeople(session, form.personIds),
      contactPlanRepository(db).doorViewFor(session, form.youngPersonIds),
    ]);
    const dates = occurrences.map((occurrence) => calendarDateOf(occurrence.startsAt, context.timeZone));
    const booking = {
      kind: form.kind,
      youngPersonIds: form.youngPersonIds,
      people,
      isSupervised: form.supervisingStaffId !== '',
      dates,
      youngPersonName: names.youngPerson,
    };
    const restrictionIssues = bookingRestrictionIssues(booking, restrictions);
    const others = await plannedContactsAround(session, form, dates, plan, ignoreVisitIds, context.timeZone);
    const planWarnings = bookingPlanWarnings({ ...booking, others }, plan).map((warning) => warning.message);

    const blocking: string[] = [];
    const room = rooms.find((candidate) => candidate.id === form.roomId);
    if (form.roomId && !room) blocking.push('That room is no longer in the rooms list. Choose another room.');
    if (room && !room.isActive && ignoreVisitIds.length === 0)
      blocking.push(`${room.name} is no longer booked for visits. Choose another room.`);
    if (occurrences.length === 0)
      blocking.push('Every date of this booking is left out. Choose at least one date.');
    blocking.push(
      ...restrictionIssues.filter((issue) => issue.severity === 'block').map((issue) => issue.message),
    );
    blocking.push(...conflicts.map((conflict) => conflict.message));
    const warnings = restrictionIssues
      .filter((issue) => issue.severity === 'warn')
      .map((issue) => issue.message);
    return ok({
      occurrences,
      conflicts,
      restrictionIssues,
      blocking: [...new Set(blocking)],
      warnings: [...new Set(warnings)],
      planWarnings: [...new Set(planWarnings)],
      names,
      proposed,
      placements,
    });
  }

  /** In the transaction: the clash check again, on what is stored now. */
  async function newClashes(
    proposed: readonly ProposedVisit[],
    placements: readonly Placement[],
    names: ConflictNames,
    timeZone: string,
    ignoreVisitIds: readonly string[],
  ) {
    const clashes = visitConflicts({
      proposed,
      others: await candidates(proposed),
      placements,
      names,
      timeZone,
      ignoreVisitIds,
    });
    return clashes.length > 0
      ? fail(
          'refused',
          `Someone booked at the same time a moment ago. ${clashes.map((clash) => clash.message).join(' ')}`,
        )
      : undefined;
  }

  return { candidates, clashCheck, runChecks, newClashes };
}
