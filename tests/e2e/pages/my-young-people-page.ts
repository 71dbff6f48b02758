import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

/** "My young people": one panel for each young person this person holds, with what they owe. */
export class MyYoungPeoplePage extends PageModel {
  readonly heading = this.page.getByRole('heading', { name: 'My young people', level: 1 });

  /** One young person's panel, found by its heading (their name). */
  panel(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  /** The list of what this person owes them. */
  owed(name: string): Locator {
    return this.panel(name).getByRole('list', { name: `What you owe ${name}` });
  }

  /** One owed line, by the words of what is owed. */
  line(name: string, what: string | RegExp): Locator {
    return this.owed(name).getByRole('listitem').filter({ hasText: what });
  }
}
