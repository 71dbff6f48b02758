import { londonDate } from './harness/london-dates';
import { expect, test } from './harness/fixtures';
import { officeWindowSizes } from './harness/page-actions';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { startContactForm, ukDate } from './pages/contact-form-page';
import { ActionsPanels } from './pages/my-actions-panel';
import { OutboxPage, openedExternally } from './pages/outbox-page';
import { SignInPage } from './pages/sign-in-page';
import {
  addStaffAccounts,
  caseCoordinator as coordinator,
  nameStaffOnYoungPerson,
  personalTutor as tutor,
  signInToFixture,
  signOut,
  switchToNewStaff,
} from './pages/staff-journey';

test.describe('actions agreed on a form are followed up', () => {
  // Five sign-ins (Argon2id each) and a signed filing on two cores.
  test.setTimeout(480_000);

  test('a tutor’s action goes overdue: the tutor and the Case Co-ordinator are told in initials, the CC sees it on the review, and the tutor marks it done with a note', async ({
    app,
    page,
  }) => {
    await page.setViewportSize(officeWindowSizes[0]);
    const summary = await signInToFixture(app);
    const signIn = new SignInPage(page);
    const frame = new AppFrame(page);

    // The manager adds the tutor and the Case Co-ordinator, and gives them one young person.
    await addStaffAccounts(page, [tutor, coordinator]);
    await frame.open('Young people');
    const youngPerson = await nameStaffOnYoungPerson(page, {
      'Personal Tutor': tutor.name,
      'Case Co-ordinator': coordinator.name,
    });
    const [first = '', ...rest] = youngPerson.split(' ');
    const last = rest.at(-1) ?? '';

    // The tutor records a call from five days ago, with an action of her own that was due two
    // days ago and one for the social worker next week, and files it.
    await switchToNewStaff(page, tutor);
    const home = new ActionsPanels(page);
    await frame.open('Home');
    await expect(home.mine).toContainText('None: no action agreed on a filed contact form is yours to do.');
    const forms = await startContactForm(page, {
      youngPerson,
      kind: 'Phone call',
      date: londonDate(5),
      startTime: '17:00',
      minutes: 20,
      startedBy: 'The family',
      whatHappened: 'Mum rang about the school play; she would love some photos.',
    });
    await forms.form.getByRole('button', { name: 'Add an action' }).click();
    await forms.form.getByLabel('Action 1: what').fill('Send Mum the photos from the school play');
    await forms.form.getByLabel('Action 1: member of staff').selectOption({ label: tutor.name });
    // A date typed over a filled field: the last one typed is the one kept.
    await forms.form.getByLabel('Action 1: by').fill(ukDate(londonDate(-30)));
    await forms.form.getByLabel('Action 1: by').fill(ukDate(londonDate(2)));
    await forms.form.getByRole('button', { name: 'Add an action' }).click();
    await forms.form.getByLabel('Action 2: what').fill('Ask about Christmas contact');
    await forms.form.getByLabel('Action 2: someone else').fill('the social worker');
    await forms.form.getByLabel('Action 2: by').fill(ukDate(londonDate(-7)));
    await forms.saveButton.click();
    const heading = page.getByRole('heading', { name: /^Contact form CF-/ });
    const reference = ((await heading.textContent()) ?? '').replace('Contact form ', '');
    await forms.signAndFile(tutor.password);
    await expect(page.getByRole('status').filter({ hasText: /^Filed and signed/ })).toBeVisible({
      timeout: 20_000,
    });

    // Her home screen: the action is hers and overdue; the social worker's is not hers.
    await frame.open('Home');
    const overdue = home.listUnder(/^Overdue \(1\)$/);
    await expect(overdue).toContainText('Send Mum the photos from the school play');
    await expect(overdue).toContainText(`For ${youngPerson}`);
    await expect(overdue).toContainText('Overdue by 2 days');
    await expect(overdue.getByRole('link', { name: reference })).toBeVisible();
    await expect(home.mine).not.toContainText('Ask about Christmas contact');
    await home.mine.scrollIntoViewIfNeeded();
    await app.checkScreen('home with my actions', {
      screenshot: 'tutor-my-actions-overdue',
      atOfficeSizes: true,
    });

    // The Case Co-ordinator signs in (the app looks for overdue actions at every sign-in): the
    // review shows the young person's two open actions, one overdue.
    await switchToNewStaff(page, coordinator);
    await frame.open('Home');
    await expect(home.mine).toContainText('None: no action agreed on a filed contact form is yours to do.');
    await frame.open('Termly review');
    const row = home.reviewRow(youngPerson);
    await expect(row.getByRole('cell').nth(0)).toHaveText('2');
    await expect(row.getByRole('cell').nth(1)).toHaveText('1');
    await row.getByText('Show the 2 open actions').click();
    await expect(row).toContainText(`Given to ${tutor.name}`);
    await expect(row).toContainText('Given to the social worker');
    await home.review.scrollIntoViewIfNeeded();
    await app.checkScreen('review with agreed actions', {
      screenshot: 'coordinator-review-actions',
      atOfficeSizes: true,
    });

    // The tutor marks it done: not without a note, and pressing twice closes it once.
    await signOut(page);
    await signIn.signIn(tutor.username, tutor.password);
    await expect(frame.signedInAs).toContainText(tutor.name, { timeout: 60_000 });
    await frame.open('Home');
    await home.mine.getByRole('button', { name: `Mark done: ${reference} action 1` }).click();
    const closing = home.mine.getByRole('form', { name: `Mark done: ${reference} action 1` });
    await expect(closing.getByLabel('What was done?')).toBeFocused();
    await closing.getByRole('button', { name: 'Mark as done' }).click();
    await expect(closing).toContainText('Enter a short note of what was done.');
    await app.checkScreen('marking an action done', { screenshot: 'tutor-note-needed', atOfficeSizes: true });
    const note = 'Posted the photos to Mum <b>and</b> emailed two more.';
    await closing.getByLabel('What was done?').fill(note);
    await closing.getByRole('button', { name: 'Mark as done' }).dblclick();
    await expect(home.mine.getByRole('status')).toHaveText(`Marked done: ${reference} action 1.`);
    const done = home.listUnder(/^Done in the last fortnight \(1\)$/);
    // Shown as typed, never as markup.
    await expect(done).toContainText(note);
    await expect(home.mine.getByRole('heading', { name: /^Overdue/ })).toHaveCount(0);
    await app.screenshotsAtOfficeSizes('tutor-action-done');

    // The manager: the outbox holds one alert to each of them, in initials with the reference,
    // and the audit log says the action was done, once.
    await signOut(page);
    await signIn.signIn(summary.signIn.username, summary.signIn.password);
    await expect(frame.signedInAs).not.toContainText(tutor.name, { timeout: 60_000 });
    await frame.open('Outbox');
    const outbox = new OutboxPage(page);
    const alerts = outbox.bodyRows().filter({ hasText: 'an agreed action is overdue' });
    await expect(alerts).toHaveCount(2);
    for (const person of [tutor, coordinator])
      await expect(outbox.rowsTo(person.email).filter({ hasText: `${reference} action 1` })).toHaveCount(1);
    await expect(alerts.first()).toContainText(`raised by Family Links`);
    // Its reference links to the form the action was agreed on.
    await expect(alerts.first().getByRole('link', { name: reference, exact: true })).toHaveAttribute(
      'href',
      `#/contact-forms/${reference}`,
    );
    await app.screenshotsAtOfficeSizes('manager-outbox-overdue-action');
    await outbox.openInMailClient(
      outbox.rowsTo(coordinator.email).filter({ hasText: 'an agreed action is overdue' }),
    );
    const opened = openedExternally(app).map((address) => decodeURIComponent(address));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toContain(`${reference} action 1`);
    expect(opened[0]).toMatch(/for [A-Z]\.[A-Z]\. \(/);
    for (const word of [first, last, 'photos', 'Mum', 'Christmas', tutor.name])
      expect(opened[0], `the alert must not carry “${word}”`).not.toContain(word);

    const audit = await AuditLogPage.open(page);
    await expect(audit.heading).toBeVisible();
    await expect(audit.entry('Marked an agreed action done')).toHaveCount(1);
    await expect(audit.entry('Told the owner and Case Co-ordinator')).toHaveCount(1);
  });
});
