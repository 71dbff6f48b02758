import { format, getDay, parse, startOfWeek } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { useEffect, useMemo, useRef } from 'react';
import { Calendar, dateFnsLocalizer, type Formats } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { visitKindLabels, visitStatusLabels, type Visit } from '@shared/schemas/visits';
import type { VisitDirectory } from './useVisitDirectory';
import { toWallClockDate, wallClockDay, type CalendarView } from './calendar-time';

// en-GB, weeks start on Monday, 24-hour clock: how the home's own diaries read.
const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (date: Date) => startOfWeek(date, { weekStartsOn: 1 }),
  getDay,
  locales: { 'en-GB': enGB },
});

const formats: Formats = {
  timeGutterFormat: 'HH:mm',
  dayFormat: 'EEE d MMM',
  weekdayFormat: 'EEE',
  dayHeaderFormat: 'EEEE d MMMM yyyy',
  eventTimeRangeFormat: ({ start, end }, culture, local) =>
    `${local?.format(start, 'HH:mm', culture) ?? ''}–${local?.format(end, 'HH:mm', culture) ?? ''}`,
  selectRangeFormat: ({ start, end }, culture, local) =>
    `${local?.format(start, 'HH:mm', culture) ?? ''}–${local?.format(end, 'HH:mm', culture) ?? ''}`,
};

/**
 * The day and week views' column headings as plain text: the component's own heading is a
 * "columnheader" with no table around it, which screen readers cannot place (axe: critical). The
 * month view keeps its own, which sits inside a table.
 */
function DayHeading({ label }: { label: string }) {
  return <span>{label}</span>;
}

const components = { day: { header: DayHeading }, week: { header: DayHeading } };

type CalendarEvent = {
  readonly title: string;
  readonly start: Date;
  readonly end: Date;
  readonly visit: Visit;
};

type Props = {
  readonly visits: readonly Visit[];
  readonly directory: VisitDirectory;
  readonly view: CalendarView;
  readonly date: string;
  readonly timeZone: string;
  readonly onOpenVisit: (visit: Visit) => void;
  readonly onChooseSlot: (slot: { start: Date; end: Date }) => void;
};

/** What a visit is called on the calendar: who, and what kind of visit. */
export function visitTitle(visit: Visit, directory: VisitDirectory): string {
  const who = visit.youngPersonIds.map(directory.youngPersonName).join(', ');
  const status =
    visit.status === 'planned' || visit.status === 'confirmed'
      ? ''
      : ` (${visitStatusLabels[visit.status].toLowerCase()})`;
  return `${who}: ${visitKindLabels[visit.kind]}${status}`;
}

/**
 * The day, week and month views (react-big-calendar with a date-fns localiser). The calendar shows
 * the home's clock whatever the computer's zone (see calendar-time.ts). The screen draws its own
 * labelled controls around it, and lists the same visits as a table, so that every visit can be
 * reached with the keyboard and read by a screen reader.
 */
export function VisitCalendar({ visits, directory, view, date, timeZone, onOpenVisit, onChooseSlot }: Props) {
  const events = useMemo<CalendarEvent[]>(
    () =>
      visits.map((visit) => ({
        title: visitTitle(visit, directory),
        start: toWallClockDate(visit.startsAt, timeZone),
        end: toWallClockDate(visit.endsAt, timeZone),
        visit,
      })),
    [visits, directory, timeZone],
  );
  const shown = useMemo(() => wallClockDay(date), [date]);
  const scrollTo = useMemo(() => new Date(1970, 0, 1, 8, 0), []);
  const containerRef = useRef<HTMLDivElement>(null);

  // The component marks its grid up as a table only in part (rows holding buttons, header cells
  // outside any table), which screen readers read as a broken table (axe: critical). The visits are
  // listed as a proper table below the calendar, so the grid's table roles are taken off as it draws.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const stripTableRoles = () => {
      for (const element of container.querySelectorAll(
        '[role="table"], [role="rowgroup"], [role="row"], [role="cell"], [role="columnheader"]',
      )) {
        element.removeAttribute('role');
        element.removeAttribute('aria-sort');
      }
    };
    stripTableRoles();
    const observer = new MutationObserver(stripTableRoles);
    observer.observe(container, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  return (
    <div className="visit-calendar" data-view={view} ref={containerRef}>
      <Calendar<CalendarEvent>
        localizer={localizer}
        culture="en-GB"
        formats={formats}
        components={components}
        events={events}
        view={view}
        views={['day', 'week', 'month']}
        date={shown}
        onNavigate={() => undefined}
        onView={() => undefined}
        toolbar={false}
        selectable
        popup
        scrollToTime={scrollTo}
        step={30}
        timeslots={2}
        onSelectEvent={(event) => onOpenVisit(event.visit)}
        onSelectSlot={(slot) => onChooseSlot({ start: slot.start, end: slot.end })}
        eventPropGetter={(event) => ({ className: `visit-event visit-event--${event.visit.status}` })}
        tooltipAccessor={(event) => event.title}
        style={{ height: view === 'month' ? 720 : 640 }}
      />
    </div>
  );
}
