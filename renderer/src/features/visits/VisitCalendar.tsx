import { useMemo } from 'react';
import { datesIn, rangeOf, type CalendarView } from './calendar-time';
import type { CalendarGridProps } from './calendar-grid';
import { MonthGrid } from './MonthGrid';
import { TimeGrid } from './TimeGrid';

type Props = CalendarGridProps & {
  readonly view: CalendarView;
  readonly date: string;
  readonly onShowDay: (date: string) => void;
};

/**
 * The day, week and month views, drawn by the app itself on the home's clock whatever the
 * computer's zone. The screen draws its own labelled controls around it, and lists the same visits
 * as a table, so that every visit can also be read in order by a screen reader.
 */
export function VisitCalendar({ view, date, onShowDay, ...grid }: Props) {
  const days = useMemo(() => datesIn(rangeOf(view, date)), [view, date]);
  return (
    <div className="visit-calendar" data-view={view}>
      {view === 'month' ? (
        <MonthGrid {...grid} days={days} month={date.slice(0, 7)} onShowDay={onShowDay} />
      ) : (
        <TimeGrid {...grid} days={days} />
      )}
    </div>
  );
}
