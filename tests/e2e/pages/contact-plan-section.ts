import { PageModel } from './page-model';

export type Arrangement = {
  readonly person?: string;
  readonly kind: string;
  readonly frequency: string;
  readonly where?: string;
  readonly supervision?: 'Unsupervised' | 'Supervised';
  readonly supervisedBy?: string;
  readonly wording?: string;
  readonly agreedBy: string;
  readonly agreedByName: string;
  readonly agreedOn: string;
  readonly startsOn: string;
};

/** The Contact plan section of a young person's page, and its form. */
export class ContactPlanSection extends PageModel {
  readonly section = this.page.getByRole('region', { name: 'Contact plan' });
  readonly addButton = this.section.getByRole('button', { name: 'Add an arrangement' });
  readonly form = this.section.getByRole('form', { name: /contact plan|Change an arrangement/ });
  readonly table = this.section.getByRole('table', { name: /contact plan$/ });
  readonly banner = this.section.locator('.banner').first();

  async fill(arrangement: Arrangement): Promise<void> {
    const form = this.form;
    if (arrangement.person)
      await form
        .getByLabel('Family member or significant person')
        .selectOption({ label: arrangement.person });
    await form.getByLabel('Kind of contact').selectOption({ label: arrangement.kind });
    await form.getByLabel('How often').selectOption({ label: arrangement.frequency });
    if (arrangement.where !== undefined) await form.getByLabel('Where (optional)').fill(arrangement.where);
    if (arrangement.supervision)
      await form
        .getByLabel('Supervision', { exact: true })
        .selectOption(arrangement.supervision.toLowerCase());
    if (arrangement.supervisedBy !== undefined)
      await form.getByLabel('Supervised by (if supervised)').fill(arrangement.supervisedBy);
    if (arrangement.wording !== undefined)
      await form.getByLabel('In the plan’s own words (optional)').fill(arrangement.wording);
    await form.getByLabel('Agreed by').selectOption({ label: arrangement.agreedBy });
    await form.getByLabel('Name', { exact: true }).fill(arrangement.agreedByName);
    await form.getByLabel('Agreed on').fill(arrangement.agreedOn);
    await form.getByLabel('Starts on').fill(arrangement.startsOn);
  }

  async submit(): Promise<void> {
    await this.form.getByRole('button', { name: /Add to the plan|Save as a new version/ }).click();
  }
}
