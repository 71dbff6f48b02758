import type { Locator, Page } from '@playwright/test';

/** A young person's chronology on their page: the filters, the count, and the scrolling list. */
export class ChronologySection {
  readonly section: Locator;
  readonly show: Locator;
  readonly familyMember: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly clear: Locator;
  readonly status: Locator;
  readonly list: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Chronology', exact: true });
    const filters = this.section.getByRole('form', { name: 'Filter the chronology' });
    this.show = filters.getByLabel('Show');
    this.familyMember = filters.getByLabel('Family member');
    this.from = filters.getByLabel('From');
    this.to = filters.getByLabel('To');
    this.clear = filters.getByRole('button', { name: 'Clear the filters' });
    // The count above the list (a message after saving a copy is a status too, in a banner).
    this.status = this.section.getByRole('status').and(page.locator('p'));
    this.list = this.section.getByRole('region', { name: /’s chronology, newest first$/ });
    this.rows = this.list.getByRole('listitem');
  }

  /** The number of entries the count above the list gives ("1,234 entries, newest first."). */
  async count(): Promise<number> {
    const text = (await this.status.textContent()) ?? '';
    const match = /^([\d,]+) entr(?:y|ies), newest first\.$/.exec(text.trim());
    if (!match?.[1]) throw new Error(`The chronology shows no count: “${text}”`);
    return Number(match[1].replace(/,/g, ''));
  }

  /** When each line now drawn happened, as the page marks it (`<time datetime>`), top to bottom. */
  async shownTimes(): Promise<string[]> {
    const times = this.rows.locator('time');
    const found: string[] = [];
    for (let index = 0; index < (await times.count()); index += 1)
      found.push((await times.nth(index).getAttribute('datetime')) ?? '');
    return found;
  }

  /** The text of each line now drawn. */
  shownText(): Promise<string[]> {
    return this.rows.allInnerTexts();
  }
}
