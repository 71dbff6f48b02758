import type { Locator, Page } from '@playwright/test';

export type Booking = {
  readonly youngPeople: readonly string[];
  readonly kind?: string;
  readonly family?: readonly string[];
  readonly staff?: readonly string[];
  readonly supervisor?: string;
  readonly room?: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly repeats?: string;
  readonly lastDate?: string;
};

/** The Visits screen: the calendar, its controls, the booking form and one visit's details. */
export class VisitsPage {
  readonly heading: Locator;
  readonly bookButton: Locator;
  readonly bookingForm: Locator;
  readonly checks: Locator;
  readonly planningHelp: Locator;
  readonly banner: Locator;
  readonly visitsTable: Locator;
  readonly details: Locator;
  readonly calendar: Locator;
  readonly calendarVisits: Locator;
  readonly calendarDays: Locator;
  readonly bookSlot: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Visits' });
    this.bookButton = page.getByRole('button', { name: 'Book a visit', exact: true });
    this.bookingForm = page.getByRole('form', { name: /Book a visit|Change or move this visit/ });
    this.checks = page.getByRole('region', { name: 'Checks before saving' });
    this.planningHelp = page.getByRole('region', { name: /^Planning help for/ });
    this.banner = page.locator('.banner').first();
    this.visitsTable = page.getByRole('table', { name: /visits?$/ });
    this.details = page.locator('.visit-details');
    this.calendar = page.locator('.visit-calendar');
    // Each visit on the calendar is a button named by its times first ("07:00–08:00 Amy Brown: ...").
    this.calendarVisits = this.calendar.getByRole('button', { name: /^\d\d:\d\d–\d\d:\d\d / });
    // One group a day shown, named by the day ("Monday 2 June").
    this.calendarDays = this.calendar.getByRole('group');
    // The first stop in the calendar: a slot (or a day, in the month) to book, moved with the arrow keys.
    this.bookSlot = this.calendar.getByRole('button', { name: /^Book a visit on / });
  }

  async view(name: 'Day' | 'Week' | 'Month'): Promise<void> {
    await this.page.getByRole('group', { name: 'View' }).getByRole('button', { name }).click();
  }

  async goTo(date: string): Promise<void> {
    await this.page.getByLabel('Go to date').fill(date);
  }

  async showFor(label: string): Promise<void> {
    await this.page.getByLabel('Show visits for').selectOption({ label });
  }

  async fill(booking: Booking): Promise<void> {
    const form = this.bookingForm;
    for (const name of booking.youngPeople)
      await form
        .getByRole('group', { name: 'Young people' })
        .getByRole('checkbox', { name, exact: true })
        .check();
    if (booking.kind) await form.getByLabel('Kind of visit').selectOption({ label: booking.kind });
    for (const name of booking.family ?? [])
      await form
        .getByRole('group', { name: /Family members coming/ })
        .getByRole('checkbox', { name: new RegExp(`^${name}\\b`) })
        .check();
    for (const name of booking.staff ?? [])
      await form
        .getByRole('group', { name: 'Staff going' })
        .getByRole('checkbox', { name: new RegExp(`^${name}\\b`) })
        .check();
    if (booking.supervisor)
      await form.getByLabel('Supervising member of staff').selectOption({ label: booking.supervisor });
    if (booking.room) await form.getByLabel('Room').selectOption({ label: booking.room });
    await form.getByLabel('Date', { exact: true }).fill(booking.date);
    await form.getByLabel('Starts at').fill(booking.startTime);
    await form.getByLabel('Ends at').fill(booking.endTime);
    if (booking.repeats) await form.getByLabel('Repeats').selectOption({ label: booking.repeats });
    if (booking.lastDate) await form.getByLabel('Last date').fill(booking.lastDate);
  }

  async submit(): Promise<void> {
    await this.bookingForm.getByRole('button', { name: /Book visit|Save changes/ }).click();
  }

  /** The rows of the table under the calendar for one young person's visits at a time ("07:00–08:00", or its start). */
  tableRows(youngPerson: string, time: string): Locator {
    return this.visitsTable.getByRole('row').filter({ hasText: youngPerson }).filter({ hasText: time });
  }

  /** The visits drawn on the calendar for one young person at a time ("07:00–08:00"). */
  calendarVisitsOf(youngPerson: string, time: string): Locator {
    return this.calendarVisits.filter({ hasText: youngPerson }).filter({ hasText: time });
  }

  /** Opens a visit from the table under the calendar (the keyboard route to every visit). */
  async open(name: RegExp): Promise<void> {
    await this.visitsTable.getByRole('button', { name }).first().click();
  }
}
