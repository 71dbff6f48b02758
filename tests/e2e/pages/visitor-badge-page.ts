import type { Locator, Page } from '@playwright/test';

export type BadgePaperName = 'A4 sheet' | '62 mm label';

/** One visitor's badge, opened from the front door: the paper, "Print badge", and the badge itself. */
export class VisitorBadgePage {
  readonly heading: Locator;
  readonly paper: Locator;
  readonly printButton: Locator;
  readonly backButton: Locator;
  /** The badge as it will print. */
  readonly badge: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Visitor badge: / });
    this.paper = page.getByRole('group', { name: 'Paper' });
    this.printButton = page.getByRole('button', { name: 'Print badge', exact: true });
    this.backButton = page.getByRole('button', { name: 'Back to the front door' });
    this.badge = page.getByRole('article', { name: 'Visitor badge' });
  }

  paperChoice(name: BadgePaperName): Locator {
    return this.paper.getByRole('radio', { name, exact: true });
  }
}
