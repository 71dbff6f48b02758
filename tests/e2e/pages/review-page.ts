import type { Locator } from '@playwright/test';
import { expect } from '../harness/fixtures';
import { DisclosureDialog } from './disclosure-dialog';
import { PageModel } from './page-model';

/** The termly review: the term picker, the table per young person, the drill-down and the exports. */
export class ReviewPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Termly review' });
  readonly termPicker = this.page.getByRole('form', { name: 'Choose the term' }).getByLabel('Term');
  readonly table = this.page.getByRole('table', { name: 'This term, per young person' });
  readonly drillDown = this.page
    .getByRole('region')
    .filter({ has: this.page.locator('#drill-down-heading') });
  readonly youngPersonReview = this.page
    .getByRole('region')
    .filter({ has: this.page.locator('#young-person-review-heading') });
  readonly exportCsvButton = this.page.getByRole('button', { name: 'Export CSV' });
  readonly signedPdfButton = this.page.getByRole('button', { name: 'Signed PDF report' });
  readonly signForm = this.page.getByRole('form', { name: 'Sign the termly report' });

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

  /**
   * Signs the termly report and saves it, answering "why" (who it is for, and the reason) when
   * asked; waits for "The signed report was saved as <file>" and returns the file's name.
   */
  async saveSignedReport(password: string, recipient: string, reason: string): Promise<string> {
    await this.signedPdfButton.click();
    await this.signForm.getByLabel('Your password').fill(password);
    await this.signForm.getByRole('button', { name: 'Sign and save' }).click();
    const why = new DisclosureDialog(this.page);
    await expect(why.dialog).toBeVisible();
    await why.answer(recipient, reason);
    const saved = this.page.getByRole('status').filter({ hasText: 'The signed report was saved as' });
    await expect(saved).toBeVisible({ timeout: 30_000 });
    return /saved as (\S+\.pdf)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
