import type { Locator, Page } from '@playwright/test';

/** The manager's Backups screen. */
export class BackupsPage {
  readonly heading: Locator;
  readonly backUpNowButton: Locator;
  readonly chooseFolderButton: Locator;
  readonly folder: Locator;
  readonly filesTable: Locator;
  readonly success: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Backups' });
    this.backUpNowButton = page.getByRole('button', { name: 'Back up now' });
    this.chooseFolderButton = page.getByRole('button', { name: 'Choose folder…' });
    this.folder = page.getByRole('region', { name: 'Where backups are kept' }).locator('code');
    this.filesTable = page.getByRole('table', { name: 'Backups, newest first' });
    this.success = page.locator('.banner--success');
    this.error = page.getByRole('alert');
  }
}

/** First run's "Restore from a backup" screen. */
export class RestorePage {
  readonly offer: Locator;
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly restoreButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.offer = page.getByRole('button', { name: 'Restore from a backup…' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Restore from a backup' });
    const form = page.getByRole('form', { name: 'Restore from a backup' });
    this.username = form.getByLabel('Registered Manager’s username');
    this.password = form.getByLabel('Password', { exact: true });
    this.restoreButton = form.getByRole('button', { name: 'Choose the backup and restore…' });
    this.error = page.getByRole('alert');
  }

  async restore(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.restoreButton.click();
  }
}
