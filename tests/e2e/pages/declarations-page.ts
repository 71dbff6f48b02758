import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

export type NewDeclaration = {
  kind: string;
  happenedOn: string;
  whatHappened: string;
  whoWasInvolved?: string;
  lineManager: string;
};

/** Declarations: "My declarations" for staff, "Staff declarations" with reviews for the manager. */
/** The date `days` before today, as the date fields take it (YYYY-MM-DD). */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** What the care worker, Tom, says of the gift he declined. */
export const tomsGift = 'A parent offered me a £20 voucher after the summer trip. I declined it politely.';

/** Tom's declaration of the gift he declined two days ago, to his line manager. */
export function tomsDeclinedGift(lineManager: string): NewDeclaration {
  return {
    kind: 'I declined a gift',
    happenedOn: daysAgo(2),
    whatHappened: tomsGift,
    whoWasInvolved: 'A parent',
    lineManager,
  };
}

export class DeclarationsPage extends PageModel {
  readonly table = this.page.getByRole('table', { name: 'Declarations' });
  readonly confirmation = this.page.getByRole('status');

  heading(name: 'My declarations' | 'Staff declarations'): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async declare(declaration: NewDeclaration): Promise<void> {
    await this.page.getByRole('button', { name: 'Make a declaration' }).click();
    const form = this.page.getByRole('form', { name: 'Make a declaration' });
    await form.getByLabel('What are you declaring?').selectOption({ label: declaration.kind });
    await form.getByLabel('When did it happen?').fill(declaration.happenedOn);
    await form.getByLabel('What happened').fill(declaration.whatHappened);
    if (declaration.whoWasInvolved)
      await form.getByLabel('Who was involved (optional)').fill(declaration.whoWasInvolved);
    await form.getByLabel('Your line manager').selectOption({ label: declaration.lineManager });
    await form.getByRole('button', { name: 'Make declaration' }).click();
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  /** The manager's review of the declaration in the row holding `text`. */
  async review(
    text: string,
    review: { supervisionOn?: string; outcome?: string; action?: string },
  ): Promise<void> {
    await this.row(text)
      .getByRole('button', { name: /^Review / })
      .click();
    const form = this.page.getByRole('form', { name: 'Review the declaration' });
    if (review.supervisionOn)
      await form.getByLabel('Discussed in supervision on (optional)').fill(review.supervisionOn);
    if (review.outcome) await form.getByLabel('Outcome (optional)').fill(review.outcome);
    if (review.action) await form.getByLabel('Action (optional)').fill(review.action);
    await form.getByRole('button', { name: 'Save review' }).click();
  }
}
