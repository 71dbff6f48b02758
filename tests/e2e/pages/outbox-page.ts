import type { Locator } from '@playwright/test';
import { expect, type AppDriver } from '../harness/fixtures';
import { PageModel } from './page-model';

/** The Outbox screen: one row per person told. */
export class OutboxPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Outbox' });
  readonly table = this.page.getByRole('table', { name: 'Email alerts, newest first' });
  readonly notSetUp = this.page
    .getByRole('status')
    .filter({ hasText: 'Mail is not set up on this computer' });
  readonly show = this.page.getByLabel('Show');

  /** Rows for one recipient's email address. */
  rowsTo(email: string): Locator {
    return this.table.getByRole('row').filter({ hasText: email });
  }

  bodyRows(): Locator {
    return this.table.locator('tbody').getByRole('row');
  }

  /** "Open in mail client" on one row, and the screen's word that the message is open. */
  async openInMailClient(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Open in mail client/ }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: 'The message is open in your mail client' }),
    ).toBeVisible();
  }
}

/** Every address the app has asked the system to open (a mailto: for a mail client), oldest first. */
export function openedExternally(app: AppDriver): string[] {
  return app.mainProcessLog
    .filter((entry) => entry.message === 'Opened externally')
    .map((entry) => String(entry.detail));
}
