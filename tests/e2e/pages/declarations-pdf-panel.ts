import { PageModel } from './page-model';

/** The "signed PDF for the staff file" panel on the declarations screen. */
export class DeclarationsPdfPanel extends PageModel {
  readonly form = this.page.getByRole('form', { name: 'Sign the declarations PDF' });

  /** Opens the panel with the button by its words ("Signed PDF of my declarations"). */
  async open(buttonName: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: buttonName }).click();
  }

  async sign(password: string): Promise<void> {
    await this.form.getByLabel('Your password').fill(password);
    await this.form.getByRole('button', { name: 'Sign and save PDF' }).click();
  }
}
