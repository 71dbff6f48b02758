import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { homeWithCareWorker, homeWithRestrictions, manager, switchUser } from './pages/door-home';
import { RegisterPage } from './pages/register-page';

const barred = [
  {
    name: 'Sarah Khan',
    otherNames: 'Smithy',
    kind: 'No contact',
    authority: 'Court order',
    reference: 'LS26C04444',
  },
  { name: 'William Jones', kind: 'No contact', authority: 'Police', reference: 'WYP-2026-118' },
];

test.describe('names at the front door', () => {
  test('a care worker checks the ID of a near spelling, and a company is not taken for a barred person', async ({
    app,
    page,
  }) => {
    // A long journey: three people sign in (each a key derivation), and every screen gets axe.
    test.setTimeout(240_000);
    const door = await homeWithCareWorker(app, barred);
    const frame = new AppFrame(page);
    await frame.open('Front door');

    // A near spelling asks for ID: no block that only the manager can lift.
    await door.fill({
      name: 'Sara Kahn',
      visiting: ['Millie Hughes'],
      reason: 'Visiting',
      isIdChecked: false,
    });
    await expect(door.idCheck).toContainText('Sara Kahn is close to Sarah Khan (near spelling).');
    await expect(door.blocked).toHaveCount(0);
    await expect(door.clear).toHaveCount(0);
    await app.checkScreen('front door: check their ID', { screenshot: '1280 check their ID' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.screenshot('1366 check their ID');

    // Staff see her driving licence: it is not Sarah Khan.
    await door.idCheck.getByRole('button', { name: 'ID checked: this is not Sarah Khan' }).click();
    await expect(door.clear).toBeVisible();
    await expect(door.checkAnswer).toContainText('ID checked: this is not Sarah Khan.');
    await app.screenshot('1366 ID checked, clear');
    await door.signInButton.click();
    await expect(door.announcement).toContainText(/Sara Kahn signed in at \d\d:\d\d\./);
    await expect(door.onSiteRow('Sara Kahn')).toBeVisible();

    // Someone who will not show ID is treated as the barred person.
    await door.fill({ name: 'Sara Kahn-Ali', visiting: ['Millie Hughes'], reason: 'Visiting' });
    await door.idCheck.getByRole('button', { name: 'Treat them as Sarah Khan' }).click();
    await expect(door.blocked).toContainText('Do not admit. Speak to the duty manager.');
    await expect(door.signInButton).toBeDisabled();

    // What arrives at a children's home's door that is not a person's name.
    await door.visitorName.fill('Williams Jonas Ltd courier');
    await expect(door.needsFullName).toBeVisible();
    await expect(door.checkAnswer).toContainText('A company or organisation is not checked as a name');
    await expect(door.blocked).toHaveCount(0);
    await app.checkScreen('front door: a company typed as a name', {
      screenshot: '1366 a company is not a name',
    });
    await door.visitorName.fill('Dave Brown');
    await door.form.getByLabel('Organisation or relationship').fill('Williams Jonas Ltd courier');
    await expect(door.clear).toBeVisible();

    // The ID check is kept with the entry and in the audit log.
    await frame.open('Visitor register');
    const register = new RegisterPage(page);
    await expect(register.row('Sara Kahn')).toContainText('ID checked: not the restricted person');
    await expect(register.row('Sara Kahn')).toContainText('Yes');
    await switchUser(page, manager.username, manager.password);
    const log = await AuditLogPage.open(page);
    await expect(log.entry('Checked a visitor’s ID against a restricted person’s name')).toHaveCount(1);
  });

  test('one word is not a check, half a name is not clear, and a pasted name or the Enter key does no harm', async ({
    app,
    page,
  }) => {
    const door = await homeWithRestrictions(app, barred);
    await page.setViewportSize({ width: 1366, height: 768 });

    await door.fill({ name: 'Imran', reason: 'Visiting' });
    await expect(door.needsFullName).toBeVisible();
    await expect(door.clear).toHaveCount(0);
    await expect(door.checkAnswer).toContainText('A first name or a surname alone is not enough to check');
    await app.checkScreen('front door: one word', { screenshot: '1366 one word is not a check' });

    // Enter in the name field checks the name; it never signs anyone in.
    await door.visitorName.press('Enter');
    await expect(page.getByText('No visitors are signed in.')).toBeVisible();
    await door.signInButton.click();
    await expect(
      door.form.getByText('Type their full name (first name and surname) so it can be checked.'),
    ).toBeVisible();
    await expect(page.getByText('No visitors are signed in.')).toBeVisible();

    // A one-word alias of a barred person is still a match.
    await door.visitorName.fill('smithy');
    await expect(door.blocked).toContainText('smithy was matched to Sarah Khan (also known as Smithy).');

    // Half a barred name, as someone stops typing mid-name, is never green.
    await door.visitorName.fill('Sarah Kh');
    await expect(door.needsFullName).toBeVisible();
    await expect(door.clear).toHaveCount(0);
    await app.screenshot('1366 half a name');

    // A name pasted with spaces after it, and typed in capitals.
    await door.visitorName.fill('SARAH   KHAN   ');
    await expect(door.blocked).toContainText('was matched to Sarah Khan (same name).');
    await door.visitorName.fill('Imran Hussain  ');
    await expect(door.clear).toBeVisible();
    await door.visitorName.press('Enter');
    await expect(page.getByText('No visitors are signed in.')).toBeVisible();
    await door.signInButton.click();
    await expect(door.announcement).toContainText(/^Imran Hussain signed in at \d\d:\d\d\.$/);
    await expect(door.onSiteRow('Imran Hussain')).toBeVisible();
  });
});
