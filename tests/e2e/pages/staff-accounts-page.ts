import type { Locator } from '@playwright/test';
import { expect } from '../harness/fixtures';
import { PageModel } from './page-model';

export type NewStaff = {
  name: string;
  username: string;
  email: string;
  role: string;
  temporaryPassword: string;
};

/** The manager's staff accounts: the list, and the "Add a staff member" form. */
export class StaffAccountsPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Staff accounts' });
  readonly addButton = this.page.getByRole('button', { name: 'Add a staff member' });
  readonly table = this.page.getByRole('table', { name: 'Staff accounts' });
  readonly confirmation = this.page.getByRole('status');

  async add(staff: NewStaff): Promise<void> {
    await this.addButton.click();
    const form = this.page.getByRole('form', { name: 'Add a staff member' });
    await form.getByLabel('Full name').fill(staff.name);
    await form.getByLabel('Username').fill(staff.username);
    await form.getByLabel('Work email').fill(staff.email);
    await form.getByLabel(staff.role, { exact: true }).check();
    await form.getByLabel('Temporary password').fill(staff.temporaryPassword);
    await form.getByLabel('Type the password again').fill(staff.temporaryPassword);
    await form.getByRole('button', { name: 'Add staff member' }).click();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  /** Asks to switch `name`'s account off: the confirmation it opens (what they hold, Cancel, Yes). */
  async askToSwitchOff(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole('button', { name: `Switch off ${name}’s account` })
      .click();
    return this.page.getByRole('region', { name: `Switch off ${name}’s account?` });
  }

  /** Switches `name`'s account off, confirmed, and waits for the list to say so. */
  async switchOff(name: string): Promise<void> {
    await this.askToSwitchOff(name);
    await this.page.getByRole('button', { name: 'Yes, switch off the account' }).click();
    await expect(this.row(name)).toContainText('Switched off');
  }
}
