import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

/** The PAN group section on a young person's page. */
export class PanGroupSection extends PageModel {
  readonly section = this.page.getByRole('region', { name: 'PAN group' });
  readonly table = this.section.getByRole('table', { name: 'PAN group members and what each is told about' });
  readonly addButton = this.section.getByRole('button', { name: 'Add someone to the PAN group' });
  readonly form = this.section.getByRole('form', { name: 'Add to the PAN group' });

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  /** Adds a member of staff, told about what the form ticks by default. */
  async addStaffMember(name: string): Promise<void> {
    await this.addButton.click();
    await this.form.getByLabel('A member of staff').check();
    await this.form.getByLabel('Member of staff', { exact: true }).selectOption({ label: name });
    await this.form.getByRole('button', { name: 'Add to the PAN group' }).click();
  }

  /** Adds an adult from outside the home, ticking exactly the choices given (by their labels). */
  async addOutsideAdult(adult: {
    name: string;
    role: string;
    email: string;
    toldWhen: readonly string[];
  }): Promise<void> {
    await this.addButton.click();
    await this.form.getByLabel('Someone outside the home', { exact: false }).check();
    await this.form.getByLabel('Name', { exact: true }).fill(adult.name);
    await this.form.getByLabel('Role', { exact: true }).fill(adult.role);
    await this.form.getByLabel('Email address').fill(adult.email);
    for (const box of await this.form
      .getByRole('group', { name: 'Tell them when' })
      .getByRole('checkbox')
      .all())
      await box.uncheck();
    for (const label of adult.toldWhen) await this.form.getByLabel(label).check();
    await this.form.getByRole('button', { name: 'Add to the PAN group' }).click();
  }
}
