import { PageModel } from './page-model';

export type HomeDetails = { name: string; ofstedUrn: string; timeZone: string };
export type ManagerAccount = { name: string; username: string; email: string; password: string };

/** What a new install shows: "Set up your home", the home's details and the manager's account. */
export class FirstRunSetupPage extends PageModel {
  private readonly form = this.page.getByRole('form', { name: 'Set up your home' });
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Set up your home' });
  readonly homeName = this.form.getByLabel('Home name');
  readonly ofstedUrn = this.form.getByLabel('Ofsted URN');
  readonly timeZone = this.form.getByLabel('Time zone');
  readonly managerName = this.form.getByLabel('Full name');
  readonly username = this.form.getByLabel('Username');
  readonly email = this.form.getByLabel('Work email');
  readonly password = this.form.getByLabel('Password', { exact: true });
  readonly confirmPassword = this.form.getByLabel('Type the password again');
  readonly setUpButton = this.form.getByRole('button', { name: 'Set up the home' });
  /** The message across the top of the form when something needs correcting. */
  readonly errorBanner = this.page.getByRole('alert');

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
