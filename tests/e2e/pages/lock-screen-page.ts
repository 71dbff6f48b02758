import { PageModel } from './page-model';

/** What a locked app shows: why it locked, whose session it is, and the password to unlock. */
export class LockScreenPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Locked' });
  readonly reason = this.page.getByRole('status').filter({ hasText: 'locked' });
  private readonly form = this.page.getByRole('form', { name: 'Unlock' });
  readonly password = this.form.getByLabel('Password');
  readonly unlockButton = this.form.getByRole('button', { name: 'Unlock' });
  readonly someoneElseButton = this.form.getByRole('button', { name: 'Sign in as someone else' });

  async unlock(password: string): Promise<void> {
    await this.password.fill(password);
    await this.unlockButton.click();
  }
}
