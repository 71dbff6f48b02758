import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

/** The visitor register: a date range, its entries, corrections with every version, print and export. */
export class RegisterPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Visitor register' });
  private readonly range = this.page.getByRole('form', { name: 'Dates to show' });
  readonly from = this.range.getByLabel('From');
  readonly to = this.range.getByLabel('To');
  readonly table = this.page.getByRole('table', { name: 'Visitor register entries, earliest first' });
  readonly exportButton = this.page.getByRole('button', { name: 'Export CSV' });
  readonly printButton = this.page.getByRole('button', { name: 'Print', exact: true });
  readonly correctionForm = this.page.getByRole('form', { name: 'Correct this entry' });
  readonly confirmation = this.page.getByRole('status').filter({ hasText: 'was corrected' });

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
