import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Visit } from '../../../../../shared/schemas/visits';
import { VisitCalendar } from '../../../../../renderer/src/features/visits/VisitCalendar';
import type { CalendarView } from '../../../../../renderer/src/features/visits/calendar-time';
import type { VisitDirectory } from '../../../../../renderer/src/features/visits/useVisitDirectory';
import { at, buildVisit } from '../../../../factories';

// jsdom lays nothing out, so it has no scrollIntoView: the slot asks for it after each key press.
beforeAll(() => {
  Element.prototype.scrollIntoView = vi.fn();
});

const timeZone = 'Europe/London';
const amy = crypto.randomUUID();
const ben = crypto.randomUUID();
const familyRoom = crypto.randomUUID();
const names: Record<string, string> = {
  [amy]: 'Amy Brown',
  [ben]: 'Ben Carter',
  [familyRoom]: 'Family room',
};
const directory: VisitDirectory = {
  youngPeople: [],
  staff: [],
  rooms: [],
  youngPersonName: (id) => names[id] ?? '',
  staffName: (id) => names[id] ?? '',
  roomName: (id) => names[id] ?? '',
};

const visitAt = (date: string, from: string, to: string, overrides: Partial<Visit> = {}) =>
  buildVisit({ startsAt: at(date, from), endsAt: at(date, to), status: 'planned', ...overrides });

// The week of Monday 1 June 2026, in British Summer Time.
const visits = [
  visitAt('2026-06-03', '14:00', '15:00', { youngPersonIds: [ben], roomId: familyRoom }),
  visitAt('2026-06-01', '10:00', '11:30', { youngPersonIds: [amy], kind: 'phoneCall' }),
  visitAt('2026-06-01', '10:30', '11:00', { youngPersonIds: [ben], status: 'cancelled' }),
];

function show(view: CalendarView, date: string, shown: readonly Visit[] = visits) {
  const handlers = { onOpenVisit: vi.fn(), onChooseSlot: vi.fn(), onShowDay: vi.fn() };
  render(
    <VisitCalendar
      visits={shown}
      directory={directory}
      view={view}
      date={date}
      timeZone={timeZone}
      today="2026-06-02"
      {...handlers}
    />,
  );
  return handlers;
}

