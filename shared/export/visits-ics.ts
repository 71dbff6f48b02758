import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { visitKindLabels, type Visit } from '../schemas/visits';

/**
 * The visit schedule as an iCalendar (.ics) file, per young person or for the home,
 * with the least identifying text: initials and kind (DESIGN rule 9).
 *
 * What goes in, on purpose: each visit's time (UTC, so any calendar shows it in its own zone), the
 * young people's initials and the kind of visit, and whether it is cancelled. What stays out: full
 * names, family members, staff, rooms, transport, notes and the home's name, because an .ics file
 * is synced to phones and shared calendars the home does not control. The event's UID is the
 * visit's random id, so re-importing updates an event rather than duplicating it, and tells a
 * reader nothing.
 */

export type IcsVisit = Pick<Visit, 'id' | 'kind' | 'startsAt' | 'endsAt' | 'status' | 'youngPersonIds'>;

/** "Millie Hughes" → "MH"; "Jean-Luc O'Neill" → "JO". Letters only, upper case. */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => word.match(/\p{L}/u)?.[0]?.toLocaleUpperCase('en-GB') ?? '')
    .join('');
}

export function visitsIcs(
  visits: readonly IcsVisit[],
  options: {
    readonly initials: (youngPersonId: string) => string;
    readonly stampedAt: Date;
    readonly calendarName: string;
  },
): string {
  const calendar = ical({
    name: options.calendarName,
    prodId: { company: 'Family Links', product: 'Visit schedule', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const visit of visits) {
    const who = visit.youngPersonIds.map(options.initials).filter(Boolean).join(', ');
    calendar.createEvent({
      id: `${visit.id}@family-links`,
      start: new Date(visit.startsAt),
      end: new Date(visit.endsAt),
      stamp: options.stampedAt,
      summary: who ? `${who}: ${visitKindLabels[visit.kind]}` : visitKindLabels[visit.kind],
      status:
        visit.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : visit.status === 'planned'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
