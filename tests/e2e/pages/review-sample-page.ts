import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

/** Sample monitoring: draw a sample of a term's filed forms, then review each. */
export class ReviewSamplePage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Sample monitoring' });
  readonly drawForm = this.page.getByRole('form', { name: 'Draw a sample' });
  readonly samplesTable = this.page.getByRole('table', { name: 'Samples drawn' });
  readonly openSample = this.page.getByRole('region').filter({ has: this.page.locator('#sample-heading') });

  async draw(termLabel: string, size: number): Promise<void> {
    await this.drawForm.getByLabel('Term').selectOption({ label: termLabel });
    await this.drawForm.getByLabel(/How many forms/).fill(String(size));
    await this.drawForm.getByRole('button', { name: 'Draw a sample' }).click();
  }

  sampledForms(): Locator {
    return this.openSample.getByRole('article');
  }

  async review(form: Locator, outcome: string, comment: string): Promise<void> {
    await form.getByLabel(outcome).check();
    await form.getByLabel('Comment').fill(comment);
    await form.getByRole('button', { name: /Save/ }).click();
  }
}
