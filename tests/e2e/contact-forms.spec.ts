import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { londonDate, londonDateAndTime } from './harness/london-dates';
import { expect, test } from './harness/fixtures';
import { countDrafts } from './harness/in-page-database';
import { AppFrame } from './pages/app-frame';
import { chooseCaseFileFolder } from './pages/case-file-settings-page';
import { signInToFixture } from './pages/staff-journey';
import { ContactFormPage, ukDate, type ContactDetails } from './pages/contact-form-page';
import { DisclosureDialog } from './pages/disclosure-dialog';
import { SignInPage } from './pages/sign-in-page';

/** The small fixture (seed 1): Harry Turner ("H Turner" on screen) has "no contact" with Imran Johnson, recorded by name only. */
const harry = /Turner$/;

async function chooseHarry(page: Page): Promise<string> {
  const label = await page
    .getByRole('form', { name: 'Contact form' })
    .getByLabel('Young person', { exact: true })
    .locator('option', { hasText: harry })
    .first()
    .textContent();
  if (!label) throw new Error('Harry is not in the small fixture');
  return label;
}

/** Opens Contact forms and starts a new form; returns the screen's model and Harry as the form lists him. */
async function startFormAboutHarry(page: Page): Promise<{ forms: ContactFormPage; harryLabel: string }> {
  await new AppFrame(page).open('Contact forms');
  const forms = new ContactFormPage(page);
  await forms.recordNew();
  return { forms, harryLabel: await chooseHarry(page) };
}

async function filesUnder(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder, { recursive: true })).map(String).filter((name) => name.endsWith('.pdf'));
  } catch {
    return [];
  }
}

