import type { Locator, Page } from '@playwright/test';
import { AppFrame } from './app-frame';
import { PageModel } from './page-model';
import { ukDate } from '../harness/london-dates';

export type ContactDetails = {
  readonly youngPerson?: string;
  readonly kind: string;
  /** YYYY-MM-DD; typed as day/month/year, as a person types it. */
  readonly date: string;
  readonly startTime: string;
  readonly minutes: number;
  readonly startedBy: string;
  readonly others?: string;
  readonly whatHappened: string;
  readonly ownWords?: string;
};

/** The Contact forms screen: a new or draft form, signing, a filed form, the copies waiting and export. */
export class ContactFormPage extends PageModel {
  readonly form = this.page.getByRole('form', { name: 'Contact form' });
  readonly saveButton = this.form.getByRole('button', { name: 'Save', exact: true });
  readonly signButton = this.form.getByRole('button', { name: 'Sign and file…' });
  readonly whatHappened = this.form.getByLabel('What happened', { exact: true });
  readonly signing = this.page.getByRole('form', { name: 'Sign and file' });
  readonly signaturePad = this.signing.getByRole('img', { name: 'Your signature' });
  readonly banners = this.page.locator('.banner');
  readonly restrictedNotice = this.page
    .getByRole('alert')
    .filter({ hasText: 'A restricted person is recorded as taking part' });
  readonly copiesWaiting = this.page.getByRole('region', { name: 'Copies waiting for the case file' });
  readonly exportForm = this.page.getByRole('form', { name: 'Export signed forms' });

  async recordNew(): Promise<void> {
    await this.page.getByRole('link', { name: 'Record a contact' }).click();
    await this.whatHappened.waitFor();
  }

  /** The list of forms under "Find a contact form" (or a young person's forms). */
  get finder(): Locator {
    return this.page.getByRole('form', { name: 'Find contact forms' });
  }

  get listed(): Locator {
    return this.page.locator('.form-list__row');
  }

  get myDrafts(): Locator {
    return this.page.getByRole('region', { name: 'My drafts' });
  }

  async fill(details: ContactDetails): Promise<void> {
    if (details.youngPerson)
      await this.form
        .getByLabel('Young person', { exact: true })
        .selectOption({ label: details.youngPerson });
    await this.form.getByLabel('Kind of contact').selectOption({ label: details.kind });
    await this.form.getByLabel('Date', { exact: true }).fill(ukDate(details.date));
    await this.form.getByLabel('Started at').fill(details.startTime);
    await this.form.getByLabel('How long (minutes)').fill(String(details.minutes));
    await this.form.getByLabel('Who started it?').selectOption({ label: details.startedBy });
    if (details.others !== undefined)
      await this.form.getByLabel('Anyone else (optional)').fill(details.others);
    await this.whatHappened.fill(details.whatHappened);
    if (details.ownWords !== undefined)
      await this.form.getByLabel(/own views and feelings/).fill(details.ownWords);
  }

  /** Draws a signature with the keyboard, as someone who cannot use a mouse would: pen down, a few strokes, pen up. */
  async drawSignatureWithKeyboard(): Promise<void> {
    await this.signaturePad.focus();
    await this.page.keyboard.press('Space');
    for (const key of [
      'ArrowRight',
      'ArrowRight',
      'ArrowUp',
      'ArrowRight',
      'ArrowDown',
      'ArrowDown',
      'ArrowRight',
    ])
      await this.page.keyboard.press(`Shift+${key}`);
    await this.page.keyboard.press('Space');
  }

  /** Draws a signature with the mouse. */
  async drawSignatureWithMouse(): Promise<void> {
    const box = await this.signaturePad.boundingBox();
    if (!box) throw new Error('The signature pad is not on screen');
    await this.page.mouse.move(box.x + 30, box.y + 100);
    await this.page.mouse.down();
    for (const [x, y] of [
      [60, 60],
      [90, 110],
      [130, 50],
      [170, 100],
      [220, 70],
    ] as const)
      await this.page.mouse.move(box.x + x, box.y + y, { steps: 4 });
    await this.page.mouse.up();
  }

  async signAndFile(password: string, how: 'keyboard' | 'mouse' = 'mouse'): Promise<void> {
    await this.signButton.click();
    if (how === 'keyboard') await this.drawSignatureWithKeyboard();
    else await this.drawSignatureWithMouse();
    await this.signing.getByLabel('Your password').fill(password);
    await this.signing.getByRole('button', { name: 'Sign and file' }).click();
  }

  /** The filed form's value for a term in its details list ("Signed file’s SHA-256"). */
  detail(term: string): Locator {
    return this.page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  }
}

/**
 * Opens Contact forms from the main navigation and starts a new form, filled in with `details`;
 * nothing is saved yet. Returns the screen's model for what the journey does next.
 */
export async function startContactForm(page: Page, details: ContactDetails): Promise<ContactFormPage> {
  await new AppFrame(page).open('Contact forms');
  const forms = new ContactFormPage(page);
  await forms.recordNew();
  await forms.fill(details);
  return forms;
}

export { ukDate };
