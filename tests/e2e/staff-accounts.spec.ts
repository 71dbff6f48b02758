import { expect, test } from './harness/fixtures';
import { manager, newHomeOn, switchUser } from './pages/door-home';
import { SignInPage } from './pages/sign-in-page';
import { StaffAccountsPage } from './pages/staff-accounts-page';

test('a manager adds a colleague with a made-up temporary password, corrects their details, and switches the account off after confirming', async ({
  app,
  page,
}) => {
  // Two people sign in (each a key derivation), and every screen gets axe.
  test.setTimeout(240_000);
  const frame = await newHomeOn(app, 'Staff accounts');
  const staff = new StaffAccountsPage(page);

  await staff.addButton.click();
  const form = page.getByRole('form', { name: 'Add a staff member' });
  await form.getByLabel('Full name').fill('Jo Bloggs');
  await form.getByLabel('Username').fill('jbloggs');
  await form.getByLabel('Work email').fill('jo.bloggs@oakfield.example');
  await form.getByLabel('Care staff', { exact: true }).check();
  await form.getByRole('button', { name: 'Make a temporary password' }).click();
  const shown = form.getByRole('status').filter({ hasText: 'Temporary password:' });
  await expect(shown).toBeVisible();
  const temporary = (await shown.locator('strong').textContent()) ?? '';
  expect(temporary.split(' ')).toHaveLength(5);
  // Both password fields hold it: nothing to type twice.
  await expect(form.getByLabel('Temporary password')).toHaveValue(temporary);
  await expect(form.getByLabel('Type the password again')).toHaveValue(temporary);
  // Made again, it is a different one.
  await form.getByRole('button', { name: 'Make a temporary password' }).click();
  await expect(shown.locator('strong')).not.toHaveText(temporary);
  const chosen = (await shown.locator('strong').textContent()) ?? '';
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.checkScreen('add a staff member with a made-up password', {
    screenshot: '1280 temporary password made',
  });
  await form.getByRole('button', { name: 'Add staff member' }).click();
  await expect(staff.row('Jo Bloggs')).toBeVisible();
  // Shown once: gone with the form.
  await expect(page.getByText(chosen)).toHaveCount(0);

  // A typo in the name, and a new role: saved and audited.
  await staff.row('Jo Bloggs').getByRole('button', { name: 'Change Jo Bloggs’s details' }).click();
  const edit = page.getByRole('form', { name: 'Change staff details' });
  await edit.getByLabel('Full name').fill('Joanne Bloggs');
  await edit.getByLabel('Learning Mentor', { exact: true }).check();
  await edit.getByLabel('Care staff', { exact: true }).uncheck();
  await edit.getByLabel('Learning Mentor', { exact: true }).uncheck();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('Choose at least one role.')).toBeVisible();
  await edit.getByLabel('Learning Mentor', { exact: true }).check();
  await app.checkScreen('change staff details', { screenshot: '1280 change staff details' });
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(staff.row('Joanne Bloggs')).toContainText('Learning Mentor');
  await expect(staff.row('Joanne Bloggs')).not.toContainText('Care staff');

  // The new colleague's first sign-in asks them to choose their own password.
  await switchUser(page, 'jbloggs', chosen);
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await expect(page.getByText('reset by the manager')).toHaveCount(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.checkScreen('first sign-in of a new account', { screenshot: '1366 choose your own password' });

  // Switching the account off is asked about first; cancelling leaves it on. On the password
  // screen Sign out is the form's own button, not the banner's.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await new SignInPage(page).signIn(manager.username, manager.password);
  await frame.open('Staff accounts');
  const confirm = await staff.askToSwitchOff('Joanne Bloggs');
  await expect(confirm)
    .toBeFocused()
    .catch(() => undefined);
  await app.checkScreen('confirm switching an account off', { screenshot: '1366 confirm switching off' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(staff.row('Joanne Bloggs')).toContainText('Active');
  await staff.switchOff('Joanne Bloggs');
  expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')).toBe(
    false,
  );
});
