import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { londonDate } from './harness/london-dates';
import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { chooseCaseFileFolder } from './pages/case-file-settings-page';
import { ChronologySection } from './pages/chronology-section';
import { ContactFormPage, ukDate } from './pages/contact-form-page';
import { ReviewPage } from './pages/review-page';
import { officeWindowSizes as sizes } from './harness/page-actions';
import { sidewaysOverflow } from './pages/screen-fit';
import { StaffAccountsPage } from './pages/staff-accounts-page';
import { personalTutor as tutor, signInToFixture, switchToNewStaff } from './pages/staff-journey';
import { switchUser } from './pages/door-home';

const run = promisify(execFile);

/** Seed 1's Harry Turner, "H Turner" on screen. */
const youngPersonName = 'H Turner';

async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', path, '-']);
  return stdout.replace(/\s+/g, ' ');
}

async function pdfsUnder(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true }))
    .map(String)
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => join(folder, name));
}

test.describe('families’ voices and the young person’s voice', () => {
  // Two accounts (Argon2id), two signed PDFs and axe on several screens, on two shared cores.
  test.setTimeout(480_000);

  test('a Personal Tutor records how the family felt and how the young person’s views were used; the chronology, the termly review and the signed termly report count them', async ({
    app,
    page,
  }) => {
    await page.setViewportSize(sizes[0]);
    const summary = await signInToFixture(app);
    const frame = new AppFrame(page);
    await chooseCaseFileFolder(page);
    await frame.open('Staff accounts');
    await new StaffAccountsPage(page).add(tutor);
    await expect(page.getByRole('status').filter({ hasText: `${tutor.name} can now sign in` })).toBeVisible();

    // The Personal Tutor, first sign-in.
    await switchToNewStaff(page, tutor);

    await frame.open('Contact forms');
    const forms = new ContactFormPage(page);
    await forms.recordNew();
    const harry =
      (await forms.form
        .getByLabel('Young person', { exact: true })
        .locator('option', { hasText: /Turner$/ })
        .first()
        .textContent()) ?? '';
    // Yesterday: inside the term the review opens on, and over whatever the time now.
    const contactDay = londonDate(1);
    await forms.fill({
      youngPerson: harry,
      kind: 'Phone call',
      date: contactDay,
      startTime: '18:15',
      minutes: 20,
      startedBy: 'The family',
      whatHappened: 'Mum phoned to ask how Harry’s week had gone. Harry asked to move his calls to Sundays.',
      ownWords: '“Sundays are better, I’m not tired then.”',
    });

    // The scale is one radio group: reached with Tab, moved along with the arrow keys.
    const feeling = forms.form.getByRole('group', { name: 'How did the family feel about our work?' });
    await expect(feeling.getByRole('radio')).toHaveCount(6);
    await expect(
      feeling.getByRole('radio', { name: 'Not asked this time, or they did not say' }),
    ).toBeChecked();
    await feeling.getByRole('radio', { name: 'Happy with our work', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(feeling.getByRole('radio', { name: 'Very happy with our work' })).toBeChecked();
    await feeling.getByLabel('Their words about our work').fill('Mum said the staff always call her back.');
    await forms.form
      .getByLabel('How were their views used?')
      .fill('His calls now happen on Sunday afternoons.');

    // A day told without who told him is refused beside the field, in plain words.
    await forms.form.getByLabel('Told them what happened next: on').fill(ukDate(contactDay));
    await forms.saveButton.click();
    await expect(forms.form).toContainText('Say who told them what happened next.');
    await forms.form.getByLabel('Told them what happened next: by').selectOption({ label: tutor.name });
    await forms.saveButton.click();
    await expect(page.getByRole('heading', { name: /^Contact form CF-/ })).toBeVisible();
    await expect(forms.signButton).toBeEnabled();
    for (const size of sizes) {
      await page.setViewportSize(size);
      await feeling.scrollIntoViewIfNeeded();
      expect(await sidewaysOverflow(page), `the form at ${size.width}`).toEqual([]);
      await app.screenshot(`the voices questions at ${size.width}x${size.height}`);
    }
    await page.setViewportSize(sizes[0]);
    await app.expectAccessible('a contact form with the voices questions');

    await forms.signAndFile(tutor.password, 'keyboard');
    await expect(
      page.getByRole('status').filter({ hasText: 'Filed and signed. The signed copy is in the case file.' }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(forms.detail('How the family felt about our work')).toHaveText(
      'Very happy with our work: Mum said the staff always call her back.',
    );
    await expect(forms.detail('Told them what happened next')).toHaveText(new RegExp(`by ${tutor.name}$`));
    await app.checkScreen('a filed form with the voices answers');

    // The signed case-file copy carries the answers.
    const [copy] = await pdfsUnder(join(app.tempDir, 'documents', 'case-file'));
    const copyText = await pdfText(copy ?? '');
    expect(copyText).toContain('How the family felt about our work');
    expect(copyText).toContain('Very happy with our work');
    expect(copyText).toContain('His calls now happen on Sunday afternoons.');
    expect(copyText).toMatch(new RegExp(`Told them what happened next\\s+On .+, by ${tutor.name}`));

    // The chronology shows the telling beside the form.
    await frame.open('Young people');
    await page.getByRole('link', { name: youngPersonName, exact: true }).click();
    const chronology = new ChronologySection(page);
    await chronology.section.scrollIntoViewIfNeeded();
    await expect(chronology.status).toHaveText(/entries, newest first\.$/, { timeout: 20_000 });
    await chronology.show.selectOption({ label: 'Contact forms' });
    const line = chronology.rows.filter({ hasText: 'Told what happened next on' });
    await expect(line).toHaveCount(1);
    await expect(line).toContainText(`by ${tutor.name}. The family felt very happy about our work.`);
    await expect(line).toContainText('Their views were used: His calls now happen on Sunday afternoons.');
    await app.checkScreen('the chronology with the voice entry');

    // The manager's termly review: Harry's counts and the home's.
    await switchUser(page, summary.signIn.username, summary.signIn.password);
    await frame.open('Termly review');
    const review = new ReviewPage(page);
    await expect(review.table).toBeVisible();
    const voices = page.getByRole('table', { name: /How families felt about our work/ });
    const harryRow = voices
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: youngPersonName, exact: true }) });
    // Very happy, happy, mixed, unhappy, very unhappy, no answer: the fixture's own forms predate
    // the questions, so they are "not asked", never a gap.
    const harryCells = await harryRow.getByRole('cell').allInnerTexts();
    expect(harryCells.slice(0, 6)).toEqual(['1', '0', '0', '0', '0', '0']);
    await expect(harryRow.getByRole('button')).toHaveText('1 of 1');
    const homeRow = voices
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'The home' }) });
    expect((await homeRow.getByRole('cell').allInnerTexts()).slice(0, 6)).toEqual([
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await voices.scrollIntoViewIfNeeded();
      expect(await sidewaysOverflow(page), `the review at ${size.width}`).toEqual([]);
      await app.screenshot(`the termly review’s voices at ${size.width}x${size.height}`);
    }
    await page.setViewportSize(sizes[0]);
    await app.expectAccessible('the termly review with the voices');
    await harryRow.getByRole('button').click();
    await expect(review.drillDown).toContainText('Views acted on and told: 1 of 1');
    // Harry's own review panel counts the same, each count opening its forms.
    await review.row(youngPersonName).getByRole('button', { name: youngPersonName, exact: true }).click();
    const feelings = review.youngPersonReview.getByRole('list', {
      name: `How ${youngPersonName}’s family felt about our work this term`,
    });
    await expect(
      feelings.getByRole('button', { name: 'Family felt very happy: 1. Open the forms' }),
    ).toBeVisible();
    await expect(feelings).toContainText('unhappy: 0');
    await expect(review.youngPersonReview).toContainText('Views acted on and told: 1 of 1');
    await app.expectAccessible('a young person’s review with the voices');

    // The signed termly report carries the same totals.
    const fileName = await review.saveSignedReport(
      summary.signIn.password,
      'Regulation 44 visitor',
      'Ofsted inspection',
    );
    const report = await pdfText(`${app.tempDir}/documents/saved/${fileName}`);
    expect(report).toContain('Families’ views and young people’s voices');
    expect(report).toMatch(/Families’ views\s+1 very happy; \d+ earlier forms not asked/);
    expect(report).toMatch(/Views acted on\s+Views acted on and told: 1 of 1/);
    expect(report).toMatch(/H Turner\s+1 very happy\s+\d+\s+1 of 1/);
    const { stdout } = await run('pdfsig', [`${app.tempDir}/documents/saved/${fileName}`]);
    expect(stdout).toContain('Signature is Valid');
  });
});