describe('the week view drawn by the app', () => {
  it('shows each visit as a button named by its time, young person, kind, room and status', async () => {
    const { onOpenVisit } = show('week', '2026-06-03');
    const wednesday = screen.getByRole('group', { name: 'Wednesday 3 June' });
    const visit = within(wednesday).getByRole('button', {
      name: '14:00–15:00 Ben Carter: Family visit at the home, Family room, planned, Wednesday 3 June',
    });
    // Status in words as well as colour: in its name and its tooltip (the box, half a day's
    // width, shows only the start of its text). The tooltip is written when pointed at.
    const cancelled = screen.getByRole('button', {
      name: /^10:30–11:00 Ben Carter: Family visit at the home \(cancelled\)/,
    });
    expect(cancelled).not.toHaveAttribute('title');
    await userEvent.hover(cancelled);
    expect(cancelled).toHaveAttribute('title', cancelled.getAttribute('aria-label'));
    expect(cancelled).toHaveAttribute('title', expect.stringContaining('(cancelled)'));
    expect(cancelled).toHaveTextContent(/^10:30–11:00/);
    await userEvent.click(visit);
    expect(onOpenVisit).toHaveBeenCalledWith(visits[0]);
  });

  it('keeps a redrawn box’s tooltip and its opening to the latest visit and handler', async () => {
    const [first, ...rest] = visits;
    if (!first) throw new Error('No visit to draw');
    const props = { directory, view: 'week' as const, date: '2026-06-03', timeZone, today: '2026-06-02' };
    const handlers = { onChooseSlot: vi.fn(), onShowDay: vi.fn() };
    const firstOpen = vi.fn();
    const { rerender } = render(
      <VisitCalendar visits={visits} onOpenVisit={firstOpen} {...props} {...handlers} />,
    );
    const box = screen.getByRole('button', {
      name: /^14:00–15:00 Ben Carter: Family visit at the home, Family/,
    });
    fireEvent.pointerOver(box);
    expect(box.title).toMatch(/planned/);
    // Cancelled elsewhere: the same box (one key a visit) with a new name, and a new screen handler.
    const cancelled = { ...first, status: 'cancelled' as const };
    const latestOpen = vi.fn();
    rerender(
      <VisitCalendar visits={[cancelled, ...rest]} onOpenVisit={latestOpen} {...props} {...handlers} />,
    );
    expect(box).toHaveAccessibleName(/^14:00–15:00 Ben Carter: Family visit at the home \(cancelled\)/);
    fireEvent.pointerOver(box);
    expect(box.title).toBe(box.getAttribute('aria-label'));
    await userEvent.click(box);
    expect(latestOpen).toHaveBeenCalledWith(cancelled);
    expect(firstOpen).not.toHaveBeenCalled();
  });

  it('lays out no more of a box’s text than its share of the widest diary could show', () => {
    show('week', '2026-06-03');
    const call = screen.getByRole('button', { name: /^10:00–11:30 Amy Brown: Phone call/ });
    // Half a day of a week: the 91.75rem a 96rem page leaves for the days, over 14, less the
    // box's 0.5rem of padding, in 0.8rem text at 0.2 em a character: 38 a line.
    const lines = (call.textContent ?? '').split('\n');
    expect(lines[0]).toBe('10:00–11:30');
    expect(lines.every((line) => line.length <= 38)).toBe(true);
    fireEvent.pointerOver(call);
    expect(call.title).toMatch(/^10:00–11:30 Amy Brown: Phone call/);
    cleanup();
    show('day', '2026-06-01');
    // A day's column is seven times as wide: the whole text.
    const inDay = screen.getByRole('button', { name: /^10:30–11:00 Ben Carter/ });
    expect(inDay).toHaveTextContent('Ben Carter: Family visit at the home (cancelled)');
  });

  it('cuts a busy hour’s narrow boxes to the few characters they could ever show, and names them whole', () => {
    // Seven at once on a day of a week: each box a forty-ninth of 91.75rem, less its padding,
    // is at most 1.7 em of its text wide: nine characters a line at 0.2 em each.
    const busy = Array.from({ length: 7 }, (_unused, index) =>
      visitAt('2026-06-04', '10:00', '11:00', { youngPersonIds: [index % 2 === 0 ? amy : ben] }),
    );
    show('week', '2026-06-04', busy);
    const boxes = screen.getAllByRole('button', {
      name: /^10:00–11:00 (Amy Brown|Ben Carter): Family visit/,
    });
    expect(boxes).toHaveLength(7);
    for (const box of boxes) {
      const [times, title] = (box.textContent ?? '').split('\n');
      expect(times).toBe('10:00–11:');
      expect(title).toHaveLength(9);
      fireEvent.pointerOver(box);
      expect(box.title).toBe(box.getAttribute('aria-label'));
    }
  });

  it('places visits without measuring: overlapping ones side by side, by the home’s clock', () => {
    show('week', '2026-06-03');
    const call = screen.getByRole('button', { name: /^10:00–11:30 Amy Brown: Phone call/ });
    const cancelled = screen.getByRole('button', { name: /^10:30–11:00 Ben Carter/ });
    // 10:00 is 600 minutes down a day of 48 px hours; 90 minutes tall; half the width each.
    expect(call.style.top).toBe(`${600 * (48 / 60)}px`);
    expect(call.style.height).toBe(`${90 * (48 / 60)}px`);
    expect([call.style.left, call.style.width]).toEqual(['0%', '50%']);
    expect([cancelled.style.left, cancelled.style.width]).toEqual(['50%', '50%']);
  });

  it('Tab goes through the visits in time order, after the slot to book', async () => {
    show('week', '2026-06-03');
    await userEvent.tab();
    expect(document.activeElement).toHaveAccessibleName(/^Book a visit on Tuesday 2 June at 14:00/);
    const order: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      await userEvent.tab();
      order.push(document.activeElement?.getAttribute('aria-label')?.slice(0, 11) ?? '');
    }
    expect(order).toEqual(['10:00–11:30', '10:30–11:00', '14:00–15:00']);
  });

  it('books from the keyboard: the arrow keys move the slot by half an hour and a day, Enter books', async () => {
    const { onChooseSlot } = show('week', '2026-06-03');
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}{ArrowUp}');
    expect(document.activeElement).toHaveAccessibleName(/^Book a visit on Wednesday 3 June at 14:30/);
    // Over Wednesday's column alone (the gutter is the first column), half an hour lower.
    const slot = document.activeElement;
    expect(slot instanceof HTMLElement ? slot.style.gridColumn : '').toBe('4 / span 1');
    await userEvent.keyboard('{Enter}');
    expect(onChooseSlot).toHaveBeenCalledWith({ date: '2026-06-03', startTime: '14:30', endTime: '15:30' });
  });

  it('says in words when the clocks change in the week shown', () => {
    show('week', '2026-10-25', []);
    expect(screen.getByRole('group', { name: 'Sunday 25 October' })).toHaveTextContent(
      'The clocks go back: 01:00 to 02:00 happens twice.',
    );
  });
});

