import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

/** The manager's disclosure log: filters, the table, and its own export. */
export class DisclosureLogPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Disclosure log' });
  readonly table = this.page.getByRole('table', { name: 'Disclosure log' });
  readonly exportButton = this.page.getByRole('button', { name: 'Export CSV' });

  row(what: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: what }) });
  }
}
