import {
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { layOutDiary, minutesInDiaryDay, textWithin, type ClockChange } from '@shared/rules/diary-layout';
import { dayLabel, minutesAsTime, visitAccessibleName, visitTexts } from './diary-text';
import type { ChosenSlot } from './calendar-time';
import type { CalendarGridProps } from './calendar-grid';

/** One hour's height in pixels: the scroll to the working day is worked out from it, never measured. */
const hourPx = 48;
const minutePx = hourPx / 60;
const workingDayStartsAt = 8;
const slotMinutes = 30;
const bookingMinutes = 60;
/**
 * The widest a box's text can ever be, in the em of that text, from the stylesheet's fixed sizes:
 * a wide page is at most 96rem (`.page--wide`); inside it the calendar's padding (0.5rem each
 * side, `.visit-calendar`) and the hour gutter (3.25rem, `--diary-gutter`) leave 91.75rem for the
 * days; a box is at most its share of a day, less its own padding (0.25rem each side), and its
 * text is 0.8rem (`.diary-visit`). Borders and a scroll bar only make it narrower. No more of the
 * text than fits there is ever laid out (`textWithin`): a busy week's boxes are a few characters
 * wide, and shaping text nobody can see was most of laying them out.
 */
const daysWidestRem = 96 - 2 * 0.5 - 3.25;
const boxPaddingRem = 2 * 0.25;
const boxTextRem = 0.8;
const widestTextEm = (days: number, columns: number) =>
  Math.max(0, daysWidestRem / days / columns - boxPaddingRem) / boxTextRem;

type Props = CalendarGridProps & {
  /** The dates shown, one column each (a day, or Monday to Sunday). */
  readonly days: readonly string[];
};

const hours = Array.from({ length: 24 }, (_unused, hour) => hour);

function slotOf(date: string, minute: number): ChosenSlot {
  return {
    date,
    startTime: minutesAsTime(minute),
    // A booking from the last hour stops at 23:59: a visit starts and ends on one day.
    endTime: minutesAsTime(Math.min(minute + bookingMinutes, minutesInDiaryDay - 1)),
  };
}

/**
 * A box's tooltip is its accessible name, written when the pointer comes over it rather than with
 * every box: a week draws 500 boxes and a person points at a few (the name is read out from
 * `aria-label` whatever the pointer does). Written again whenever the name has changed since (a
 * visit cancelled elsewhere keeps its box, with a new name).
 */
function showWholeName(event: PointerEvent<HTMLElement>) {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.classList.contains('diary-visit')) return;
  const name = target.getAttribute('aria-label') ?? '';
  if (target.title !== name) target.title = name;
}

function clockChangeText(change: ClockChange): string {
  const band = `${minutesAsTime(change.fromMinute)} to ${minutesAsTime(change.toMinute)}`;
  return change.kind === 'forward'
    ? `The clocks go forward: ${band} does not happen.`
    : `The clocks go back: ${band} happens twice.`;
}

/**
 * The day and week views: one column a day on the home's clock, each visit a button placed by the
 * diary rule (shared/rules/diary-layout.ts) from the fixed hour height, so nothing is measured
 * as it draws (DESIGN: every list fast on the large home). The columns are contained (CSS), so
 * drawing one box lays out only that box. Tab goes through the visits in time order; the first
 * stop is a slot to book, moved with the arrow keys (keyboard booking).
 */
