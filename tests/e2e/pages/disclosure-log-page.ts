import type { Locator, Page } from '@playwright/test';

/** The manager's disclosure log: filters, the table, and its own export. */
export class DisclosureLogPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Disclosure log' });
    this.table = page.getByRole('table', { name: 'Disclosure log' });
    this.exportButton = page.getByRole('button', { name: 'Export CSV' });
  }

  row(what: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: what }) });
  }
}
