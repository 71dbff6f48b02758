import {
  longestVisitHours,
  visitBookingFormSchema,
  visitSchema,
  visitStatusChangeSchema,
  type Visit,
  type VisitBookingForm,
} from '@shared/schemas/visits';
import { can } from '@shared/rules/access';
import { expandRecurrence, type Occurrence } from '@shared/rules/visit-recurrence';
import {
  describeSlot,
  localDateOf,
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
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb, VisitPlainKey } from '../database';
import { recordWriter } from '../record-writer';
import { createSealedCodec, type SealedRow } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import type { YoungPerson } from '@shared/schemas/people';
import type { StaffMember } from '@shared/schemas/staff';
import { displayName, youngPersonCodec } from './young-people-repository';
import { staffCodec } from './staff-repository';
import { personCodec } from './people-repository';
import { restrictionCodec } from './restriction-repository';

export const visitPlainKeys = [
  'id',
  'startsAt',
  'endsAt',
  'youngPersonIds',
  'staffIds',
  'roomId',
  'status',
  'seriesId',
  'kind',
] as const satisfies readonly VisitPlainKey[];
export const visitCodec = createSealedCodec('visits', visitSchema, visitPlainKeys);
export type VisitRow = SealedRow<Visit, VisitPlainKey>;

export type VisitError =
  'forbidden' | 'invalid' | 'refused' | 'not-found' | 'changed-elsewhere' | 'not-allowed-now';

