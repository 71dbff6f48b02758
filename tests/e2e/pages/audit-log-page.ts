import type { Locator, Page } from '@playwright/test';

/** The manager's audit log: the filters, the count of matches, the entries, and the export. */
export class AuditLogPage {
  readonly heading: Locator;
  readonly filters: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly who: Locator;
  readonly what: Locator;
  readonly youngPerson: Locator;
  readonly clearButton: Locator;
  readonly exportButton: Locator;
  /** "12 entries match, newest first." */
  readonly summary: Locator;
  readonly scroller: Locator;
  readonly table: Locator;
  /** The entries drawn (the rows in view and just beyond), without the headings' row. */
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Audit log' });
    this.filters = page.getByRole('form', { name: 'Filter the audit log' });
    this.from = this.filters.getByLabel('From', { exact: true });
    this.to = this.filters.getByLabel('To', { exact: true });
    this.who = this.filters.getByLabel('Who', { exact: true });
    this.what = this.filters.getByLabel('What', { exact: true });
    this.youngPerson = this.filters.getByLabel('Young person', { exact: true });
    this.clearButton = page.getByRole('button', { name: 'Clear filters' });
    this.exportButton = page.getByRole('button', { name: 'Export CSV…' });
    this.summary = page.getByRole('region', { name: 'Entries' }).getByRole('status');
    this.scroller = page.getByRole('region', { name: 'Audit log entries (scroll for more)' });
    this.table = page.getByRole('table', { name: 'Audit log entries, newest first' });
    this.entries = this.table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  }

  /** The text of one column ("Who", "What"...) in every entry drawn. */
  async column(name: 'No.' | 'When' | 'Who' | 'What' | 'Record' | 'Detail'): Promise<string[]> {
    const position = ['No.', 'When', 'Who', 'What', 'Record', 'Detail'].indexOf(name) + 1;
    const cells = await this.entries.locator(`:scope > :nth-child(${position})`).allInnerTexts();
    return cells.map((text) => text.trim());
  }
}
