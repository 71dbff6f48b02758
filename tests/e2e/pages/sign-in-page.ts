import { PageModel } from './page-model';

/** The only thing a signed-out (or reloaded) app shows: the home's name and the sign-in form. */
export class SignInPage extends PageModel {
  private readonly form = this.page.getByRole('form', { name: 'Sign in' });
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Sign in' });
  /** "Family Links · <home name>" above the form. */
  readonly productLine = this.page.getByText(/^Family Links · /);
  readonly username = this.form.getByLabel('Username');
  readonly password = this.form.getByLabel('Password');
  readonly signInButton = this.form.getByRole('button', { name: 'Sign in' });

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.signInButton.click();
  }
}
