import { useMemo } from 'react';
import type { Visit } from '@shared/schemas/visits';
import type { VisitDirectory } from './useVisitDirectory';
import { datesIn, rangeOf, type CalendarView, type ChosenSlot } from './calendar-time';
import { MonthGrid } from './MonthGrid';
import { TimeGrid } from './TimeGrid';

type Props = {
  readonly visits: readonly Visit[];
  readonly directory: VisitDirectory;
  readonly view: CalendarView;
  readonly date: string;
  readonly timeZone: string;
  readonly today: string;
  readonly onOpenVisit: (visit: Visit) => void;
  readonly onChooseSlot: (slot: ChosenSlot) => void;
  readonly onShowDay: (date: string) => void;
};

/**
 * The day, week and month views, drawn by the app itself on the home's clock whatever the
 * computer's zone. The screen draws its own labelled controls around it, and lists the same visits
 * as a table, so that every visit can also be read in order by a screen reader.
 */
export function VisitCalendar({
  visits,
  directory,
  view,
  date,
  timeZone,
  today,
  onOpenVisit,
  onChooseSlot,
  onShowDay,
}: Props) {
  const days = useMemo(() => datesIn(rangeOf(view, date)), [view, date]);
  return (
    <div className="visit-calendar" data-view={view}>
      {view === 'month' ? (
        <MonthGrid
          visits={visits}
          directory={directory}
          days={days}
          month={date.slice(0, 7)}
          timeZone={timeZone}
          today={today}
          onOpenVisit={onOpenVisit}
          onChooseSlot={onChooseSlot}
          onShowDay={onShowDay}
        />
      ) : (
        <TimeGrid
          visits={visits}
          directory={directory}
          days={days}
          timeZone={timeZone}
          today={today}
          onOpenVisit={onOpenVisit}
          onChooseSlot={onChooseSlot}
        />
      )}
    </div>
  );
}
