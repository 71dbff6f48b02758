import type { Locator, Page } from '@playwright/test';

/** The Outbox screen: one row per person told. */
export class OutboxPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly notSetUp: Locator;
  readonly show: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Outbox' });
    this.table = page.getByRole('table', { name: 'Email alerts, newest first' });
    this.notSetUp = page.getByRole('status').filter({ hasText: 'Mail is not set up on this computer' });
    this.show = page.getByLabel('Show');
  }

  /** Rows for one recipient's email address. */
  rowsTo(email: string): Locator {
    return this.table.getByRole('row').filter({ hasText: email });
  }

  bodyRows(): Locator {
    return this.table.locator('tbody').getByRole('row');
  }
}
