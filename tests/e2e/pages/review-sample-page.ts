import type { Locator, Page } from '@playwright/test';

/** Sample monitoring: draw a sample of a term's filed forms, then review each. */
export class ReviewSamplePage {
  readonly heading: Locator;
  readonly drawForm: Locator;
  readonly samplesTable: Locator;
  readonly openSample: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sample monitoring' });
    this.drawForm = page.getByRole('form', { name: 'Draw a sample' });
    this.samplesTable = page.getByRole('table', { name: 'Samples drawn' });
    this.openSample = page.getByRole('region').filter({ has: page.locator('#sample-heading') });
  }

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