export function TimeGrid({ visits, directory, days, timeZone, today, onOpenVisit, onChooseSlot }: Props) {
  const layouts = useMemo(() => layOutDiary(visits, days, timeZone), [visits, days, timeZone]);
  // The latest handler, for boxes drawn once (below) while the screen around them draws again.
  const openVisit = useRef(onOpenVisit);
  useLayoutEffect(() => {
    openVisit.current = onOpenVisit;
  });
  // The boxes, made once for the visits shown: moving the booking slot with the arrow keys (or
  // anything else drawn again here) reuses them, so React does not go through 500 buttons again.
  const boxesByDay = useMemo(() => {
    const shownDays = layouts.map(({ day }) => day);
    return layouts.map(({ day, placed }, index) => {
      const longDay = dayLabel(day.date, 'long');
      return placed.map((box) => {
        const visit = box.entry;
        const text = visitTexts(visit, directory, timeZone, shownDays);
        const name = `${visitAccessibleName(text, longDay)}${box.continuesFromDayBefore ? ', continued from the day before' : ''}`;
        let classes = `diary-visit diary-visit--${visit.status}`;
        if (box.continuesFromDayBefore) classes += ' diary-visit--from-day-before';
        if (box.continuesToDayAfter) classes += ' diary-visit--to-day-after';
        return (
          <button
            key={visit.id}
            type="button"
            className={classes}
            // Pixels from the fixed hour height, not shares of the column: the browser places
            // 500 boxes in about two thirds of the time. A box alone at its time takes the
            // column's width from the stylesheet.
            style={
              box.columns > 1
                ? {
                    top: box.top * minutePx,
                    height: box.height * minutePx,
                    left: `${(box.column / box.columns) * 100}%`,
                    width: `${100 / box.columns}%`,
                  }
                : { top: box.top * minutePx, height: box.height * minutePx }
            }
            // The part after midnight is the same visit: one stop for it when tabbing, on the
            // day it starts; on the first day shown that day is not, so it is its stop.
            tabIndex={box.continuesFromDayBefore && index > 0 ? -1 : undefined}
            aria-label={name}
            onClick={() => openVisit.current(visit)}
          >
            {/* One text, times on the first line (white-space: pre): one run of text to lay
                  out a box rather than two blocks, which a week of 500 visits feels. The whole
                  of it is the box's name, and its tooltip on hover (showWholeName). */}
            {textWithin(`${text.times}\n${text.title}`, widestTextEm(layouts.length, box.columns))}
          </button>
        );
      });
    });
  }, [layouts, directory, timeZone]);
  const [slot, setSlot] = useState(() => ({
    dayIndex: Math.max(0, days.indexOf(today)),
    minute: 14 * 60,
  }));
  const [slotMoved, setSlotMoved] = useState(false);
  const dayIndex = Math.min(slot.dayIndex, days.length - 1);
  const slotDate = days[dayIndex] ?? today;
  const slotText = `Book a visit on ${dayLabel(slotDate, 'long')} at ${minutesAsTime(slot.minute)}`;

  // Opens on the working day, or on the first visit if one starts earlier, worked out from the
  // layout and set once, never read back: the grid keeps its place as a person moves between weeks
  // (the component stays mounted). A quarter of an hour above, so the hour's label shows.
  const scroller = useRef<HTMLDivElement>(null);
  const [firstMinute] = useState(() =>
    Math.min(workingDayStartsAt * 60, ...layouts.flatMap(({ placed }) => placed.map((box) => box.top))),
  );
  useLayoutEffect(() => {
    // Written at the start of the next frame, so the first frame drawn already shows the working
    // day. Written here, inside React's commit, it would make the browser lay out the whole grid
    // there and then (as react-big-calendar's scroll did) rather than once, with the frame.
    const frame = requestAnimationFrame(() => {
      if (scroller.current) scroller.current.scrollTop = Math.max(0, (firstMinute - 15) * minutePx);
    });
    return () => cancelAnimationFrame(frame);
  }, [firstMinute]);

  const moveSlot = (event: KeyboardEvent<HTMLButtonElement>) => {
    const steps: Readonly<Record<string, readonly [number, number]>> = {
      ArrowUp: [0, -slotMinutes],
      ArrowDown: [0, slotMinutes],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    const button = event.currentTarget;
    flushSync(() => {
      setSlot({
        dayIndex: Math.min(days.length - 1, Math.max(0, dayIndex + step[0])),
        minute: Math.min(minutesInDiaryDay - slotMinutes, Math.max(0, slot.minute + step[1])),
      });
      setSlotMoved(true);
    });
    // After a key press only, so drawing the grid never waits on layout.
    button.scrollIntoView({ block: 'nearest' });
  };

  const gridStyle: CSSProperties & Record<'--diary-hour' | '--diary-days', string> = {
    '--diary-hour': `${hourPx}px`,
    '--diary-days': String(days.length),
  };
  const isWeek = days.length > 1;

  return (
    <div className="diary" style={gridStyle}>
      <div className="diary__scroller" ref={scroller}>
        <div className="diary__head" aria-hidden="true">
          <div />
          {days.map((date) => (
            <div
              key={date}
              className={date === today ? 'diary__heading diary__heading--today' : 'diary__heading'}
            >
              {dayLabel(date, isWeek ? 'short' : 'full')}
              {date === today ? <span className="diary__today">Today</span> : null}
            </div>
          ))}
        </div>
        <div className="diary__body">
          <button
            type="button"
            className="diary__slot"
            style={{
              // An absolutely placed grid item needs both lines, or it spans to the grid's edge.
              gridColumn: `${dayIndex + 2} / span 1`,
              top: slot.minute * minutePx,
              height: bookingMinutes * minutePx,
            }}
            aria-label={`${slotText} (arrow keys choose another time or day)`}
            onKeyDown={moveSlot}
            onClick={() => onChooseSlot(slotOf(slotDate, slot.minute))}
          >
            Book {minutesAsTime(slot.minute)}
          </button>
          <span className="visually-hidden" aria-live="polite">
            {slotMoved ? slotText : ''}
          </span>
          <div className="diary__gutter" aria-hidden="true">
            {hours.map((hour) => (
              <span key={hour} className="diary__hour" style={{ top: hour * hourPx }}>
                {minutesAsTime(hour * 60)}
              </span>
            ))}
          </div>
          {layouts.map(({ day }, index) => {
            const longDay = dayLabel(day.date, 'long');
            return (
              <div
                key={day.date}
                role="group"
                aria-label={day.date === today ? `${longDay}, today` : longDay}
                className={day.date === today ? 'diary__day diary__day--today' : 'diary__day'}
                onPointerOver={showWholeName}
                onClick={(event) => {
                  // An empty part of the day: book there (a visit's own button opens the visit).
                  if (event.target !== event.currentTarget) return;
                  const minutes = event.nativeEvent.offsetY / minutePx;
                  const minute = Math.min(
                    minutesInDiaryDay - slotMinutes,
                    Math.max(0, Math.floor(minutes / slotMinutes) * slotMinutes),
                  );
                  setSlot({ dayIndex: index, minute });
                  onChooseSlot(slotOf(day.date, minute));
                }}
              >
                {day.clockChange ? (
                  <p
                    className="diary__clock-change"
                    style={{
                      top: day.clockChange.fromMinute * minutePx,
                      height: (day.clockChange.toMinute - day.clockChange.fromMinute) * minutePx,
                    }}
                  >
                    {clockChangeText(day.clockChange)}
                  </p>
                ) : null}
                {boxesByDay[index]}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
