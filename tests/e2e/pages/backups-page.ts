import { PageModel } from './page-model';

/** The manager's Backups screen. */
export class BackupsPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Backups' });
  readonly backUpNowButton = this.page.getByRole('button', { name: 'Back up now' });
  readonly chooseFolderButton = this.page.getByRole('button', { name: 'Choose folder…' });
  readonly folder = this.page.getByRole('region', { name: 'Where backups are kept' }).locator('code');
  readonly filesTable = this.page.getByRole('table', { name: 'Backups, newest first' });
  readonly success = this.page.locator('.banner--success');
  readonly error = this.page.getByRole('alert');
}

/** First run's "Restore from a backup" screen. */
export class RestorePage extends PageModel {
  readonly offer = this.page.getByRole('button', { name: 'Restore from a backup…' });
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Restore from a backup' });
  private readonly form = this.page.getByRole('form', { name: 'Restore from a backup' });
  readonly username = this.form.getByLabel('Registered Manager’s username');
  readonly password = this.form.getByLabel('Password', { exact: true });
  readonly restoreButton = this.form.getByRole('button', { name: 'Choose the backup and restore…' });
  readonly error = this.page.getByRole('alert');

  async restore(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.restoreButton.click();
  }
}
