import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import type { FixtureStart } from './harness/app-driver';
import { londonWallClock } from './harness/london-dates';
import { expect, test, type AppDriver } from './harness/fixtures';
import { officeWindowSizes } from './harness/page-actions';
import { AppFrame } from './pages/app-frame';
import { DisclosureDialog } from './pages/disclosure-dialog';
import { careWorker, signInAsCareWorker } from './pages/door-home';
import { sidewaysOverflow } from './pages/screen-fit';
import { StaffAccountsPage } from './pages/staff-accounts-page';
import { VisitsPage } from './pages/visits-page';
import { signInToFixture } from './pages/staff-journey';
import { plusDays } from './harness/seed-summary';
import { seededHome } from './harness/seeded-home';

/** "Monday 14 December": how the diary names a day's column, which a screen reader hears. */
const longDay = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
    .format(new Date(`${date}T12:00:00Z`))
    .replace(',', '');

const mondayOn = (date: string) => plusDays(date, -((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7));

/** Seeds a small home, signs in as its manager and opens Visits; returns the same home generated here, to name its people. */
async function openVisits(app: AppDriver, page: Page, seed: number) {
  const start: FixtureStart = { size: 'small', seed };
  const summary = await signInToFixture(app, start);
  const frame = new AppFrame(page);
  await frame.open('Visits');
  const visits = new VisitsPage(page);
  await expect(visits.heading).toBeVisible();
  const home = seededHome(summary, start);
  const youngPersonName = (id: string) => {
    const person = home.youngPeople.find((candidate) => candidate.id === id);
    return person ? `${person.preferredName || person.firstName} ${person.lastName}` : '';
  };
  const personName = (id: string) => {
    const person = home.people.find((candidate) => candidate.id === id);
    return person ? [person.firstName, person.lastName].filter(Boolean).join(' ') : '';
  };
  const inForce = home.restrictions.filter(
    (restriction) =>
      !restriction.endedAt &&
      restriction.effectiveFrom <= summary.endDate &&
      (!restriction.effectiveTo || summary.endDate < restriction.effectiveTo) &&
      restriction.personId !== undefined &&
      home.relationships.some(
        (link) => link.personId === restriction.personId && link.youngPersonId === restriction.youngPersonId,
      ) &&
      home.youngPeople.some(
        (person) =>
          person.id === restriction.youngPersonId &&
          (!person.placementEndsOn || person.placementEndsOn > plusDays(summary.endDate, 60)),
      ),
  );
  return { summary, home, visits, frame, youngPersonName, personName, inForce };
}

test.describe('booking family visits', () => {
  // Each journey seeds a home and walks several screens with axe on each: slower than the default on a shared two-core machine.
  test.describe.configure({ timeout: 240_000 });
  test('a manager books a weekly visit with repeats; the same room at the same time is refused with the reason', async ({
    app,
    page,
  }) => {
    const { summary, home, visits, youngPersonName, frame } = await openVisits(app, page, 1);
    await app.checkScreen('visits calendar, week view', { screenshot: 'week view of the seeded home' });

    const [first, second] = home.youngPeople.filter((person) => !person.placementEndsOn);
    if (!first || !second) throw new Error('The small home has two young people in placement');
    const start = plusDays(summary.endDate, 14);
    await visits.bookButton.click();
    await visits.fill({
      youngPeople: [youngPersonName(first.id)],
      room: 'Family room',
      date: start,
      startTime: '07:00',
      endTime: '08:00',
      repeats: 'Every week',
      lastDate: plusDays(start, 21),
    });
    await expect(visits.checks).toContainText('4 visits to book. No clashes or restrictions stop it.');
    await expect(visits.planningHelp).toBeVisible();
    await app.checkScreen('booking form', { screenshot: 'booking a weekly visit' });
    await visits.submit();
    await expect(visits.banner).toContainText('4 visits booked, one for each date.');
    await expect(visits.details).toContainText('every week until');

    // The week of the second date shows it, on the calendar and in the table.
    await visits.goTo(plusDays(start, 7));
    await expect(visits.tableRows(youngPersonName(first.id), '07:00–08:00')).toHaveCount(1);
    await expect(visits.calendarVisitsOf(youngPersonName(first.id), '07:00–08:00')).toHaveCount(1);
    await app.screenshot('the series in the week view');

    // Another young person in the same room, overlapping: refused, in words, and nothing saved.
    await visits.bookButton.click();
    await visits.fill({
      youngPeople: [youngPersonName(second.id)],
      room: 'Family room',
      date: plusDays(start, 7),
      startTime: '07:30',
      endTime: '08:30',
    });
    await expect(visits.checks).toContainText(
      'Family room is already booked for a family visit at the home on',
    );
    await expect(visits.checks).toContainText('Choose another room or another time.');
    await visits.submit();
    await expect(page.getByRole('alert')).toContainText('Family room is already booked');
    await app.screenshot('double-booked room refused');
    await visits.bookingForm.getByRole('button', { name: 'Cancel' }).click();
    await expect(visits.tableRows(youngPersonName(second.id), '07:30')).toHaveCount(0);

    // The week on paper: the print view lists the series' visit on its day.
    await page.getByRole('button', { name: 'Print this week' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Visits: / })).toBeVisible();
    await expect(
      page.getByRole('table', { name: /^Visits on / }).filter({ hasText: '07:00–08:00' }),
    ).toHaveCount(1);
    await app.checkScreen('printable week');
    await page.getByRole('button', { name: 'Back to the calendar' }).click();

    // Day and month views draw too.
    await visits.view('Month');
    await expect(visits.calendarDays.first()).toBeVisible();
    expect([35, 42]).toContain(await visits.calendarDays.count());
    // The month's whole weeks (Monday to Sunday around it) hold each visit of the series in them.
    const monthStart = `${plusDays(start, 7).slice(0, 7)}-01`;
    const nextMonthStart = `${plusDays(monthStart, 31).slice(0, 7)}-01`;
    const shownFrom = mondayOn(monthStart);
    const shownTo = plusDays(mondayOn(plusDays(nextMonthStart, -1)), 7);
    const inMonth = [0, 7, 14, 21]
      .map((days) => plusDays(start, days))
      .filter((date) => date >= shownFrom && date < shownTo).length;
    await expect(visits.calendarVisitsOf(youngPersonName(first.id), '07:00–08:00')).toHaveCount(inMonth);
    await app.checkScreen('visits calendar, month view', { screenshot: 'month view' });
    await visits.view('Day');
    await expect(visits.calendarDays).toHaveCount(1);
    await app.expectAccessible('visits calendar, day view');

    // Booking from the keyboard: the calendar's first stop is a slot the arrow keys move.
    await visits.view('Week');
    await visits.bookSlot.focus();
    await page.keyboard.press('ArrowDown');
    await expect(visits.bookSlot).toHaveAccessibleName(/ at 14:30 /);
    await app.screenshot('a slot chosen from the keyboard');
    await page.keyboard.press('Enter');
    await expect(visits.bookingForm).toBeVisible();
    await expect(visits.bookingForm.getByLabel('Starts at')).toHaveValue('14:30');
    await expect(visits.bookingForm.getByLabel('Ends at')).toHaveValue('15:30');
    await visits.bookingForm.getByRole('button', { name: 'Cancel' }).click();

    // The manager keeps the rooms list: a new room can be booked at once; a withdrawn one cannot.
    await frame.open('Rooms');
    await page.getByRole('form', { name: 'Add a room' }).getByLabel('Room name').fill('Sensory room');
    await page.getByRole('button', { name: 'Add room' }).click();
    await expect(page.getByRole('status')).toContainText('Sensory room added.');
    await page.getByRole('form', { name: 'Add a room' }).getByLabel('Room name').fill('family room');
    await page.getByRole('button', { name: 'Add room' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'There is already a room called “Family room”. Choose another name.',
    );
    await page.getByRole('button', { name: 'Withdraw Garden room from booking' }).click();
    await expect(
      page.getByRole('list', { name: 'Rooms' }).getByRole('listitem').filter({ hasText: 'Garden room' }),
    ).toContainText('Withdrawn');
    await app.checkScreen('rooms', { screenshot: 'rooms list' });
    await frame.open('Visits');
    await visits.bookButton.click();
    await expect(
      visits.bookingForm.getByLabel('Room').getByRole('option', { name: 'Sensory room' }),
    ).toHaveCount(1);
    await expect(
      visits.bookingForm.getByLabel('Room').getByRole('option', { name: 'Garden room' }),
    ).toHaveCount(0);
  });

  test('a barred family member cannot be booked, and the check says why and what to do', async ({
    app,
    page,
  }) => {
    const { summary, visits, inForce, youngPersonName, personName } = await openVisits(app, page, 5);
    const barred = inForce.find((restriction) => restriction.kind === 'noContact');
    if (!barred?.personId)
      throw new Error('Seed 5 has a no-contact restriction on a registered family member');
    const child = youngPersonName(barred.youngPersonId);
    const person = personName(barred.personId);
    await visits.bookButton.click();
    await visits.fill({
      youngPeople: [child],
      family: [person],
      date: plusDays(summary.endDate, 10),
      startTime: '07:00',
      endTime: '08:00',
    });
    await expect(visits.checks).toContainText(
      `${person} must not have any contact with ${child}. Remove ${person} from this booking.`,
    );
    await app.checkScreen('booking refused: barred person', { screenshot: 'barred person in the checks' });
    await visits.submit();
    await expect(page.getByRole('alert')).toContainText(`${person} must not have any contact with ${child}`);
    await visits.bookingForm.getByRole('button', { name: 'Cancel' }).click();
    await visits.goTo(plusDays(summary.endDate, 10));
    await expect(visits.visitsTable.getByRole('row').filter({ hasText: '07:00–08:00' })).toHaveCount(0);
  });

  test('a supervised-only booking needs a supervisor; a completed visit makes its contact form due; the .ics file carries initials only', async ({
    app,
    page,
  }) => {
    const { summary, home, visits, inForce, youngPersonName, personName, frame } = await openVisits(
      app,
      page,
      1,
    );
    const supervised = inForce.find((restriction) => restriction.kind === 'supervisedOnly');
    if (!supervised?.personId)
      throw new Error('Seed 1 has a supervised-only restriction on a registered family member');
    const child = youngPersonName(supervised.youngPersonId);
    const person = personName(supervised.personId);
    const yesterday = plusDays(summary.endDate, -1);

    await visits.bookButton.click();
    await visits.fill({
      youngPeople: [child],
      family: [person],
      date: yesterday,
      startTime: '06:00',
      endTime: '07:00',
    });
    await expect(visits.checks).toContainText(
      `${person} may see ${child} only with a named member of staff supervising. Choose a supervising member of staff.`,
    );
    await app.screenshot('supervised-only needs a supervisor');
    await visits.submit();
    await expect(page.getByRole('alert')).toContainText('Choose a supervising member of staff.');
    await visits.bookingForm
      .getByLabel('Supervising member of staff')
      .selectOption({ label: 'Fixture Manager' });
    await expect(visits.checks).toContainText('No clashes or restrictions stop it.');
    await expect(visits.checks).toContainText('Supervised contact only.');
    await visits.submit();
    await expect(visits.banner).toContainText('Visit booked.');
    await expect(visits.details).toContainText('Fixture Manager');

    // It happened: marking it completed starts the contact form's clock at the visit's end.
    await visits.details.getByRole('button', { name: 'Mark completed' }).click();
    const done = visits.details.getByRole('status');
    await expect(done).toContainText(
      'Marked completed. The contact form is now due, counted from the end of the visit: CF-',
    );
    const reference = /CF-\d{4}-[A-Z0-9]+/.exec((await done.textContent()) ?? '')?.[0];
    if (!reference) throw new Error('No contact form reference shown');
    await expect(visits.details).toContainText('Completed');
    await app.screenshot('completed visit with its contact form due');
    await frame.open('Contact forms');
    await expect(page.getByRole('region', { name: 'Contact forms you owe' })).toContainText(reference);
    await app.screenshot('the due form in the contact forms list');

    // The young person's calendar as a file: asked about, logged, parsed, and no names in it.
    await frame.open('Visits');
    await visits.showFor(child);
    await visits.goTo(yesterday);
    await page.getByRole('button', { name: 'Export calendar file (.ics)' }).click();
    const dialog = new DisclosureDialog(page);
    await expect(dialog.dialog).toBeVisible();
    await app.expectAccessible('disclosure question for the calendar file');
    const download = page.waitForEvent('download');
    await dialog.answer('The young person’s social worker', 'For the young person’s social worker');
    const file = await download;
    const path = await file.path();
    const text = await readFile(path, 'utf8');
    const jcal: unknown = ICAL.parse(text);
    if (!Array.isArray(jcal)) throw new Error('Expected one calendar');
    const events = new ICAL.Component(jcal)
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent));
    const initials = child
      .split(' ')
      .map((word) => word[0])
      .join('');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.summary.startsWith(`${initials}`))).toBe(true);
    const booked = events.filter((event) => {
      const { date, time } = londonWallClock(event.startDate.toJSDate());
      return date === yesterday && time === '06:00';
    });
    expect(booked.map((event) => event.summary)).toEqual([`${initials}: Family visit at the home`]);
    const record = home.youngPeople.find((candidate) => candidate.id === supervised.youngPersonId);
    const fullNames = [
      record?.firstName,
      record?.lastName,
      record?.preferredName,
      ...person.split(' '),
      'Fixture',
      'Manager',
    ].filter((name): name is string => name !== undefined && name.length > 2);
    for (const name of fullNames) expect(text).not.toContain(name);
    await expect(visits.banner).toContainText('recorded it in the disclosure log');
  });

  test('a care worker finds and opens visits on the diary by keyboard, and its day, week and month fit both windows', async ({
    app,
    page,
  }) => {
    await page.setViewportSize(officeWindowSizes[0]);
    const summary = await signInToFixture(app);
    const frame = new AppFrame(page);
    await frame.open('Staff accounts');
    const staff = new StaffAccountsPage(page);
    await staff.add(careWorker);
    await expect(staff.row(careWorker.name)).toBeVisible();
    await signInAsCareWorker(page);
    await frame.open('Visits');
    const visits = new VisitsPage(page);
    await expect(visits.heading).toBeVisible();

    // A week the small home has visits in, with the first of them read from the table below.
    const week = mondayOn(plusDays(summary.endDate, 7));
    await visits.goTo(week);
    await expect(visits.calendarDays.first()).toHaveAccessibleName(longDay(week));
    // It opens on the working day (no visit that week starts before 08:00), not at midnight.
    const hour = (time: string) => visits.calendar.locator('.diary__hour', { hasText: time });
    await expect(hour('08:00')).toBeInViewport();
    await expect(hour('03:00')).not.toBeInViewport();
    const firstRow = visits.visitsTable.getByRole('row').nth(1);
    const when = /(\d\d:\d\d–\d\d:\d\d)/.exec(
      (await firstRow.getByRole('cell').first().textContent()) ?? '',
    )?.[1];
    const who = ((await firstRow.getByRole('cell').nth(1).textContent()) ?? '').trim();
    if (!when || !who) throw new Error('The small home has a visit in the week after its last day');

    // Tab from the slot to book reaches the week's first visit; Enter opens it, and again opens
    // the same one, once.
    await visits.bookSlot.focus();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toHaveAccessibleName(new RegExp(`^${when} ${who}: `));
    await page.keyboard.press('Enter');
    await expect(visits.details.getByRole('heading', { level: 2 })).toContainText(who);
    await expect(visits.details.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(visits.details).toContainText(when);
    await visits.calendarVisitsOf(who, when).first().press('Enter');
    await expect(visits.details).toHaveCount(1);
    await expect(visits.details.getByRole('heading', { level: 2 })).toContainText(who);
    await app.checkScreen('a visit opened from the diary by keyboard');

    // The same button twice: two weeks on, not one, and back again.
    const next = page.getByRole('button', { name: 'Next week' });
    await next.click();
    await next.click();
    await expect(visits.calendarDays.first()).toHaveAccessibleName(longDay(plusDays(week, 14)));
    const previous = page.getByRole('button', { name: 'Previous week' });
    await previous.click();
    await previous.click();
    await expect(visits.calendarDays.first()).toHaveAccessibleName(longDay(week));

    // A date typed over the filled field: half of it (the day cleared) leaves the diary where it
    // was; the whole of it moves the diary to that date's week.
    const goTo = page.getByLabel('Go to date');
    await goTo.focus();
    await page.keyboard.press('Backspace');
    await expect(visits.calendarDays.first()).toHaveAccessibleName(longDay(week));
    await expect(visits.calendarVisitsOf(who, when)).not.toHaveCount(0);
    const weekDay = Number(week.slice(8, 10));
    const later = `${week.slice(0, 8)}${String(weekDay <= 14 ? weekDay + 14 : weekDay - 14).padStart(2, '0')}`;
    await page.keyboard.type(later.slice(8, 10));
    await expect(visits.calendarDays.first()).toHaveAccessibleName(longDay(mondayOn(later)));

    // Each view at both window sizes: nothing runs off sideways, and axe finds nothing.
    await visits.goTo(week);
    for (const view of ['Day', 'Week', 'Month'] as const) {
      await visits.view(view);
      if (view === 'Month') expect([35, 42]).toContain(await visits.calendarDays.count());
      else await expect(visits.calendarDays).toHaveCount(view === 'Day' ? 1 : 7);
      await app.expectAccessible(`the diary's ${view.toLowerCase()} view for a care worker`);
      for (const size of officeWindowSizes) {
        await page.setViewportSize(size);
        expect(await sidewaysOverflow(page), `${view} at ${size.width}x${size.height}`).toEqual([]);
        await app.screenshot(`${view.toLowerCase()} view ${size.width}x${size.height}`);
      }
      await page.setViewportSize(officeWindowSizes[0]);
    }
  });
});
