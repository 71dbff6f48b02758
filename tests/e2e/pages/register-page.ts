import type { Locator, Page } from '@playwright/test';

/** The visitor register: a date range, its entries, corrections with every version, print and export. */
export class RegisterPage {
  readonly heading: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly table: Locator;
  readonly exportButton: Locator;
  readonly printButton: Locator;
  readonly correctionForm: Locator;
  readonly confirmation: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Visitor register' });
    const range = page.getByRole('form', { name: 'Dates to show' });
    this.from = range.getByLabel('From');
    this.to = range.getByLabel('To');
    this.table = page.getByRole('table', { name: 'Visitor register entries, earliest first' });
    this.exportButton = page.getByRole('button', { name: 'Export CSV' });
    this.printButton = page.getByRole('button', { name: 'Print', exact: true });
    this.correctionForm = page.getByRole('form', { name: 'Correct this entry' });
    this.confirmation = page.getByRole('status').filter({ hasText: 'was corrected' });
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  }

  async correct(
    name: string,
    changes: { whatWasWrong: string; badge?: string; visitorName?: string },
  ): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Correct this entry for ${name}` })
      .click();
    await this.correctionForm.getByLabel('What was wrong?').fill(changes.whatWasWrong);
    if (changes.badge !== undefined) await this.correctionForm.getByLabel('Badge number').fill(changes.badge);
    if (changes.visitorName !== undefined)
      await this.correctionForm.getByLabel('Visitor’s name').fill(changes.visitorName);
    await this.correctionForm.getByRole('button', { name: 'Save the correction' }).click();
  }

  /** The "Amended" button on a corrected line, which opens every version. */
  amended(name: string): Locator {
    return this.row(name).getByRole('button', { name: /^Amended/ });
  }
}
