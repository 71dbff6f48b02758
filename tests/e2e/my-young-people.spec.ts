import { londonDate } from './harness/london-dates';
import { expect, test } from './harness/fixtures';
import { officeWindowSizes } from './harness/page-actions';
import { AppFrame } from './pages/app-frame';
import { ContactFormPage, ukDate } from './pages/contact-form-page';
import { MyYoungPeoplePage } from './pages/my-young-people-page';
import {
  addStaffAccounts,
  nameStaffOnYoungPerson,
  personalTutor as tutor,
  signInToFixture,
  switchToNewStaff,
} from './pages/staff-journey';

const mentor = {
  name: 'Tom Ashby',
  username: 'tashby',
  email: 'tom.ashby@example.org',
  role: 'Learning Mentor',
  temporaryPassword: 'copper kettle drizzle harbour',
  password: 'velvet thunder orchid canal',
};

test.describe('each person’s young people and what they owe them', () => {
  // Three sign-ins (Argon2id each, two of them changing a password) on two cores.
  test.setTimeout(420_000);

  test('a Personal Tutor sees this week’s parent update owed and records it from My young people; a Learning Mentor sees the LM minimums', async ({
    app,
    page,
  }) => {
    await page.setViewportSize(officeWindowSizes[0]);
    await signInToFixture(app);
    const frame = new AppFrame(page);

    // The manager has no young people of their own: the screen is not in their navigation.
    await expect(frame.navigation.getByRole('link', { name: 'My young people' })).toHaveCount(0);

    // The manager adds the tutor and the mentor, and names both on a young person placed today.
    await addStaffAccounts(page, [tutor, mentor]);
    await frame.open('Young people');
    const youngPerson = await nameStaffOnYoungPerson(
      page,
      { 'Personal Tutor': tutor.name, 'Learning Mentor': mentor.name },
      { placedToday: true },
    );

    // The tutor: the home screen leads to My young people, which lists only her young person.
    await switchToNewStaff(page, tutor);
    await frame.open('Home');
    await page.getByRole('link', { name: 'My young people' }).first().click();
    const mine = new MyYoungPeoplePage(page);
    await expect(mine.heading).toBeVisible();
    await expect(page.getByRole('region')).toHaveCount(1);
    const update = mine.line(youngPerson, 'This week’s update to parents');
    await expect(update).toContainText('Owed');
    await expect(mine.line(youngPerson, /^.*A home visit in the/)).toBeVisible();
    // The LM's minimums are not hers.
    await expect(mine.owed(youngPerson)).not.toContainText('PEP meeting');
    await app.checkScreen('my young people, a parent update owed', {
      screenshot: 'tutor-parent-update-owed',
      atOfficeSizes: true,
    });

    // One step: the contact form opens for that young person, as a phone call.
    const formsDue = mine.panel(youngPerson).getByRole('link', { name: 'Phone call', exact: true });
    const dueBefore = await formsDue.count();
    await update.getByRole('link', { name: /^Record phone call for/ }).click();
    const forms = new ContactFormPage(page);
    await forms.whatHappened.waitFor();
    await expect(forms.form.getByLabel('Young person', { exact: true })).toHaveValue(/.+/);
    await expect(forms.form.getByLabel('Young person', { exact: true }).locator('option:checked')).toHaveText(
      youngPerson,
    );
    await expect(forms.form.getByLabel('Kind of contact').locator('option:checked')).toHaveText('Phone call');
    await forms.form.getByLabel('Date', { exact: true }).fill(ukDate(londonDate(0)));
    // Today (this week's update), at a time already past whenever the test runs: a later start is refused.
    await forms.form.getByLabel('Started at').fill('00:00');
    await forms.form.getByLabel('How long (minutes)').fill('15');
    await forms.form.getByLabel('Who started it?').selectOption({ label: 'Staff at the home' });
    await forms.form
      .getByRole('group', { name: 'Family and friends' })
      .getByRole('checkbox', { name: /\((Mum|Dad)\)/ })
      .first()
      .check();
    await forms.whatHappened.fill('Weekly call: Mum heard about the week at school and the swimming gala.');
    await app.checkScreen('contact form opened from my young people', {
      screenshot: 'tutor-parent-update-form',
      atOfficeSizes: true,
    });
    await forms.saveButton.click();
    await expect(page.getByRole('status').filter({ hasText: /^Saved\./ })).toBeVisible();

    // Back on My young people: no longer owed this week, and the form is waiting to be filed.
    await frame.open('My young people');
    await expect(update).toContainText('Done');
    await expect(update.getByRole('link')).toHaveCount(0);
    await expect(formsDue).toHaveCount(dueBefore + 1);
    await app.checkScreen('my young people, the update done', {
      screenshot: 'tutor-parent-update-done',
      atOfficeSizes: true,
    });

    // The Learning Mentor sees the LM minimums, and not the tutor's weekly update.
    await switchToNewStaff(page, mentor);
    await frame.open('My young people');
    await expect(mine.heading).toBeVisible();
    const owed = mine.owed(youngPerson);
    await expect(owed).toContainText('An invitation to a PEP meeting in the');
    await expect(owed).toContainText('A learning-programme update sent home in the');
    await expect(owed).toContainText('Face-to-face learning consultations offered this academic year');
    await expect(owed).toContainText('A visit to the family home this academic year');
    await expect(owed).toContainText('Offer the family weekly updates at the start of the');
    await expect(owed).not.toContainText('update to parents');
    await expect(
      mine
        .line(youngPerson, 'An invitation to a PEP meeting')
        .getByRole('link', { name: /^Book PEP meeting for/ }),
    ).toBeVisible();
    await expect(mine.panel(youngPerson)).toContainText('The plan’s figures are for the Personal Tutor');
    await app.checkScreen('my young people, a learning mentor', {
      screenshot: 'mentor-minimums',
      atOfficeSizes: true,
    });
  });
});
