import type { Locator, Page } from '@playwright/test';
import { expect } from '../harness/fixtures';
import { AppFrame } from './app-frame';
import { PageModel } from './page-model';

/** The manager's audit log: the filters, the count of matches, the entries, and the export. */
export class AuditLogPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Audit log' });
  readonly filters = this.page.getByRole('form', { name: 'Filter the audit log' });
  readonly from = this.filters.getByLabel('From', { exact: true });
  readonly to = this.filters.getByLabel('To', { exact: true });
  readonly who = this.filters.getByLabel('Who', { exact: true });
  readonly what = this.filters.getByLabel('What', { exact: true });
  readonly youngPerson = this.filters.getByLabel('Young person', { exact: true });
  readonly clearButton = this.page.getByRole('button', { name: 'Clear filters' });
  readonly exportButton = this.page.getByRole('button', { name: 'Export CSV…' });
  readonly checkButton = this.page.getByRole('button', { name: 'Check the log has not been altered' });
  /** The check's verdict when every entry's chain is whole: "The log is intact…". */
  readonly intact = this.page.getByRole('status').filter({ hasText: 'The log is intact' });
  /** "12 entries match, newest first." */
  readonly summary = this.page.getByRole('region', { name: 'Entries' }).getByRole('status');
  readonly scroller = this.page.getByRole('region', { name: 'Audit log entries (scroll for more)' });
  readonly table = this.page.getByRole('table', { name: 'Audit log entries, newest first' });
  /** The entries drawn (the rows in view and just beyond), without the headings' row. */
  readonly entries = this.table.getByRole('row').filter({ hasNot: this.page.getByRole('columnheader') });

  /** Opens the log from the main navigation, as a signed-in manager does, and gives the screen. */
  static async open(page: Page): Promise<AuditLogPage> {
    await new AppFrame(page).open('Audit log');
    return new AuditLogPage(page);
  }

  /** Checks the log has not been altered and waits for the verdict that it is intact. */
  async checkIntact(options: { timeout?: number } = {}): Promise<void> {
    await this.checkButton.click();
    await expect(this.intact).toBeVisible(options);
  }

  /** The entries drawn that mention `text`: an action's label ("Signed a visitor in"), or a detail. */
  entry(text: string): Locator {
    return this.entries.filter({ hasText: text });
  }

  /** The text of one column ("Who", "What"...) in every entry drawn. */
  async column(name: 'No.' | 'When' | 'Who' | 'What' | 'Record' | 'Detail'): Promise<string[]> {
    const position = ['No.', 'When', 'Who', 'What', 'Record', 'Detail'].indexOf(name) + 1;
    const cells = await this.entries.locator(`:scope > :nth-child(${position})`).allInnerTexts();
    return cells.map((text) => text.trim());
  }
}
