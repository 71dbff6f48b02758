import type { Page } from '@playwright/test';
import { londonDate } from './harness/london-dates';
import { expect, test, type AppDriver } from './harness/fixtures';
import { countDrafts } from './harness/in-page-database';
import { AppFrame } from './pages/app-frame';
import { chooseCaseFileFolder } from './pages/case-file-settings-page';
import { ContactFormPage, ukDate } from './pages/contact-form-page';
import { DisclosureDialog } from './pages/disclosure-dialog';
import {
  addStaffAccounts,
  personalTutor as tutor,
  signInToFixture,
  switchToNewStaff,
} from './pages/staff-journey';
import { officeWindowSizes as sizes } from './harness/page-actions';

/** The small fixture, with a Personal Tutor account added by the manager and signed in. */
async function signInAsTutor(
  app: AppDriver,
  page: Page,
  options: { managerChoosesCaseFileFolder?: boolean } = {},
): Promise<void> {
  await signInToFixture(app);
  if (options.managerChoosesCaseFileFolder) {
    // Only a manager may choose it, and the main process checks their signed proof.
    await chooseCaseFileFolder(page);
  }
  await addStaffAccounts(page, [tutor]);
  await switchToNewStaff(page, tutor);
}

test.describe('contact forms as a personal tutor uses them', () => {
  test.describe.configure({ timeout: 300_000 });

  test('a personal tutor records a call: the time is what happened, saving says when it is due, and the next form starts blank', async ({
    app,
    page,
  }) => {
    await page.setViewportSize(sizes[0]);
    await signInAsTutor(app, page);
    await new AppFrame(page).open('Contact forms');
    const forms = new ContactFormPage(page);
    await forms.recordNew();
    // Nothing about when it happened is filled in for them.
    await expect(forms.form.getByLabel('Date', { exact: true })).toHaveValue('');
    await expect(forms.form.getByLabel('Started at')).toHaveValue('');
    await expect(forms.form.getByLabel('Kind of contact')).toHaveValue('');
    await app.checkScreen('a new contact form', { screenshot: 'new-form-blank', atOfficeSizes: true });

    // Saving at once: one line at the top names the fields; each says its fix beside it, once.
    await forms.saveButton.click();
    await expect(page.getByRole('alert')).toHaveText(
      'Not saved yet: check Young person, Kind of contact, Date and Started at (each has a message beside it).',
    );
    await expect(forms.form.locator('.field__error')).toContainText([
      'Choose the young person.',
      'Choose the kind of contact.',
      'Enter the date of the contact, for example 26/10/2026.',
      'Enter the time it started, for example 18:30.',
    ]);
    await expect(page.locator('.banner--info')).toHaveCount(0);
    await app.checkScreen('a form that cannot be saved yet', {
      screenshot: 'form-with-problems',
      atOfficeSizes: true,
    });

    // A date typed over a date, a date that does not exist, then the right one.
    const date = forms.form.getByLabel('Date', { exact: true });
    await date.fill('31/04/2026');
    await forms.saveButton.click();
    await expect(
      forms.form.locator('.field__error').filter({ hasText: 'There is no 31 April 2026' }),
    ).toHaveText('Error: There is no 31 April 2026. Check the date of the contact.');
    const yesterday = londonDate(1);
    await date.click();
    await date.press('Control+A');
    await page.keyboard.type(ukDate(yesterday));
    await expect(date).toHaveValue(ukDate(yesterday));
    await forms.form.getByLabel('Started at').fill('1830');
    // The deadline shows as soon as the time reads as a time.
    await expect(page.locator('.contact-form__due')).toHaveText(
      /^Due by \w{3} \d{1,2} \w{3}, 18:45 \(in \d+ hours\)\.$/,
    );
    await forms.form.getByLabel('Young person', { exact: true }).selectOption({ index: 1 });
    await forms.form.getByLabel('Kind of contact').selectOption({ label: 'Phone call' });
    await forms.whatHappened.fill('Callum rang his mum to tell her about his swimming badge.');
    await forms.saveButton.click();
    await expect(page.getByRole('status').filter({ hasText: /^Saved\. Due by / })).toHaveText(
      /^Saved\. Due by \w{3} \d{1,2} \w{3}, 18:45 \(in \d+ hours\)\. It is not filed yet: sign and file it when it is complete\.$/,
    );
    await expect(
      page.getByRole('heading', { name: /^Contact form CF-\d{4}-[A-HJ-NP-Z2-9]{6}$/ }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await app.checkScreen('a saved draft', { screenshot: 'saved-with-deadline', atOfficeSizes: true });

    // Record a contact again: a new, blank form, not the one just saved.
    await page.getByRole('link', { name: 'Back to contact forms' }).click();
    await forms.recordNew();
    await expect(forms.whatHappened).toHaveValue('');
    await expect(forms.form.getByLabel('Young person', { exact: true })).toHaveValue('');
    await expect(forms.form.getByLabel('Date', { exact: true })).toHaveValue('');
    await expect(page.getByText('We kept what you were typing')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Contact form (new)' })).toBeVisible();
    await app.screenshotsAtOfficeSizes('second-new-form-blank');

    // Typed and left unsaved: it waits under My drafts, to resume or discard (which asks first).
    await forms.form.getByLabel('Young person', { exact: true }).selectOption({ index: 2 });
    await forms.form.getByLabel('Kind of contact').selectOption({ label: 'Letter' });
    await forms.whatHappened.fill('Wrote to Dad with the photos from the trip');
    await expect
      .poll(async () => {
        await page.waitForTimeout(300);
        return page.evaluate(countDrafts);
      })
      .toBe(1);
    await page.getByRole('link', { name: 'Back to contact forms' }).click();
    const drafts = forms.myDrafts.getByRole('listitem');
    await expect(drafts).toHaveCount(1);
    await expect(drafts.first()).toContainText('Letter');
    await expect(drafts.first()).toContainText('Not saved yet. Last kept');
    await app.checkScreen('contact forms with a draft', { screenshot: 'my-drafts', atOfficeSizes: true });
    await drafts
      .first()
      .getByRole('button', { name: /^Discard/ })
      .click();
    await expect(drafts.first()).toContainText('Discard what you typed? It cannot be brought back.');
    await drafts.first().getByRole('button', { name: 'Keep it' }).click();
    await drafts
      .first()
      .getByRole('link', { name: /^Resume/ })
      .click();
    await expect(forms.whatHappened).toHaveValue('Wrote to Dad with the photos from the trip');
    await expect(page.getByRole('status').filter({ hasText: 'We kept what you were typing' })).toContainText(
      'Young person, Kind of contact, What happened',
    );
    await page.getByRole('link', { name: 'Back to contact forms' }).click();
    await drafts
      .first()
      .getByRole('button', { name: /^Discard/ })
      .click();
    await drafts.first().getByRole('button', { name: 'Yes, discard it' }).click();
    await expect(forms.myDrafts).toContainText('None: nothing you were typing is waiting to be saved.');
    await expect(page.getByRole('status').filter({ hasText: 'Draft discarded: Letter' })).toBeVisible();
  });

  test('a personal tutor finds a filed form again, reads the signed copy and saves a copy', async ({
    app,
    page,
  }) => {
    await page.setViewportSize(sizes[0]);
    await signInAsTutor(app, page, { managerChoosesCaseFileFolder: true });
    await new AppFrame(page).open('Contact forms');
    const forms = new ContactFormPage(page);

    // The home's forms, newest first, a screenful at a time.
    await expect(forms.listed.first()).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: /forms (so far, )?newest contact first/ }),
    ).toBeVisible();
    await app.checkScreen('contact forms list', { screenshot: 'contact-forms-list', atOfficeSizes: true });

    // One young person's filed-late forms.
    await forms.finder.getByLabel('Young person').selectOption({ index: 1 });
    const youngPerson =
      (await forms.finder.getByLabel('Young person').locator('option:checked').textContent()) ?? '';
    await forms.finder.getByLabel('Status').selectOption({ label: 'Filed late' });
    await expect(forms.listed.first()).toContainText('Filed late');
    for (const row of await forms.listed.all()) {
      await expect(row).toContainText(youngPerson);
      await expect(row).toContainText('Filed late');
    }
    await app.screenshotsAtOfficeSizes('filtered-filed-late');

    // File one now, then find it by its reference, typed as a person might.
    await forms.recordNew();
    await forms.fill({
      youngPerson,
      kind: 'Video call',
      date: londonDate(1),
      startTime: '17:00',
      minutes: 25,
      startedBy: 'The young person',
      whatHappened: 'A video call with Nan; they planned her visit for the half term.',
    });
    await forms.saveButton.click();
    const heading = page.getByRole('heading', { name: /^Contact form CF-/ });
    const reference = ((await heading.textContent()) ?? '').replace('Contact form ', '');
    await forms.signAndFile(tutor.password);
    await expect(page.getByRole('status').filter({ hasText: 'Filed and signed.' })).toBeVisible({
      timeout: 20_000,
    });

    await page.getByRole('link', { name: 'Back to contact forms' }).click();
    await forms.finder.getByLabel('Reference').fill(reference.toLowerCase().replaceAll('-', ' '));
    await expect(forms.listed).toHaveCount(1);
    await expect(forms.listed.first()).toContainText(reference);
    await app.screenshotsAtOfficeSizes('found-by-reference');
    await forms.listed.first().getByRole('link', { name: reference }).click();

    // The filed form: whose it is, the signed copy itself, and its signature status.
    await expect(page.locator('.contact-form__whose')).toContainText(`Video call with ${youngPerson}`);
    await expect(page.locator('.signed-copy__status')).toContainText('Signature valid');
    await expect(page.locator('.signed-copy__status')).toContainText('Signed by Priya Nair');
    await expect(
      page.getByRole('img', { name: new RegExp(`Signed copy of ${reference} .* page 1 of \\d`) }),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByText('Drawing the pages…')).toHaveCount(0);
    await app.checkScreen('a filed form with its signed copy', {
      screenshot: 'filed-form-signed-copy',
      atOfficeSizes: true,
    });

    // Save a copy: asked why first, then written, and the copy is in the disclosure log.
    await page.getByRole('button', { name: 'Save a copy…' }).click();
    await app.expectAccessible('why a copy is leaving');
    await new DisclosureDialog(page).answer('Case file, shared drive', 'For the case file');
    await expect(page.getByRole('status').filter({ hasText: `Saved as ${reference}.pdf` })).toBeVisible();
    await app.screenshotsAtOfficeSizes('copy-saved');

    // The young person's own page lists their forms too, this one first.
    await page.locator('.contact-form__whose').getByRole('link', { name: youngPerson }).click();
    const theirForms = page.getByRole('region', { name: `${youngPerson}’s contact forms`, exact: true });
    await expect(theirForms.locator('.form-list__row').first()).toBeVisible();
    await theirForms.getByLabel('Reference').fill(reference);
    await expect(theirForms.locator('.form-list__row')).toHaveCount(1);
    await expect(theirForms.locator('.form-list__row').first()).toContainText(reference);
    for (const filter of ['Written by', 'Kind of contact', 'Status'])
      await expect(theirForms.getByLabel(filter, { exact: true })).toBeVisible();
    await theirForms.scrollIntoViewIfNeeded();
    await app.checkScreen('a young person’s page with their forms', {
      screenshot: 'young-person-forms',
      atOfficeSizes: true,
    });
  });
});
