import type { Locator, Page } from '@playwright/test';

/** The only thing a signed-out (or reloaded) app shows: the home's name and the sign-in form. */
export class SignInPage {
  readonly heading: Locator;
  /** "Family Links · <home name>" above the form. */
  readonly productLine: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;

  constructor(readonly page: Page) {
    const form = page.getByRole('form', { name: 'Sign in' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in' });
    this.productLine = page.getByText(/^Family Links · /);
    this.username = form.getByLabel('Username');
    this.password = form.getByLabel('Password');
    this.signInButton = form.getByRole('button', { name: 'Sign in' });
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.signInButton.click();
  }
}
