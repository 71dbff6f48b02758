import type { Locator, Page } from '@playwright/test';

export type HomeDetails = { name: string; ofstedUrn: string; timeZone: string };
export type ManagerAccount = { name: string; username: string; email: string; password: string };

/** What a new install shows: "Set up your home", the home's details and the manager's account. */
export class FirstRunSetupPage {
  readonly heading: Locator;
  readonly homeName: Locator;
  readonly ofstedUrn: Locator;
  readonly timeZone: Locator;
  readonly managerName: Locator;
  readonly username: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly confirmPassword: Locator;
  readonly setUpButton: Locator;
  /** The message across the top of the form when something needs correcting. */
  readonly errorBanner: Locator;

  constructor(readonly page: Page) {
    const form = page.getByRole('form', { name: 'Set up your home' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Set up your home' });
    this.homeName = form.getByLabel('Home name');
    this.ofstedUrn = form.getByLabel('Ofsted URN');
    this.timeZone = form.getByLabel('Time zone');
    this.managerName = form.getByLabel('Full name');
    this.username = form.getByLabel('Username');
    this.email = form.getByLabel('Work email');
    this.password = form.getByLabel('Password', { exact: true });
    this.confirmPassword = form.getByLabel('Type the password again');
    this.setUpButton = form.getByRole('button', { name: 'Set up the home' });
    this.errorBanner = page.getByRole('alert');
  }

  async fill(home: HomeDetails, manager: ManagerAccount): Promise<void> {
    await this.homeName.fill(home.name);
    await this.ofstedUrn.fill(home.ofstedUrn);
    await this.timeZone.selectOption(home.timeZone);
    await this.managerName.fill(manager.name);
    await this.username.fill(manager.username);
    await this.email.fill(manager.email);
    await this.password.fill(manager.password);
    await this.confirmPassword.fill(manager.password);
  }

  async submit(): Promise<void> {
    await this.setUpButton.click();
  }
}