test.describe('contact forms', () => {
  // Each journey seeds a home, signs PDFs in the main process and runs axe on several screens.
  test.describe.configure({ timeout: 300_000 });

  test('a member of staff closes the page mid-sentence and finds the words when the form is opened again', async ({
    app,
    page,
  }) => {
    const { signIn } = await signInToFixture(app);
    await new AppFrame(page).open('Contact forms');
    await app.expectAccessible('contact forms');
    const forms = new ContactFormPage(page);
    await forms.recordNew();
    await app.expectAccessible('new contact form');
    await forms.form
      .getByLabel('Young person', { exact: true })
      .selectOption({ label: await chooseHarry(page) });
    await forms.whatHappened.fill('Harry rang his nan and told her about the football, then');
    await forms.whatHappened.press('End');
    await page.keyboard.type(' he said');
    // Kept as it is typed (sealed), without pressing Save: wait until the draft is in the database.
    await expect
      .poll(async () => Number(await page.evaluate(countDrafts)), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await app.screenshot('typing-mid-sentence');

    // Close the window; open Family Links again in a new one.
    const again = await page.context().newPage();
    const url = page.url().split('#')[0] ?? '';
    await page.close();
    await again.goto(url);
    await new SignInPage(again).signIn(signIn.username, signIn.password);
    await new AppFrame(again).open('Contact forms');
    const reopened = new ContactFormPage(again);
    // Kept under its own form: My drafts lists it, and Resume brings the words back.
    await reopened.myDrafts.getByRole('link', { name: /^Resume/ }).click();
    await expect(reopened.whatHappened).toHaveValue(
      'Harry rang his nan and told her about the football, then he said',
    );
    await expect(again.getByRole('status').filter({ hasText: 'We kept what you were typing' })).toContainText(
      'Young person, What happened',
    );
    // app.screenshot() drives the first window, which is closed now: save this one beside the others.
    await again.screenshot({
      path: join('tests', 'e2e', 'artifacts', 'screens', 'contact-forms-draft-reopened.png'),
      fullPage: true,
    });
  });

  test('a form filed three days after the contact says how late it was, and an addendum names the original file’s SHA-256', async ({
    app,
    page,
  }) => {
    const { signIn } = await signInToFixture(app);
    await chooseCaseFileFolder(page);
    const { forms, harryLabel } = await startFormAboutHarry(page);
    const details: ContactDetails = {
      youngPerson: harryLabel,
      kind: 'Phone call',
      date: londonDate(4),
      startTime: '18:15',
      minutes: 20,
      startedBy: 'The young person',
      whatHappened: 'Harry phoned his mum to talk about his school report. He was proud of his maths mark.',
      ownWords: '“I want Mum to come to parents’ evening.”',
    };
    await forms.fill(details);
    await forms.saveButton.click();
    await expect(page.getByRole('heading', { name: /^Contact form CF-/ })).toBeVisible();
    await expect(forms.signButton).toBeEnabled();
    await app.expectAccessible('saved draft');

    await forms.signButton.click();
    await expect(forms.signing).toContainText(/overdue by/);
    await app.checkScreen('signing');
    await forms.drawSignatureWithMouse();
    await forms.signing.getByLabel('Your password').fill(signIn.password);
    await forms.signing.getByRole('button', { name: 'Sign and file' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Filed and signed. The signed copy is in the case file.' }),
    ).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('.badge', { hasText: /^filed \d+ (hours|days?) late$/ })).toBeVisible();
    const originalHash = (await forms.detail('Signed file’s SHA-256').textContent()) ?? '';
    expect(originalHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await filesUnder(join(app.tempDir, 'documents', 'case-file'))).toHaveLength(1);
    await app.checkScreen('filed form', { screenshot: 'filed-late' });

    // A correction: the original stays as it is; the addendum names it and its file's hash.
    await page.getByRole('button', { name: 'Write an addendum' }).click();
    await page.getByLabel('What does the addendum correct?').fill('Harry phoned his dad, not his mum.');
    await page.getByRole('button', { name: 'Start the addendum' }).click();
    await expect(page.getByRole('heading', { name: /^Addendum CF-.*-A1$/ })).toBeVisible();
    await forms.whatHappened.fill(
      'Harry phoned his dad to talk about his school report. He was proud of his maths mark.',
    );
    await forms.saveButton.click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await forms.signAndFile(signIn.password, 'keyboard');
    await expect(page.getByRole('status').filter({ hasText: 'Filed and signed.' })).toBeVisible({
      timeout: 15_000,
    });
    await expect(forms.detail('Corrects the file with SHA-256')).toHaveText(originalHash);
    await expect(forms.detail('Signed file’s SHA-256')).not.toHaveText(originalHash);
    expect(await filesUnder(join(app.tempDir, 'documents', 'case-file'))).toHaveLength(2);
    await app.checkScreen('filed addendum', { screenshot: 'addendum-filed' });
  });

  test('when the case-file folder cannot be written, the form is still filed, the person is told, and the copy is retried', async ({
    app,
    page,
  }) => {
    const { signIn } = await signInToFixture(app);
    await chooseCaseFileFolder(page);
    const caseFolder = join(app.tempDir, 'documents', 'case-file');
    // The network share goes offline.
    await rm(caseFolder, { recursive: true, force: true });

    const { forms, harryLabel } = await startFormAboutHarry(page);
    await forms.fill({
      youngPerson: harryLabel,
      kind: 'Letter',
      ...londonDateAndTime(2),
      minutes: 10,
      startedBy: 'Staff at the home',
      whatHappened: 'Sent Harry’s nan a letter with his school photo.',
    });
    await forms.saveButton.click();
    await expect(page.getByRole('heading', { name: /^Contact form CF-/ })).toBeVisible();
    await forms.signAndFile(signIn.password);
    // Information, not an error: nobody at the form can fix the share, and it is retried by itself.
    const told = page.getByRole('status').filter({
      hasText: 'Filed and signed, and kept safely here. The copy for the case file could not be written yet',
    });
    await expect(told).toBeVisible({ timeout: 15_000 });
    // Said once: not again in the form below.
    await expect(page.getByText('The signed copy is waiting for the case-file folder')).toHaveCount(0);
    await expect(page.locator('.badge', { hasText: 'filed on time' })).toBeVisible();
    await app.checkScreen('filed with the copy waiting', { screenshot: 'copy-waiting' });

    await page.getByRole('link', { name: 'Back to contact forms' }).click();
    await expect(forms.copiesWaiting.getByRole('row')).toHaveCount(2);
    await app.checkScreen('copies waiting', { screenshot: 'copies-waiting-list' });

    // The share comes back: the copy is written on the next try.
    await mkdir(caseFolder, { recursive: true });
    await forms.copiesWaiting.getByRole('button', { name: 'Try again now' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'the copy is in the case-file folder now' }),
    ).toBeVisible();
    await expect(forms.copiesWaiting).toContainText('None: every signed copy is in the case-file folder.');
    expect(await filesUnder(caseFolder)).toHaveLength(1);
  });

  test('recording a phone call with someone allowed no contact marks the form and alerts the manager; the forms can be exported', async ({
    app,
    page,
  }) => {
    const { signIn } = await signInToFixture(app);
    const { forms, harryLabel } = await startFormAboutHarry(page);
    await forms.fill({
      youngPerson: harryLabel,
      kind: 'Phone call',
      date: londonDate(1),
      startTime: '19:05',
      minutes: 5,
      startedBy: 'The family',
      others: 'Imran Johnson',
      whatHappened:
        'A man who said he was Imran rang and asked to speak to Harry. Harry took the call before staff knew who it was.',
    });
    // Told while writing, before anything is saved: the same rule, nothing stored, nobody alerted yet.
    const beforeSaving = page.locator('.restricted-preview');
    await expect(beforeSaving).toContainText('Before you save: a restriction applies to someone named here.');
    await expect(beforeSaving).toContainText('Imran Johnson');
    await app.screenshot('restricted-participant-before-saving');
    await forms.saveButton.click();
    await expect(forms.restrictedNotice).toBeVisible();
    await expect(forms.restrictedNotice).toContainText('Imran Johnson');
    await expect(beforeSaving).toHaveCount(0);
    await app.checkScreen('form with a restricted participant', { screenshot: 'restricted-participant' });

    await new AppFrame(page).open('Home');
    const alerts = page.getByRole('region', { name: 'Safeguarding: contact with restricted people' });
    await expect(alerts).toContainText(`Phone call with ${harryLabel}`);
    await expect(alerts).toContainText('Imran Johnson: not allowed');
    const owed = page.getByRole('region', { name: 'Contact forms you owe' });
    await expect(owed.getByRole('listitem').first()).toContainText(/due in \d+ (hours|minutes)/);
    await app.checkScreen('home with the alert', { screenshot: 'home-alert' });

    // Filed like any form (no case-file folder is set yet, so its copy waits).
    await owed
      .getByRole('link', { name: `Phone call with ${harryLabel}` })
      .first()
      .click();
    await forms.signAndFile(signIn.password);
    await expect(
      page.getByRole('status').filter({ hasText: 'Filed and signed, and kept safely here' }),
    ).toBeVisible({ timeout: 15_000 });

    // Export the young person's filed forms from the fixture: asked why, then a progress bar, then done.
    await new AppFrame(page).open('Contact forms');
    await forms.exportForm.getByLabel('Young person', { exact: true }).selectOption({ label: harryLabel });
    // A whole term fills in both dates from the home's calendar; here a narrower span is typed instead.
    await forms.exportForm.getByLabel('A whole term').selectOption({ index: 1 });
    await expect(forms.exportForm.getByLabel('Contacts from')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    await expect(forms.exportForm.getByLabel('Contacts to')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    await forms.exportForm.getByLabel('Contacts from').fill(ukDate(londonDate(10)));
    await forms.exportForm.getByLabel('Contacts to').fill(ukDate(londonDate(0)));
    await forms.exportForm.getByRole('button', { name: 'Export…' }).click();
    const dialog = new DisclosureDialog(page);
    await app.expectAccessible('export reason');
    await dialog.answer('Harry’s social worker', 'For the young person’s social worker');
    const done = page.getByRole('status').filter({ hasText: /^Done: 1 signed form written/ });
    await expect(done).toBeVisible({ timeout: 20_000 });
    expect(await filesUnder(join(app.tempDir, 'documents', 'exports'))).toHaveLength(1);
    await new AppFrame(page).open('Disclosure log');
    await expect(page.getByRole('table').first()).toContainText('Harry’s social worker');
    await app.screenshot('export-done');
  });
});
