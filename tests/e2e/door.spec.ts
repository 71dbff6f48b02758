import { readFile } from 'node:fs/promises';
import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { DisclosureDialog } from './pages/disclosure-dialog';
import {
  emptyDoor,
  homeWithCareWorker,
  homeWithRestrictions,
  johnNoContact,
  manager,
  switchUser,
  type RestrictionDetails,
} from './pages/door-home';
import { countPrintRequests, expectPrintedAlone } from './pages/print-view';
import { RegisterPage } from './pages/register-page';

const barredJohn: RestrictionDetails = { ...johnNoContact, otherNames: 'Johnny Boy' };

test.describe('the front door', () => {
  test('a care worker signs in a visitor who is barred', async ({ app, page }) => {
    const door = await homeWithCareWorker(app, [barredJohn]);
    const frame = new AppFrame(page);
    const john = {
      name: 'John Smith',
      visiting: ['Millie Hughes'],
      reason: 'Says he is dropping off a present',
      badge: '3',
    };

    // Front door is the second screen in everyone's navigation.
    await expect(frame.navigation.getByRole('link').nth(1)).toHaveText('Front door');
    await frame.open('Front door');
    await door.fill(john);
    await expect(door.blocked).toContainText('Do not admit. Speak to the duty manager.');
    await expect(door.blocked).toContainText('John Smith was matched to John Smith (same name).');
    await expect(door.blocked).toContainText('No contact: Millie Hughes');
    // Need to know: the care worker is not shown the court order or its reference.
    await expect(door.blocked).not.toContainText('LS26C09999');
    await expect(door.blocked).not.toContainText('Court order');
    await expect(door.signInButton).toBeDisabled();
    await expect(door.overrideAndAdmitButton).toHaveCount(0);
    await app.checkScreen('front door: a barred visitor, care worker', {
      screenshot: 'care worker sees do not admit',
    });

    // The duty manager comes to the door.
    await switchUser(page, manager.username, manager.password);
    await frame.open('Front door');
    await door.fill(john);
    await expect(door.blocked).toContainText('Court order, reference LS26C09999');
    await door.overrideAndAdmitButton.click();
    await expect(door.form.getByText('Say why you are overriding the restriction.')).toBeVisible();
    await door.overrideReason.fill(
      'Order discharged at court this morning; social worker confirmed by phone at 13:40',
    );
    await door.overrideConfirmation.check();
    await app.checkScreen('front door: the manager overriding', {
      screenshot: 'manager overriding with a reason',
    });
    await door.overrideAndAdmitButton.click();
    await expect(door.announcement).toContainText(/John Smith signed in at \d\d:\d\d/);
    await expect(door.onSiteRow('John Smith')).toContainText('Millie Hughes');
    await expect(door.visitorName).toHaveValue('');

    const log = await AuditLogPage.open(page);
    await expect(log.entry('Overrode a restriction at the door')).toHaveCount(1);
    await expect(log.entry('Signed a visitor in')).toHaveCount(1);
    await app.screenshot('audit log shows the override');

    await frame.open('Home');
    const attention = page.getByRole('region', { name: 'At the front door' });
    await expect(attention).toContainText('John Smith admitted');
    await expect(attention).toContainText('Order discharged at court this morning');
    await app.checkScreen('home with an override', { screenshot: 'home lists the override' });
  });

  test('a supervised-only visitor needs a supervisor', async ({ app, page }) => {
    const door = await homeWithRestrictions(app, [
      {
        name: 'Dean Hughes',
        kind: 'Supervised contact only',
        conditions: 'Family room only',
        authority: 'Court order',
        reference: 'LS26C01234',
      },
    ]);
    await door.fill({
      name: 'Dean Hughes',
      visiting: ['Millie Hughes'],
      reason: 'Contact visit',
      badge: '5',
    });
    await expect(door.warning).toContainText('Supervised contact only. Family room only.');
    await expect(door.whoWillSupervise).toBeVisible();
    await app.checkScreen('front door: a supervised-only visitor', { screenshot: 'supervised only warning' });

    await door.signInButton.click();
    await expect(
      door.form.getByText('Tick “I have read this” once you have read the restriction.'),
    ).toBeVisible();
    await door.hasReadThis.check();
    await door.signInButton.click();
    await expect(door.form.getByText('Choose who will supervise this visit.')).toBeVisible();
    await expect(door.onSite).toHaveCount(0);

    await door.whoWillSupervise.selectOption({ label: manager.name });
    await door.signInButton.click();
    await expect(door.announcement).toContainText(/Dean Hughes signed in at/);
    await expect(door.onSiteRow('Dean Hughes')).toContainText('5');

    await new AppFrame(page).open('Visitor register');
    const register = new RegisterPage(page);
    await expect(register.row('Dean Hughes')).toContainText(`Supervised by ${manager.name}`);
    await expect(register.row('Dean Hughes')).toContainText('Restriction: conditions');
  });

  test('an alias is caught, and a near-spelling asks for ID', async ({ app }) => {
    const door = await homeWithRestrictions(app, [barredJohn]);
    await door.visitorName.fill('Jon Smyth');
    await expect(door.idCheck).toContainText('Jon Smyth is close to John Smith (near spelling).');
    await expect(door.blocked).toHaveCount(0);
    await app.screenshot('near spelling asks for ID');

    await door.visitorName.fill('Johnny Boy');
    await expect(door.blocked).toContainText(
      'Johnny Boy was matched to John Smith (also known as Johnny Boy).',
    );

    await door.visitorName.fill('Dawn Morris');
    await expect(door.clear).toBeVisible();
    await expect(door.blocked).toHaveCount(0);
    await expect(door.signInButton).toBeEnabled();
    await app.expectAccessible('front door: a clear name');
  });

  test('a correction keeps the original entry', async ({ app, page }) => {
    const door = await emptyDoor(app);
    const frame = new AppFrame(page);
    await door.signIn({ name: 'Dawn Morris', organisation: 'Mum', reason: 'Family visit', badge: '7' });

    await frame.open('Visitor register');
    const register = new RegisterPage(page);
    await expect(register.row('Dawn Morris')).toContainText('7');
    await register.correct('Dawn Morris', {
      whatWasWrong: 'Wrong badge number: she has badge 12',
      badge: '12',
    });
    await expect(register.confirmation).toContainText('The entry for Dawn Morris was corrected');
    await expect(register.table.getByRole('row')).toHaveCount(2);
    await expect(register.row('Dawn Morris')).toContainText('12');

    await register.amended('Dawn Morris').click();
    const versions = register.table.getByRole('listitem');
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toContainText('Original entry');
    await expect(versions.nth(0)).toContainText('Badge7');
    await expect(versions.nth(1)).toContainText('What was wrong: Wrong badge number: she has badge 12');
    await expect(versions.nth(1)).toContainText('Badge12');
    await app.checkScreen('visitor register with a correction', {
      screenshot: 'register with the versions open',
    });

    const download = page.waitForEvent('download');
    await register.exportButton.click();
    // Every export asks why first and is recorded in the disclosure log (declarations.spec.ts covers it).
    await new DisclosureDialog(page).answer('Home’s case file', 'For the case file');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^visitor-register-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = await readFile(await file.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Visitor,Organisation or relationship,Visiting,Reason for visit,Arrived,Left,ID checked,Vehicle,Badge,Admitted or turned away by,Supervised by,Restriction check,Override reason,Correction,Conditions,Note',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Dawn Morris,Mum,,Family visit,');
    expect(lines[1]).toContain(',12,Priya Raman,');
    expect(lines[1]).toContain('Wrong badge number: she has badge 12');

    // The door still shows her once, with the corrected badge; signing out ends the visit.
    await frame.open('Front door');
    await expect(door.onSiteRow('Dawn Morris')).toContainText('12');
    await door.signOut('Dawn Morris');
    await expect(door.onSiteMessage).toContainText('Dawn Morris signed out at');
    await expect(page.getByText('No visitors are signed in.')).toBeVisible();
  });

  test('a correction that names a barred person is kept, and raised on the home screen', async ({
    app,
    page,
  }) => {
    const door = await homeWithRestrictions(app, [barredJohn]);
    await door.signIn({
      name: 'Dawn Morris',
      organisation: 'Neighbour',
      reason: 'Dropping off a parcel',
      badge: '5',
    });

    const frame = new AppFrame(page);
    await frame.open('Visitor register');
    const register = new RegisterPage(page);
    await register.correct('Dawn Morris', {
      whatWasWrong: 'He gave a false name; staff recognised him afterwards',
      visitorName: 'John Smith',
    });
    await expect(register.confirmation).toContainText('The entry for John Smith was corrected');

    await frame.open('Home');
    const panel = page.getByRole('region', { name: 'At the front door' });
    await expect(
      panel.getByRole('heading', { name: 'Corrections that named someone restricted' }),
    ).toBeVisible();
    await expect(panel).toContainText('John Smith');
    await expect(panel).toContainText('He gave a false name');
    await expect(panel).toContainText('No contact allowed');
    await app.checkScreen('home with a restricted correction', {
      screenshot: 'home raises a correction that named a barred person',
    });
  });

  test('the fire roll prints', async ({ app, page }) => {
    const door = await emptyDoor(app);
    await door.signIn({ name: 'Dawn Morris', organisation: 'Mum', reason: 'Family visit', badge: '7' });
    await door.signIn({
      name: 'Gary Price',
      organisation: 'Plumber',
      reason: 'Boiler repair',
      badge: '8',
      vehicle: 'AB12 CDE',
    });
    await expect(door.onSite.getByRole('listitem')).toHaveCount(2);
    await app.checkScreen('front door with two visitors on site', {
      screenshot: 'front door with two on site',
    });

    const printRequests = await countPrintRequests(page);
    await door.printFireRollButton.click();
    await expect(door.fireRollHeading).toHaveText('Fire roll: Oakfield House');
    expect(await printRequests()).toBe(1);
    await expect(
      page.getByText(/^Printed \d{1,2} \w{3} \d{4}, \d\d:\d\d\. 2 visitors on site\.$/),
    ).toBeVisible();
    await expect(door.fireRollTable.getByRole('columnheader')).toHaveText([
      'Name',
      'Badge',
      'Arrived',
      'Visiting',
      'Conditions',
    ]);
    await expect(door.fireRollRow('Dawn Morris')).toContainText('7');
    await expect(door.fireRollRow('Gary Price')).toContainText('8');
    // Nothing else: not the vehicle, not the reason.
    await expect(door.fireRollTable).not.toContainText('AB12 CDE');
    await expect(door.fireRollTable).not.toContainText('Boiler repair');
    await app.expectAccessible('fire roll');

    await expectPrintedAlone(app, 'fire roll as printed');

    await page.getByRole('button', { name: 'Back to the front door' }).click();
    await expect(door.heading).toBeVisible();
  });
});
