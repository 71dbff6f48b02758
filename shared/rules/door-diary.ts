import { addDays, startOfDayIn } from '../home-time';
import type { Relationship } from '../schemas/people';
import type { VisitorEntry } from '../schemas/registers';
import type { Visit, VisitKind } from '../schemas/visits';
import { contactFormDeadline } from './contact-form-deadline';
import { unreachable } from '../unreachable';

/**
 * The diary at the door: which booked visits bring someone to the front door today, what each
 * one's state is as the day goes on, and the contact form an unbooked family visit makes due.
 * Pure functions of the records and `now`; times are instants (ISO, UTC) and a "day" is the
 * home's calendar day in its zone (Europe/London by default), so a clock-change day is 23 or 25
 * hours long and still one day.
 */

/** Meetings held at the home bring visitors to the door when a room there is booked for them. */
const meetingKinds: ReadonlySet<VisitKind> = new Set(['pepMeeting', 'learningConsultation', 'reviewMeeting']);

/**
 * Whether a booked visit brings someone to the home's front door: a family visit at the home
 * always; a meeting only when it is in one of the home's rooms and has someone coming. Home visits,
 * contact-centre visits, outings and calls happen elsewhere, so nobody signs in for them.
 */
export function isExpectedAtDoor(visit: Pick<Visit, 'kind' | 'roomId' | 'personIds'>): boolean {
  if (visit.kind === 'familyVisit') return true;
  return meetingKinds.has(visit.kind) && visit.roomId !== undefined && visit.personIds.length > 0;
}

type DiaryVisit = Pick<Visit, 'kind' | 'roomId' | 'personIds' | 'startsAt' | 'status'>;

/**
 * The visits expected at the door on `date` (YYYY-MM-DD on the home's clock), earliest first: those
 * starting from that day's first instant up to the next day's, cancelled ones left out. On the day
 * the clocks change the day is 23 or 25 hours long, so "today" is worked out in the home's zone,
 * never as 24 hours from midnight UTC.
 */
export function expectedVisitsOn<V extends DiaryVisit>(
  visits: readonly V[],
  date: string,
  timeZone: string,
): V[] {
  const from = startOfDayIn(date, timeZone);
  const to = startOfDayIn(addDays(date, 1), timeZone);
  return visits
    .filter(
      (visit) =>
        visit.startsAt >= from &&
        visit.startsAt < to &&
        visit.status !== 'cancelled' &&
        isExpectedAtDoor(visit),
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Where a booked visit stands at the door, as staff read it on the list. */
export type DiaryState =
  /** Not yet started: "expected at 14:00". */
  | { readonly kind: 'expected' }
  /** Started and nobody signed in yet: still expected, running late. */
  | { readonly kind: 'late' }
  | { readonly kind: 'arrived'; readonly at: string }
  /** Everyone who came was signed out (or it was marked completed). */
  | { readonly kind: 'ended' }
  /** Its time has passed and nobody was signed in for it: it can be cancelled with a reason. */
  | { readonly kind: 'notArrived' }
  | { readonly kind: 'cancelled'; readonly reason: string }
  | { readonly kind: 'didNotAttend' };

/**
 * A booked visit's state at `now`. Arrival is what the door recorded (a register entry linked to
 * the visit), whatever the status says; a visit whose end has passed with nobody signed in for it
 * is "not arrived", which is also what it is at the end of the day (a visit starts and ends on
 * one day). Exactly at its start it is late; exactly at its end, not arrived.
 */
export function diaryState(
  visit: Pick<Visit, 'status' | 'startsAt' | 'endsAt' | 'arrivals' | 'cancelledReason'>,
  now: Date,
): DiaryState {
  switch (visit.status) {
    case 'completed':
      return { kind: 'ended' };
    case 'cancelled':
      return { kind: 'cancelled', reason: visit.cancelledReason };
    case 'didNotAttend':
      return { kind: 'didNotAttend' };
    case 'planned':
    case 'confirmed': {
      const first = [...(visit.arrivals ?? [])].sort((a, b) => a.at.localeCompare(b.at))[0];
      if (first) return { kind: 'arrived', at: first.at };
      const at = now.getTime();
      if (at < Date.parse(visit.startsAt)) return { kind: 'expected' };
      if (at < Date.parse(visit.endsAt)) return { kind: 'late' };
      return { kind: 'notArrived' };
    }
    default:
      return unreachable(visit.status, 'visit status');
  }
}

/**
 * Whether signing one visitor out ends their booked visit: it does once nobody else signed in for
 * it is still on site (a mum and a dad who came together: the visit ends when the second leaves).
 */
export function visitEndsWithSignOut(
  visitId: string,
  leavingEntryId: string,
  stillOnSite: readonly Pick<VisitorEntry, 'id' | 'visitId'>[],
): boolean {
  return !stillOnSite.some((entry) => entry.visitId === visitId && entry.id !== leavingEntryId);
}

/** A contact form an unbooked family visit makes due, for one young person. */
export type UnbookedVisitFormDue = {
  readonly youngPersonId: string;
  /** Who owes it: the young person's PT, or whoever signed the visitor out when there is no PT. */
  readonly authorId: string;
  readonly hasPersonalTutor: boolean;
  readonly contactStartedAt: string;
  readonly contactEndedAt: string;
  readonly dueAt: string;
};

/**
 * The contact forms a family visitor who came without a booking makes due when they are signed
 * out (seed 004: a form after every type of contact; DESIGN rule 1: due `dueHours` real hours after
 * the contact ended, which for a visit at the door is its sign-out). One per young person they
 * visited to whom they are family or a significant person (any relationship but "professional"),
 * owed by that young person's PT. Nothing for a booked visit (its own completion makes its form
 * due), someone not on the people register, a professional, or someone not yet signed out.
 */
export function unbookedVisitFormsDue(input: {
  readonly entry: Pick<
    VisitorEntry,
    'kind' | 'personId' | 'visitId' | 'visitingYoungPersonIds' | 'arrivedAt' | 'departedAt'
  >;
  readonly relationships: readonly Pick<Relationship, 'youngPersonId' | 'personId' | 'category'>[];
  readonly personalTutorOf: (youngPersonId: string) => string | undefined;
  readonly signedOutById: string;
  readonly dueHours: number;
  /**
   * Young people already owed a form for this same visit: a visitor signed out by mistake and put
   * back on site is one visit, so leaving again makes no second form (and tells the PT once).
   */
  readonly alreadyOwed?: readonly string[];
}): UnbookedVisitFormDue[] {
  const { entry } = input;
  if (entry.kind !== 'visit' || entry.visitId || !entry.personId || !entry.departedAt) return [];
  const { personId, departedAt } = entry;
  return [...new Set(entry.visitingYoungPersonIds)]
    .filter((youngPersonId) => !(input.alreadyOwed ?? []).includes(youngPersonId))
    .filter((youngPersonId) =>
      input.relationships.some(
        (link) =>
          link.personId === personId &&
          link.youngPersonId === youngPersonId &&
          link.category !== 'professional',
      ),
    )
    .map((youngPersonId) => {
      const tutor = input.personalTutorOf(youngPersonId);
      return {
        youngPersonId,
        authorId: tutor ?? input.signedOutById,
        hasPersonalTutor: tutor !== undefined,
        contactStartedAt: entry.arrivedAt,
        contactEndedAt: departedAt,
        dueAt: contactFormDeadline(departedAt, input.dueHours),
      };
    });
}
