import {
  visitBookingFormSchema,
  visitSchema,
  visitStatusChangeSchema,
  type Visit,
  type VisitBookingForm,
} from '@shared/schemas/visits';
import { defaultTimeZone } from '@shared/schemas/home';
import { validForm } from './permitted-form';
import { can } from '@shared/rules/access';
import { describeSlot, type ProposedVisit, type VisitConflict } from '@shared/rules/visit-conflicts';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { staffOf, visitBookingChecks, type BookingCheck, type BookingContext } from './visit-booking-checks';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { panAlertsForChange, type AlertNotQueued } from './pan-alerts-with-change';
import { visitAlertRequests } from './visit-pan-alerts';
import { visitCodec } from './visit-codec';
import { mayReadNotes, visibleVisit, visitReads } from './visit-reads';

export type VisitError =
  | 'forbidden'
  | 'invalid'
  | 'refused'
  | 'not-found'
  | 'changed-elsewhere'
  | 'not-allowed-now'
  | AlertNotQueued;

const finalStatuses = new Set<Visit['status']>(['completed', 'cancelled', 'didNotAttend']);

/**
 * The visit schedule. Each visit is one row: ids, times, kind and status plain (so the calendar
 * reads a week by the `startsAt` index and the clash check never opens a sealed row); who is
 * coming, transport and notes sealed. A repeating booking is one row per occurrence sharing a
 * `seriesId`, so one occurrence can be moved or cancelled on its own. Nothing is deleted: a visit
 * is cancelled, with a reason. Every change is one transaction with its audit entries, and the
 * clash check (visit-booking-checks.ts) runs again inside it so two people booking the same room
 * at once cannot both win.
 */
export function visitRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.visits, visitCodec);
  const records = recordWriter(db, clock);
  const { clashCheck, runChecks, newClashes } = visitBookingChecks(db);

  function parseForm(input: unknown): Result<VisitBookingForm, VisitError> {
    return validForm(visitBookingFormSchema, input);
  }

  const changedElsewhere = fail(
    'changed-elsewhere',
    'Someone else changed this visit a moment ago. Open it again to see their change.',
  );

  return {
    ...visitReads(db),

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
      const { occurrences, conflicts, restrictionIssues, blocking, warnings, planWarnings } = checked.value;
      return ok({ occurrences, conflicts, restrictionIssues, blocking, warnings, planWarnings });
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
      // The PAN group hears in the same transaction (DESIGN rule 2): the booking and its alerts, or neither.
      const alerts = await panAlertsForChange(
        db,
        session,
        visitAlertRequests('booked', visits, context.timeZone),
        clock,
      );
      if (!alerts.ok) return alerts;
      const saved = await records.write(session, {
        at: now,
        events: [
          ...visits.map((visit) => ({
            action: 'visit.booked',
            recordType: 'visit',
            recordId: visit.id,
            detail: seriesId ? `${visit.kind}, series of ${visits.length}` : visit.kind,
          })),
          ...alerts.value.events,
        ],
        writes: [store.insertAll(visits), ...alerts.value.writes],
        check: () => newClashes(proposed, placements, names, context.timeZone, []),
      });
      if (!saved.ok) return saved;
      alerts.value.announce();
      return ok(visits);
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
    async setStatus(
      session: Session,
      id: string,
      input: unknown,
      context: Pick<BookingContext, 'timeZone'> = { timeZone: defaultTimeZone },
    ): Promise<Result<Visit, VisitError>> {
      if (!can(session.roles, 'visit:book'))
        return fail('forbidden', 'Your account cannot change visits. Ask the manager.');
      const change = validForm(visitStatusChangeSchema, input);
      if (!change.ok) return change;
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
      const { status, reason } = change.value;
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
      // A cancellation reaches the PAN group with it, in one transaction, or is not saved.
      const alerts = await panAlertsForChange(
        db,
        session,
        status === 'cancelled' ? visitAlertRequests('cancelled', [changed], context.timeZone) : [],
        clock,
      );
      if (!alerts.ok) return alerts;
      const saved = await records.write(session, {
        at: now,
        events: [
          { action: 'visit.status-changed', recordType: 'visit', recordId: id, detail: status },
          ...alerts.value.events,
        ],
        writes: [store.replace(currentRow, changed, changedElsewhere), ...alerts.value.writes],
      });
      if (!saved.ok) return saved;
      alerts.value.announce();
      return ok(visibleVisit(changed, session));
    },

    /** A bulk path for fixtures: visits as they are, checked and sealed, in one transaction (not audited). */
    async addMany(session: Session, visits: readonly Visit[]): Promise<void> {
      const checked = visits.map((visit) => visitSchema.parse(visit));
      await records.write(session, { events: [], writes: [store.putAll(checked)] });
    },
  };
}
