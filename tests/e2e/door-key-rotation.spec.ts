import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import {
  careWorker,
  homeWithRestrictions,
  johnNoContact,
  manager,
  signInAsCareWorker,
  switchUser,
} from './pages/door-home';
import { RegisterPage } from './pages/register-page';
import { officeWindowSizes } from './harness/page-actions';
import { expectFitsAtOfficeSizes } from './pages/screen-fit';
import { StaffAccountsPage, type NewStaff } from './pages/staff-accounts-page';

const staying: NewStaff = {
  name: careWorker.name,
  username: careWorker.username,
  email: careWorker.email,
  role: careWorker.role,
  temporaryPassword: careWorker.temporaryPassword,
};
const leaving: NewStaff = {
  name: 'Dana Wells',
  username: 'dwells',
  email: 'dana.wells@oakfield.example',
  role: 'Care staff',
  temporaryPassword: 'harbour velvet orchid canal',
};

test('a manager switches off a care worker and changes the door key; a care worker who stays signs in, signs a visitor in and reads the register', async ({
  app,
  page,
}) => {
  // Four sign-ins (each a key derivation), axe on each step and two window sizes, on two shared cores.
  test.setTimeout(180_000);
  await page.setViewportSize(officeWindowSizes[0]);
  const door = await homeWithRestrictions(app, [johnNoContact], { staff: [staying, leaving] });
  const frame = new AppFrame(page);

  // A visitor signed in under the first door key.
  await door.fill({ name: 'Dawn Morris', organisation: 'Mum', reason: 'Family visit', badge: '7' });
  await door.signInButton.click();
  await expect(door.announcement).toContainText('Dawn Morris signed in at');

  // Tom, who stays, has been signing in as usual.
  await signInAsCareWorker(page);
  await switchUser(page, manager.username, manager.password);

  // Dana leaves; the manager is offered the door key, which every leaver held.
  await frame.open('Staff accounts');
  const staff = new StaffAccountsPage(page);
  await staff.switchOff(leaving.name);
  const keys = page.getByRole('region', { name: 'Keys to the records' });
  await expect(keys).toContainText(
    `${leaving.name} could read door records. Change the door key so that any copy they kept opens nothing written from now on`,
  );
  await expect(keys).toContainText('Each person’s declarations key is their own and is not changed.');
  await app.expectAccessible('the offer to change the door key');
  await expectFitsAtOfficeSizes(app, page, keys, 'door-key-offer');

  await keys.getByRole('button', { name: 'Change the door key now' }).click();
  await expect(keys.getByRole('status').filter({ hasText: 'The door key is changed:' })).toContainText(
    'Colleagues are given the new door key when they next sign in with their own password',
  );
  // A home this size is sealed again in moments: the old key goes once it is.
  await expect(keys.getByRole('status').filter({ hasText: 'the old key is deleted' })).toContainText(
    'The door key is changed.',
    { timeout: 30_000 },
  );
  // Not offered again once changed.
  await expect(keys.getByRole('button', { name: 'Change the door key now' })).toHaveCount(0);
  await app.expectAccessible('the door key changed');
  await expectFitsAtOfficeSizes(app, page, keys, 'door-key-changed');

  const log = await AuditLogPage.open(page);
  await expect(log.entry('Started changing a key after someone left')).toContainText('door key generation 2');
  await expect(log.entry('Finished changing a key')).toContainText('generation 1 deleted');

  // Tom has not signed in since: his own password gets him the new key. The door check still
  // knows John Smith, and he signs a visitor in.
  await switchUser(page, careWorker.username, careWorker.password);
  await expect(frame.signedInAs).toContainText(careWorker.name);
  await frame.open('Front door');
  await door.visitorName.fill('John Smith');
  await expect(
    door.blocked.getByRole('heading', { name: 'Do not admit. Speak to the duty manager.' }),
  ).toBeVisible();
  await door.fill({ name: 'Gary Price', organisation: 'Plumber', reason: 'Boiler repair', badge: '8' });
  await door.signInButton.click();
  await expect(door.announcement).toContainText('Gary Price signed in at');
  await app.expectAccessible('a care worker at the door after the key change');
  await expectFitsAtOfficeSizes(app, page, door.form, 'door-after-key-change');

  // The register has both: the visit sealed again under the new key, and the one just written.
  await frame.open('Visitor register');
  const register = new RegisterPage(page);
  await expect(register.row('Dawn Morris')).toContainText('Still on site');
  await expect(register.row('Gary Price')).toContainText('Still on site');
  await app.expectAccessible('the register after the key change');
  await expectFitsAtOfficeSizes(app, page, register.table, 'register-after-key-change');
});