describe('the day and month views', () => {
  it('the day view shows only that day', () => {
    show('day', '2026-06-01');
    expect(screen.getAllByRole('group', { name: /June$/ })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: /Monday 1 June$/ })).toHaveLength(2);
  });

  it('the month view lists three visits a day, then a button to the day with the rest', async () => {
    const busy = ['09:00', '10:00', '11:00', '12:00', '13:00'].map((time) =>
      visitAt('2026-06-10', time, `${time.slice(0, 2)}:45`, { youngPersonIds: [amy] }),
    );
    const { onShowDay, onChooseSlot } = show('month', '2026-06-10', busy);
    const day = screen.getByRole('group', { name: 'Wednesday 10 June' });
    expect(within(day).getAllByRole('button', { name: /Amy Brown/ })).toHaveLength(3);
    // The first stop books a day; the arrow keys choose which.
    await userEvent.tab();
    expect(document.activeElement).toHaveAccessibleName(/^Book a visit on Tuesday 2 June/);
    await userEvent.keyboard('{ArrowDown}{ArrowRight}{Enter}');
    expect(onChooseSlot).toHaveBeenCalledWith({ date: '2026-06-10', startTime: '14:00', endTime: '15:00' });
    await userEvent.click(
      within(day).getByRole('button', { name: '2 more visits on Wednesday 10 June: show the day' }),
    );
    expect(onShowDay).toHaveBeenCalledWith('2026-06-10');
  });
});

describe('a visit over midnight, seen from the day it ends', () => {
  // Sunday 7 June 22:00 to Monday 8 June 01:00: the week and the day of the Monday do not show
  // the Sunday, so the part after midnight is the only place to reach the visit by keyboard.
  const overnight = buildVisit({
    startsAt: at('2026-06-07', '22:00'),
    endsAt: at('2026-06-08', '01:00'),
    youngPersonIds: [amy],
    kind: 'outing',
    status: 'planned',
  });
  const name = /^22:00–01:00 Amy Brown: Outing/;

  it.each(['day', 'week'] as const)('is one Tab stop in the %s view of the Monday', async (view) => {
    const { onOpenVisit } = show(view, '2026-06-08', [overnight]);
    const visit = screen.getByRole('button', { name });
    expect(visit).toHaveAccessibleName(/continued from the day before$/);
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(visit);
    await userEvent.keyboard('{Enter}');
    expect(onOpenVisit).toHaveBeenCalledWith(overnight);
  });

  it('is one Tab stop when both its days are shown: on the day it starts', async () => {
    const midweek = buildVisit({
      startsAt: at('2026-06-03', '22:00'),
      endsAt: at('2026-06-04', '01:00'),
      youngPersonIds: [amy],
      kind: 'outing',
      status: 'planned',
    });
    show('week', '2026-06-01', [midweek]);
    expect(screen.getAllByRole('button', { name })).toHaveLength(2);
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toHaveAccessibleName(/Wednesday 3 June$/);
    await userEvent.tab();
    expect(document.activeElement).not.toHaveAccessibleName(name);
  });

  it('is one Tab stop in the month when the month starts on the day it ends', async () => {
    // June 2026 starts on a Monday: the month's weeks start on 1 June, after a visit ending then.
    const fromMay = buildVisit({
      startsAt: at('2026-05-31', '23:00'),
      endsAt: at('2026-06-01', '00:30'),
      youngPersonIds: [ben],
      status: 'planned',
    });
    show('month', '2026-06-10', [fromMay]);
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toHaveAccessibleName(
      /^23:00–00:30 Ben Carter: .*, Monday 1 June, continued from the day before$/,
    );
  });
});