/** Everything the checks found for a booking, before it is saved. `blocking` stops the save. */
export type BookingCheck = {
  readonly occurrences: readonly Occurrence[];
  readonly conflicts: readonly VisitConflict[];
  readonly restrictionIssues: readonly BookingRestrictionIssue[];
  /** Messages that stop the booking, in plain words, each saying how to fix it. */
  readonly blocking: readonly string[];
  /** Messages to read before going ahead; they do not stop it. */
  readonly warnings: readonly string[];
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

export type VisitFilter = {
  readonly youngPersonId?: string;
  readonly staffId?: string;
  readonly roomId?: string;
};

const hourMs = 3_600_000;
const finalStatuses = new Set<Visit['status']>(['completed', 'cancelled', 'didNotAttend']);

/** The visit as this person may see it: a visit's notes are for those who lead contact, the staff on it and whoever booked it. */
function mayReadNotes(visit: Visit, session: Session): boolean {
  return (
    can(session.roles, 'visit:read-notes') ||
    visit.staffIds.includes(session.staff.id) ||
    visit.bookedById === session.staff.id
  );
}

function visibleVisit(visit: Visit, session: Session): Visit {
  return mayReadNotes(visit, session) ? visit : { ...visit, notes: '' };
}

/**
 * The visit schedule (issue 5). Each visit is one row: ids, times, kind and status plain (so the
 * calendar reads a week by the `startsAt` index and the conflict check never opens a sealed row);
 * who is coming, transport and notes sealed. A repeating booking is one row per occurrence sharing
 * a `seriesId`, so one occurrence can be moved or cancelled on its own. Nothing is deleted: a visit
 * is cancelled, with a reason. Every change is one transaction with its audit entries, and the
 * clash check is run again inside it so two people booking the same room at once cannot both win.
 */
export function visitRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.visits, visitCodec);
  const records = recordWriter(db, clock);

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
    const read = await db.transaction('r', [db.visits, db.youngPeople, db.staff, db.rooms], async () => {
      const [youngPeopleRows, staffRows, roomRows, others] = await Promise.all([
        unknownYoungPersonIds.length > 0 ? db.youngPeople.bulkGet(unknownYoungPersonIds) : [],
        unknownStaffIds.length > 0 ? db.staff.bulkGet(unknownStaffIds) : [],
        db.rooms.bulkGet(ids.roomIds),
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
      const fullName = [person.firstName, person.lastName].filter(Boolean).join(' ');
      return { personId: person.id, displayName: fullName, names: [fullName, ...person.aliases] };
    });
  }

  /** Everyone on the visit: the supervising member of staff is always one of the staff. */
  function staffOf(form: VisitBookingForm): string[] {
    return [...new Set([...form.staffIds, ...(form.supervisingStaffId ? [form.supervisingStaffId] : [])])];
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
      restrictionRows.map((row) => restrictionCodec.decode(row, session.cipher)),
    );
    const people = await bookingPeople(session, form.personIds);
    const restrictionIssues = bookingRestrictionIssues(
      {
        kind: form.kind,
        youngPersonIds: form.youngPersonIds,
        people,
        isSupervised: form.supervisingStaffId !== '',
        dates: occurrences.map((occurrence) => localDateOf(occurrence.startsAt, context.timeZone)),
        youngPersonName: names.youngPerson,
      },
      restrictions,
    );

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
      names,
      proposed,
      placements,
    });
  }

  function parseForm(input: unknown): Result<VisitBookingForm, VisitError> {
    const parsed = visitBookingFormSchema.safeParse(input);
    if (!parsed.success) return fail('invalid', 'Some details need correcting.', fieldMessages(parsed.error));
    return ok(parsed.data);
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

  const changedElsewhere = fail(
    'changed-elsewhere',
    'Someone else changed this visit a moment ago. Open it again to see their change.',
  );

  return {
    /**
     * Visits overlapping [fromIso, toIso), earliest first, optionally for one young person, member
     * of staff or room: read by the `startsAt` index, filtered on plain columns, then opened.
     */
    async listBetween(
      session: Session,
      fromIso: string,
      toIso: string,
      filter: VisitFilter = {},
    ): Promise<Visit[]> {
      const from = new Date(Date.parse(fromIso) - longestVisitHours * hourMs).toISOString();
      const rows = await db.visits.where('startsAt').between(from, toIso, true, false).toArray();
      const wanted = rows.filter(
        (row) =>
          row.endsAt > fromIso &&
          (filter.youngPersonId === undefined || row.youngPersonIds.includes(filter.youngPersonId)) &&
          (filter.staffId === undefined || row.staffIds.includes(filter.staffId)) &&
          (filter.roomId === undefined || row.roomId === filter.roomId),
      );
      const visits = await store.open(wanted, session.cipher);
      return visits
        .map((visit) => visibleVisit(visit, session))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },

    /** One young person's visits starting in [fromIso, toIso), earliest first (for the termly review and planning help). */
    async listForYoungPerson(
      session: Session,
      youngPersonId: string,
      fromIso: string,
      toIso: string,
    ): Promise<Visit[]> {
      const rows = await db.visits.where('youngPersonIds').equals(youngPersonId).toArray();
      const inRange = rows.filter((row) => row.startsAt >= fromIso && row.startsAt < toIso);
      const visits = await store.open(inRange, session.cipher);
      return visits
        .map((visit) => visibleVisit(visit, session))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },

    async get(session: Session, id: string): Promise<Visit | undefined> {
      const visit = await store.get(id, session.cipher);
      return visit ? visibleVisit(visit, session) : undefined;
    },

    /** The other visits of a series, earliest first. */
    async listSeries(session: Session, seriesId: string): Promise<Visit[]> {
      const visits = await store.open(
        await db.visits.where('seriesId').equals(seriesId).toArray(),
        session.cipher,
      );
      return visits
        .map((visit) => visibleVisit(visit, session))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },

    /** The clash check alone, on index-range candidates (what the benchmark times). */
    async findConflicts(
      session: Session,
      proposed: readonly ProposedVisit[],
      context: BookingContext & { ignoreVisitIds?: readonly string[] },
    ): Promise<VisitConflict[]> {
      return (await clashCheck(session, proposed, context, context.ignoreVisitIds ?? [])).conflicts;
    },

    /** Every check a booking gets, before saving: what the booking screen shows as it is filled in. */
    async checkBooking(
      session: Session,
      input: unknown,
      context: BookingContext,
      changingVisitId?: string,
    ): Promise<Result<BookingCheck, VisitError>> {
      const form = parseForm(
        changingVisitId ? { ...(input as object), repeat: 'none', repeatUntil: '' } : input,
      );
      if (!form.ok) return form;
      const checked = await runChecks(session, form.value, context, changingVisitId ? [changingVisitId] : []);
      if (!checked.ok) return checked;
      const { occurrences, conflicts, restrictionIssues, blocking, warnings } = checked.value;
      return ok({ occurrences, conflicts, restrictionIssues, blocking, warnings });
    },

    /**
     * Books a visit, or a series of them (one row per date). Refused, with every reason, if any
     * check blocks; nothing is saved then.
     */
    async book(
      session: Session,
      input: unknown,
      context: BookingContext,
    ): Promise<Result<Visit[], VisitError>> {
      if (!can(session.roles, 'visit:book'))
        return fail('forbidden', 'Your account cannot book visits. Ask the manager.');
      const form = parseForm(input);
      if (!form.ok) return form;
      const checked = await runChecks(session, form.value, context, []);
      if (!checked.ok) return checked;
      const { blocking, occurrences, names, proposed, placements } = checked.value;
      if (blocking.length > 0) return fail('refused', blocking.join(' '));
      const now = clock();
      const seriesId = occurrences.length > 1 ? crypto.randomUUID() : undefined;
      const {
        date: _date,
        startTime: _start,
        endTime: _end,
        repeat,
        repeatUntil,
        supervisingStaffId,
        roomId,
        ...details
      } = form.value;
      const visits = occurrences.map((occurrence) =>
        visitSchema.parse({
          ...details,
          id: crypto.randomUUID(),
          staffIds: staffOf(form.value),
          ...(supervisingStaffId ? { supervisingStaffId } : {}),
          ...(roomId ? { roomId } : {}),
          startsAt: occurrence.startsAt,
          endsAt: occurrence.endsAt,
          status: 'planned',
          cancelledReason: '',
          ...(seriesId && repeat !== 'none'
            ? { seriesId, repeats: { frequency: repeat, until: repeatUntil } }
            : {}),
          bookedById: session.staff.id,
          bookedAt: now.toISOString(),
        }),
      );
      const saved = await records.write(session, {
        at: now,
        events: visits.map((visit) => ({
          action: 'visit.booked',
          recordType: 'visit',
          recordId: visit.id,
          detail: seriesId ? `${visit.kind}, series of ${visits.length}` : visit.kind,
        })),
        writes: [store.insertAll(visits)],
        check: () => newClashes(proposed, placements, names, context.timeZone, []),
      });
      return saved.ok ? ok(visits) : saved;
    },

    /** Moves or changes one visit (one occurrence of a series moves on its own and stays in it). */
    async change(
      session: Session,
      id: string,
      input: unknown,
      context: BookingContext,
    ): Promise<Result<Visit, VisitError>> {
      if (!can(session.roles, 'visit:book'))
        return fail('forbidden', 'Your account cannot change visits. Ask the manager.');
      const currentRow = await db.visits.get(id);
      if (!currentRow) return fail('not-found', 'That visit is no longer in the calendar.');
      const current = await visitCodec.decode(currentRow, session.cipher);
      if (finalStatuses.has(current.status)) {
        return fail(
          'not-allowed-now',
          `This visit is already marked “${current.status === 'didNotAttend' ? 'did not attend' : current.status}”, so it stays as it was. Book a new visit instead.`,
        );
      }
      const form = parseForm({ ...(input as object), repeat: 'none', repeatUntil: '' });
      if (!form.ok) return form;
      const checked = await runChecks(session, form.value, context, [id]);
      if (!checked.ok) return checked;
      const { blocking, occurrences, names, proposed, placements } = checked.value;
      if (blocking.length > 0) return fail('refused', blocking.join(' '));
      const [occurrence] = occurrences;
      if (!occurrence) return fail('invalid', 'Enter the date and times of the visit.');
      const {
        date: _date,
        startTime: _start,
        endTime: _end,
        repeat: _repeat,
        repeatUntil: _until,
        supervisingStaffId,
        roomId,
        ...details
      } = form.value;
      const { supervisingStaffId: _oldSupervisor, roomId: _oldRoom, ...kept } = current;
      const changed = visitSchema.parse({
        ...kept,
        ...details,
        // Someone who could not see the notes cannot have meant to clear them.
        notes: mayReadNotes(current, session) ? details.notes : current.notes,
        staffIds: staffOf(form.value),
        ...(supervisingStaffId ? { supervisingStaffId } : {}),
        ...(roomId ? { roomId } : {}),
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
      });
      const saved = await records.write(session, {
        events: [
          {
            action: 'visit.changed',
            recordType: 'visit',
            recordId: id,
            detail: describeSlot(changed, context.timeZone),
          },
        ],
        writes: [store.replace(currentRow, changed, changedElsewhere)],
        check: () => newClashes(proposed, placements, names, context.timeZone, [id]),
      });
      return saved.ok ? ok(visibleVisit(changed, session)) : saved;
    },

    /**
     * Confirms, completes, cancels (with a reason) or marks a visit not attended. A visit that is
     * completed, cancelled or not attended stays so: it is the record of what happened. A visit is
     * marked completed only once it has started.
     */
    async setStatus(session: Session, id: string, input: unknown): Promise<Result<Visit, VisitError>> {
      if (!can(session.roles, 'visit:book'))
        return fail('forbidden', 'Your account cannot change visits. Ask the manager.');
      const change = visitStatusChangeSchema.safeParse(input);
      if (!change.success)
        return fail('invalid', 'Some details need correcting.', fieldMessages(change.error));
      const currentRow = await db.visits.get(id);
      if (!currentRow) return fail('not-found', 'That visit is no longer in the calendar.');
      const current = await visitCodec.decode(currentRow, session.cipher);
      const now = clock();
      if (finalStatuses.has(current.status)) {
        return fail(
          'not-allowed-now',
          'This visit is already completed, cancelled or marked not attended, so its status stays as it is.',
        );
      }
      const { status, reason } = change.data;
      if (
        (status === 'completed' || status === 'didNotAttend') &&
        Date.parse(current.startsAt) > now.getTime()
      ) {
        return fail(
          'not-allowed-now',
          'This visit has not started yet. Mark it completed or not attended once it has happened.',
        );
      }
      const changed = visitSchema.parse({
        ...current,
        status,
        cancelledReason: status === 'cancelled' ? reason : current.cancelledReason,
      });
      const saved = await records.write(session, {
        at: now,
        events: [{ action: 'visit.status-changed', recordType: 'visit', recordId: id, detail: status }],
        writes: [store.replace(currentRow, changed, changedElsewhere)],
      });
      return saved.ok ? ok(visibleVisit(changed, session)) : saved;
    },

    /** A bulk path for fixtures: visits as they are, checked and sealed, in one transaction (not audited). */
    async addMany(session: Session, visits: readonly Visit[]): Promise<void> {
      const checked = visits.map((visit) => visitSchema.parse(visit));
      await records.write(session, { events: [], writes: [store.putAll(checked)] });
    },
  };
}
export type VisitRepository = ReturnType<typeof visitRepository>;
