import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

export type BadgePaperName = 'A4 sheet' | '62 mm label';

/** One visitor's badge, opened from the front door: the paper, "Print badge", and the badge itself. */
export class VisitorBadgePage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: /^Visitor badge: / });
  readonly paper = this.page.getByRole('group', { name: 'Paper' });
  readonly printButton = this.page.getByRole('button', { name: 'Print badge', exact: true });
  readonly backButton = this.page.getByRole('button', { name: 'Back to the front door' });
  /** The badge as it will print. */
  readonly badge = this.page.getByRole('article', { name: 'Visitor badge' });

  paperChoice(name: BadgePaperName): Locator {
    return this.paper.getByRole('radio', { name, exact: true });
  }
}
