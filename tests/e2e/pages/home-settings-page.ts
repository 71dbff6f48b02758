import type { Locator, Page } from '@playwright/test';
import type { HomeDetails } from './first-run-setup-page';

/** Home settings: the home's details (and the automatic lock) for the Registered Manager. */
export class HomeSettingsPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly homeName: Locator;
  readonly ofstedUrn: Locator;
  readonly timeZone: Locator;
  readonly saveButton: Locator;
  /** The confirmation or error across the top of the home details form. */
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Home settings' });
    this.form = page.getByRole('form', { name: 'Home details' });
    this.homeName = this.form.getByLabel('Home name');
    this.ofstedUrn = this.form.getByLabel('Ofsted URN');
    this.timeZone = this.form.getByLabel('Time zone');
    this.saveButton = this.form.getByRole('button', { name: 'Save home details' });
    this.outcome = this.form.getByRole('alert').or(this.form.getByRole('status'));
  }

  async fill(home: Partial<HomeDetails>): Promise<void> {
    if (home.name !== undefined) await this.homeName.fill(home.name);
    if (home.ofstedUrn !== undefined) await this.ofstedUrn.fill(home.ofstedUrn);
    if (home.timeZone !== undefined) await this.timeZone.selectOption(home.timeZone);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}
