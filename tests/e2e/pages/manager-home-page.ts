import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

/** The manager's home: the overview's counts and set-up gaps, and the set-up checklist. */
export class ManagerHomePage extends PageModel {
  readonly overview = this.page.getByRole('region', { name: 'The home at a glance' });
  readonly checklist = this.page.getByRole('region', { name: 'Finish setting up the home' });

  /** The count whose words match `words` ("contact forms overdue"), as a link. */
  count(words: RegExp): Locator {
    return this.overview.getByRole('list', { name: 'Needs looking at' }).getByRole('link', { name: words });
  }

  /** One step of the checklist, by its words. */
  step(words: string): Locator {
    return this.checklist.getByRole('listitem').filter({ hasText: words });
  }

  /** Whether the document is wider than the window (a sideways scroll bar). */
  async scrollsSideways(): Promise<boolean> {
    // A string: the e2e project has no DOM types, and the function runs in the page anyway.
    return this.page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
  }
}
