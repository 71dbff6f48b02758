import type { Locator, Page } from '@playwright/test';

/** The termly review: the term picker, the table per young person, the drill-down and the exports. */
export class ReviewPage {
  readonly heading: Locator;
  readonly termPicker: Locator;
  readonly table: Locator;
  readonly drillDown: Locator;
  readonly youngPersonReview: Locator;
  readonly exportCsvButton: Locator;
  readonly signedPdfButton: Locator;
  readonly signForm: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Termly review' });
    this.termPicker = page.getByRole('form', { name: 'Choose the term' }).getByLabel('Term');
    this.table = page.getByRole('table', { name: 'This term, per young person' });
    this.drillDown = page.getByRole('region').filter({ has: page.locator('#drill-down-heading') });
    this.youngPersonReview = page
      .getByRole('region')
      .filter({ has: page.locator('#young-person-review-heading') });
    this.exportCsvButton = page.getByRole('button', { name: 'Export CSV' });
    this.signedPdfButton = page.getByRole('button', { name: 'Signed PDF report' });
    this.signForm = page.getByRole('form', { name: 'Sign the termly report' });
  }

  async chooseTerm(label: string): Promise<void> {
    await this.termPicker.selectOption({ label });
  }

  /** The rows of young people (the header row left out). */
  youngPeopleRows(): Locator {
    return this.table.locator('tbody tr');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  /** A figure's cell button in a young person's row, by the figure's label ("Home visit this term"). */
  figure(name: string, label: string): Locator {
    return this.row(name).getByRole('button', { name: new RegExp(`^${escape(name)}, ${escape(label)}:`) });
  }

  async signReport(password: string): Promise<void> {
    await this.signedPdfButton.click();
    await this.signForm.getByLabel('Your password').fill(password);
    await this.signForm.getByRole('button', { name: 'Sign and save' }).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
