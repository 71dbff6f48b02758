import { PageModel } from './page-model';

/** "Why is this leaving the app?", asked before any copy is exported. */
export class DisclosureDialog extends PageModel {
  readonly dialog = this.page.getByRole('dialog', { name: 'Why is this leaving the app?' });

  /** Answers with who it is for and a reason by its words ("Ofsted inspection"), then lets the export go. */
  async answer(recipient: string, reason: string, detail?: string): Promise<void> {
    await this.dialog.getByLabel('Who is it for, or where is it going?').fill(recipient);
    await this.dialog.getByLabel('Why', { exact: true }).selectOption({ label: reason });
    if (detail !== undefined) await this.dialog.getByRole('textbox', { name: /reason/ }).fill(detail);
    await this.dialog.getByRole('button', { name: 'Record and continue' }).click();
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
  }
}
