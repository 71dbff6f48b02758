import type { Locator, Page } from '@playwright/test';

/** What a locked app shows: why it locked, whose session it is, and the password to unlock. */
export class LockScreenPage {
  readonly heading: Locator;
  readonly reason: Locator;
  readonly password: Locator;
  readonly unlockButton: Locator;
  readonly someoneElseButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Locked' });
    this.reason = page.getByRole('status').filter({ hasText: 'locked' });
    const form = page.getByRole('form', { name: 'Unlock' });
    this.password = form.getByLabel('Password');
    this.unlockButton = form.getByRole('button', { name: 'Unlock' });
    this.someoneElseButton = form.getByRole('button', { name: 'Sign in as someone else' });
  }

  async unlock(password: string): Promise<void> {
    await this.password.fill(password);
    await this.unlockButton.click();
  }
}
