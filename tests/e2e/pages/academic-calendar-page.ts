import type { Locator } from '@playwright/test';
import { ukDate } from '../harness/london-dates';
import { PageModel } from './page-model';

export type TermName = 'Autumn' | 'Spring' | 'Summer';
/** Dates as YYYY-MM-DD; typed into the form day/month/year, as staff type them. */
export type TermDates = {
  startsOn: string;
  endsOn: string;
  halfTermStartsOn: string;
  halfTermEndsOn: string;
};
export type AcademicYearDates = { label: string; terms: Record<TermName, TermDates> };

/** The academic calendar: the list of years, and the form to add or edit one. */
/** An English school year as a local authority would publish it. */
export const year2026: AcademicYearDates = {
  label: '2026/27',
  terms: {
    Autumn: {
      startsOn: '2026-09-03',
      endsOn: '2026-12-18',
      halfTermStartsOn: '2026-10-26',
      halfTermEndsOn: '2026-10-30',
    },
    Spring: {
      startsOn: '2027-01-05',
      endsOn: '2027-03-26',
      halfTermStartsOn: '2027-02-15',
      halfTermEndsOn: '2027-02-19',
    },
    Summer: {
      startsOn: '2027-04-12',
      endsOn: '2027-07-21',
      halfTermStartsOn: '2027-05-31',
      halfTermEndsOn: '2027-06-04',
    },
  },
};

export class AcademicCalendarPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Academic calendar' });
  readonly addYearButton = this.page.getByRole('button', { name: 'Add academic year' });
  readonly emptyMessage = this.page.getByText('No academic years yet.');
  readonly table = this.page.getByRole('table', { name: 'Academic years and their terms' });
  /** "2026/27 saved." and other confirmations. */
  readonly confirmation = this.page.getByRole('status').filter({ hasText: 'saved' });
  readonly form = this.page.getByRole('region', { name: /academic year|^Edit / });
  readonly yearLabel = this.form.getByLabel('Academic year');
  readonly saveButton = this.form.getByRole('button', { name: 'Save academic year' });
  readonly cancelButton = this.form.getByRole('button', { name: 'Cancel' });
  readonly formError = this.form.getByRole('alert');

  /** The fieldset for one term: its four dates are labelled the same in each term. */
  term(name: TermName): Locator {
    return this.form.getByRole('group', { name: `${name} term` });
  }

  termField(name: TermName, field: 'starts' | 'ends' | 'half term starts' | 'half term ends'): Locator {
    const label =
      field === 'starts' || field === 'ends'
        ? `${name} term ${field}`
        : field === 'half term starts'
          ? 'Half term starts'
          : 'Half term ends';
    return this.term(name).getByLabel(label, { exact: true });
  }

  async fillYear(year: AcademicYearDates): Promise<void> {
    await this.yearLabel.fill(year.label);
    for (const name of ['Autumn', 'Spring', 'Summer'] as const) {
      const dates = year.terms[name];
      await this.termField(name, 'starts').fill(ukDate(dates.startsOn));
      await this.termField(name, 'ends').fill(ukDate(dates.endsOn));
      await this.termField(name, 'half term starts').fill(ukDate(dates.halfTermStartsOn));
      await this.termField(name, 'half term ends').fill(ukDate(dates.halfTermEndsOn));
    }
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  /** Years whose dates were changed outside Family Links, listed apart to be checked and saved again. */
  readonly damagedTable = this.page.getByRole('table', {
    name: 'Academic years changed outside Family Links',
  });
  readonly damagedNotice = this.page
    .getByRole('alert')
    .filter({ hasText: 'changed outside Family Links and cannot be trusted' });

  /** The button that opens a changed year's dates to be checked and saved again. */
  checkAndSaveButton(label: string): Locator {
    return this.damagedTable.getByRole('button', { name: `Check and save ${label}` });
  }

  /** The year's row in the list, found by its label ("2026/27"). */
  row(label: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }
}
