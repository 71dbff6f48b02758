import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

/** The home screen's "My actions" panel and the review's "Agreed actions, per young person". */
export class ActionsPanels extends PageModel {
  readonly mine = this.page.getByRole('region', { name: 'My actions' });
  readonly review = this.page.getByRole('region', { name: 'Agreed actions, per young person' });

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
