import type { Locator, Page } from '@playwright/test';

/** The home screen's "My actions" panel and the review's "Agreed actions, per young person". */
export class ActionsPanels {
  readonly mine: Locator;
  readonly review: Locator;

  constructor(readonly page: Page) {
    this.mine = page.getByRole('region', { name: 'My actions' });
    this.review = page.getByRole('region', { name: 'Agreed actions, per young person' });
  }

  /** The list under one of "My actions"' headings ("Overdue (1)", "Done in the last fortnight (1)"). */
  listUnder(heading: RegExp): Locator {
    return this.mine.getByRole('heading', { name: heading }).locator('xpath=following-sibling::ul[1]');
  }

  /** The review's row for one young person. */
  reviewRow(youngPerson: string): Locator {
    return this.review
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: youngPerson, exact: true }) });
  }
}
