import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { DeclarationsPage, daysAgo, tomsDeclinedGift, tomsGift } from './pages/declarations-page';
import { DisclosureDialog } from './pages/disclosure-dialog';
import { DisclosureLogPage } from './pages/disclosure-log-page';
import { DoorPage } from './pages/door-page';
import { careWorker, careWorkerAccount, manager, newHomeOn, switchUser } from './pages/door-home';
import type { NewStaff } from './pages/staff-accounts-page';
import { firstSignIn as firstSignInAndChoosePassword, signOut } from './pages/staff-journey';
import { RegisterPage } from './pages/register-page';
import { StaffAccountsPage } from './pages/staff-accounts-page';

const sara = {
  name: 'Sara Lewis',
  username: 'slewis',
  email: 'sara.lewis@oakfield.example',
  role: 'Care staff',
  temporaryPassword: 'amber willow freight cobble',
};

const sarasContact = 'A former care leaver sent me a friend request on Facebook. I did not accept.';

/** First sign-in with a temporary password: the app makes them choose their own. */
async function firstSignIn(page: Page, person: NewStaff): Promise<void> {
  await signOut(page);
  await firstSignInAndChoosePassword(page, { ...person, password: careWorker.password });
}

test.describe('staff declarations and the disclosure log', () => {
  test('a care worker declares a gift and cannot see a colleague’s; the manager reviews it; an export asks why and is logged', async ({
    app,
    page,
  }) => {
    // A new home, two accounts made and three sign-ins, each an Argon2id hash, on two shared cores:
    // it took just over the default minute in a run with nothing wrong, so it has two.
    test.setTimeout(120_000);
    const frame = await newHomeOn(app, 'Staff accounts');
    const accounts = new StaffAccountsPage(page);
    await accounts.add(careWorkerAccount);
    await expect(accounts.confirmation).toContainText('Tom Hughes can now sign in');
    await accounts.add(sara);
    await expect(accounts.confirmation).toContainText('Sara Lewis can now sign in');

    // Sara declares a social-media contact first.
    await firstSignIn(page, sara);
    await frame.open('Declarations');
    const declarations = new DeclarationsPage(page);
    await declarations.declare({
      kind: 'Contact on social media',
      happenedOn: daysAgo(3),
      whatHappened: sarasContact,
      lineManager: manager.name,
    });
    await expect(declarations.confirmation).toContainText('Your declaration is recorded');

    // Tom declares a gift he declined, and sees his own declaration and nobody else's.
    await firstSignIn(page, careWorkerAccount);
    await expect(frame.navigation.getByRole('link', { name: 'Disclosure log' })).toHaveCount(0);
    await frame.open('Declarations');
    await expect(declarations.heading('My declarations')).toBeVisible();
    await expect(page.getByText('You have not made any declarations.')).toBeVisible();
    await declarations.declare(tomsDeclinedGift(manager.name));
    await expect(declarations.confirmation).toContainText('Your declaration is recorded');
    await expect(declarations.table.getByRole('row')).toHaveCount(2);
    await expect(declarations.row(tomsGift)).toContainText('Waiting for the manager’s review');
    await expect(page.getByText(sarasContact)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Review / })).toHaveCount(0);
    await app.checkScreen('my declarations', { screenshot: 'care worker sees only their own declaration' });

    // The manager sees both on the home screen and the declarations screen, and reviews Tom's.
    await switchUser(page, manager.username, manager.password);
    await frame.open('Home');
    const attention = page.getByRole('region', { name: 'Staff declarations to look at' });
    await expect(attention.getByRole('listitem')).toHaveCount(2);
    await expect(attention).toContainText('Tom Hughes');
    await app.expectAccessible('home with declarations to look at');
    await frame.open('Declarations');
    await expect(declarations.heading('Staff declarations')).toBeVisible();
    await expect(declarations.table.getByRole('row')).toHaveCount(3);
    await expect(declarations.row(sarasContact)).toContainText('Sara Lewis');
    await declarations.review(tomsGift, {
      supervisionOn: daysAgo(0),
      outcome: 'Declined correctly. Thanked the parent.',
      action: 'None',
    });
    await expect(declarations.confirmation).toContainText('Tom Hughes’s declaration is reviewed');
    await expect(declarations.row(tomsGift)).toContainText(
      'Outcome: Declined correctly. Thanked the parent.',
    );
    await page.getByLabel('Showing').selectOption({ label: 'Needing your attention' });
    await expect(declarations.table.getByRole('row')).toHaveCount(2);
    await expect(declarations.row(sarasContact)).toContainText('Waiting for the manager’s review');
    await app.checkScreen('staff declarations', { screenshot: 'manager reviews declarations' });
    await frame.open('Home');
    await expect(attention.getByRole('listitem')).toHaveCount(1);

    // A visitor, then the register's CSV export: it asks why before anything leaves.
    await frame.open('Front door');
    const door = new DoorPage(page);
    await door.fill({ name: 'Dawn Morris', organisation: 'Mum', reason: 'Family visit', badge: '7' });
    await door.signInButton.click();
    await expect(door.announcement).toContainText('Dawn Morris signed in at');
    await frame.open('Visitor register');
    const register = new RegisterPage(page);
    await expect(register.row('Dawn Morris')).toBeVisible();
    const why = new DisclosureDialog(page);
    await register.exportButton.click();
    await expect(why.dialog).toBeVisible();
    await why.cancel();
    await expect(why.dialog).toBeHidden();

    await register.exportButton.click();
    await why.dialog.getByRole('button', { name: 'Record and continue' }).click();
    await expect(why.dialog.getByText('Enter who it is for or where it is going.')).toBeVisible();
    await app.checkScreen('why is this leaving the app', { screenshot: 'export asks why' });
    const download = page.waitForEvent('download');
    await why.answer('Ofsted inspector, Ms Okafor', 'Ofsted inspection');
    const file = await download;
    expect(await readFile(await file.path(), 'utf8')).toContain('Dawn Morris');

    await frame.open('Disclosure log');
    const log = new DisclosureLogPage(page);
    await expect(log.heading).toBeVisible();
    const row = log.row('Visitor register, ');
    await expect(log.table.getByRole('row')).toHaveCount(2);
    await expect(log.table).toContainText('Ofsted inspector, Ms Okafor');
    await expect(log.table).toContainText('Ofsted inspection');
    await expect(log.table).toContainText('Priya Raman');
    await expect(row).toContainText('CSV file');
    await app.checkScreen('disclosure log', { screenshot: 'disclosure log with the register export' });

    // Exporting the log is a copy leaving the app too.
    const logDownload = page.waitForEvent('download');
    await log.exportButton.click();
    await why.answer(
      'Shared drive, inspection folder',
      'Another reason',
      'Evidence pack for the monthly Regulation 44 visit',
    );
    const logFile = await logDownload;
    expect(await readFile(await logFile.path(), 'utf8')).toContain('Ofsted inspector, Ms Okafor');
    await expect(log.table.getByRole('row')).toHaveCount(3);
    await expect(log.table).toContainText('Evidence pack for the monthly Regulation 44 visit');
  });
});
