import type { HomeDetails } from './first-run-setup-page';
import { PageModel } from './page-model';

/** Home settings: the home's details (and the automatic lock) for the Registered Manager. */
export class HomeSettingsPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Home settings' });
  readonly form = this.page.getByRole('form', { name: 'Home details' });
  readonly homeName = this.form.getByLabel('Home name');
  readonly ofstedUrn = this.form.getByLabel('Ofsted URN');
  readonly timeZone = this.form.getByLabel('Time zone');
  readonly saveButton = this.form.getByRole('button', { name: 'Save home details' });
  /** The confirmation or error across the top of the home details form. */
  readonly outcome = this.form.getByRole('alert').or(this.form.getByRole('status'));

  async fill(home: Partial<HomeDetails>): Promise<void> {
    if (home.name !== undefined) await this.homeName.fill(home.name);
    if (home.ofstedUrn !== undefined) await this.ofstedUrn.fill(home.ofstedUrn);
    if (home.timeZone !== undefined) await this.timeZone.selectOption(home.timeZone);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}
