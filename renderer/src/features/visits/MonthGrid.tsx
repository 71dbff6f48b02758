import { useMemo, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { entriesByDay } from '@shared/rules/diary-layout';
import { calendarDateOf } from '@shared/home-time';
import { dayLabel, visitAccessibleName, visitTexts, weekdayNames } from './diary-text';
import type { ChosenSlot } from './calendar-time';
import type { CalendarGridProps } from './calendar-grid';

/** How many visits a day's cell lists before "N more" (a fixed count: nothing is measured to fit). */
const shownInCell = 3;

type Props = CalendarGridProps & {
  /** Whole weeks, Monday first, around the month. */
  readonly days: readonly string[];
  /** The month shown, YYYY-MM: days outside it are greyed. */
  readonly month: string;
  readonly onShowDay: (date: string) => void;
};

const wholeDayBooking = (date: string): ChosenSlot => ({ date, startTime: '14:00', endTime: '15:00' });

/**
 * The month view: a cell a day listing its first visits in time order, then a button to the day
 * with all of them. The first stop is a day to book, moved with the arrow keys.
 */
export function MonthGrid({
  visits,
  directory,
  days,
  month,
  timeZone,
  today,
  onOpenVisit,
  onChooseSlot,
  onShowDay,
}: Props) {
  const byDay = useMemo(() => entriesByDay(visits, days, timeZone), [visits, days, timeZone]);
  const [chosen, setChosen] = useState(() => {
    const todayIndex = days.indexOf(today);
    return todayIndex >= 0 ? todayIndex : Math.max(0, days.indexOf(`${month}-01`));
  });
  const [chosenMoved, setChosenMoved] = useState(false);
  const index = Math.min(chosen, days.length - 1);
  const chosenDate = days[index] ?? today;
  const chosenText = `Book a visit on ${dayLabel(chosenDate, 'long')}`;

  const moveChosen = (event: KeyboardEvent<HTMLButtonElement>) => {
    const steps: Readonly<Record<string, number>> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = index + step;
    if (next < 0 || next >= days.length) return;
    const button = event.currentTarget;
    flushSync(() => {
      setChosen(next);
      setChosenMoved(true);
    });
    button.scrollIntoView({ block: 'nearest' });
  };

  return (
    <div className="month">
      <div className="month__weekdays" aria-hidden="true">
        {weekdayNames.map((name) => (
          <div key={name}>{name}</div>
        ))}
      </div>
      <div className="month__grid">
        <button
          type="button"
          className="month__book"
          // An absolutely placed grid item needs both lines, or it spans to the grid's edge.
          style={{
            gridColumn: `${(index % 7) + 1} / span 1`,
            gridRow: `${Math.floor(index / 7) + 1} / span 1`,
          }}
          aria-label={`${chosenText} (arrow keys choose another day)`}
          onKeyDown={moveChosen}
          onClick={() => onChooseSlot(wholeDayBooking(chosenDate))}
        >
          Book
        </button>
        <span className="visually-hidden" aria-live="polite">
          {chosenMoved ? chosenText : ''}
        </span>
        {byDay.map(({ date, entries }) => {
          const longDay = dayLabel(date, 'long');
          const classes = ['month__day'];
          if (!date.startsWith(month)) classes.push('month__day--other');
          if (date === today) classes.push('month__day--today');
          const hidden = entries.length - shownInCell;
          return (
            <div
              key={date}
              role="group"
              aria-label={date === today ? `${longDay}, today` : longDay}
              className={classes.join(' ')}
              onClick={(event) => {
                // An empty part of the day: book on it (as the week view does for a time).
                if (event.target !== event.currentTarget) return;
                setChosen(days.indexOf(date));
                onChooseSlot(wholeDayBooking(date));
              }}
            >
              <span className="month__date" aria-hidden="true">
                {date.endsWith('-01') ? dayLabel(date, 'short').replace(/^\S+ /, '') : Number(date.slice(8))}
                {date === today ? ' Today' : null}
              </span>
              {entries.slice(0, shownInCell).map((visit) => {
                const text = visitTexts(visit, directory, timeZone);
                const startsOn = calendarDateOf(visit.startsAt, timeZone);
                const isContinued = startsOn !== date;
                // One stop a visit when tabbing, on its first day, unless that day is not shown.
                const isTabStop = !isContinued || startsOn < (days[0] ?? date);
                return (
                  <button
                    key={visit.id}
                    type="button"
                    className={`month__visit diary-visit--${visit.status}`}
                    tabIndex={isTabStop ? undefined : -1}
                    aria-label={`${visitAccessibleName(text, longDay)}${isContinued ? ', continued from the day before' : ''}`}
                    onClick={() => onOpenVisit(visit)}
                  >
                    {text.times} {text.title}
                  </button>
                );
              })}
              {hidden > 0 ? (
                <button
                  type="button"
                  className="month__more"
                  aria-label={`${hidden} more visits on ${longDay}: show the day`}
                  onClick={() => onShowDay(date)}
                >
                  {hidden} more
                </button>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
