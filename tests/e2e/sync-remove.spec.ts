import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import {
  anotherComputerJoins,
  couchServerForThisFile,
  officeSetsUpSync,
  signInDawnMorris,
} from './harness/two-computers';
import { AppFrame } from './pages/app-frame';
import { ComputersPage } from './pages/computers-page';
import { DoorPage } from './pages/door-page';
import { managerSignsInTo } from './pages/door-home';

// Three computers of one home, each a browser context with its own IndexedDB and main process,
// and a CouchDB-protocol server on loopback over verified TLS. Everything goes through the
// screens: the office sets sync up, the front desk and the staff room join with their codes, and
// the manager removes the front desk while the staff room is off the network.

const couch = couchServerForThisFile();
const database = 'oak-house-remove';

/** The door's fire roll, printed (the print dialog is not opened in the harness), lists `name` with their badge; then back to the door. */
async function expectOnFireRoll(page: Page, name: string, badge: string) {
  const door = new DoorPage(page);
  await page.evaluate('window.print = () => {}');
  await door.printFireRollButton.click();
  await expect(door.fireRollRow(name)).toContainText(badge);
}

const onSiteNow = (door: DoorPage, name: string) =>
  door.onSite.getByRole('listitem').filter({ hasText: name });

const behindBanner = (page: Page) =>
  page.getByText('This computer cannot read what the home’s other computers');

test('with three computers the manager removes the front desk: it is refused, the other two go on together', async ({
  app,
  browser,
  harnessServer,
}, testInfo) => {
  // Three computers on a shared two-core machine: generous, so only a real fault fails it.
  test.setTimeout(300_000);
  const started = Date.now();
  const { office, officeFrame, computers } = await officeSetsUpSync(app, couch(), database);

  const needs = { browser, harnessServer, testInfo, couch: couch(), database };
  const frontDesk = await anotherComputerJoins(computers, 'Front desk', needs);
  try {
    const staffRoom = await anotherComputerJoins(computers, 'Staff room', needs);
    try {
      const desk = frontDesk.app.page;
      const room = staffRoom.app.page;
      await managerSignsInTo(desk, 'Front door');
      await managerSignsInTo(room, 'Front door');
      const deskDoor = new DoorPage(desk);
      const roomDoor = new DoorPage(room);
      const officeDoor = new DoorPage(office);

      // All three are one home: a visitor signed in at the staff room reaches the office.
      await roomDoor.signIn({ name: 'Ken Lowe', organisation: 'Uncle', reason: 'Family visit', badge: '8' });
      await officeFrame.open('Front door');
      await expect(onSiteNow(officeDoor, 'Ken Lowe')).toHaveCount(1, { timeout: 15_000 });

      // The staff room goes off the network (a laptop taken on a home visit).
      staffRoom.network.online = false;

      // On the office, the manager removes the front desk, confirming by name.
      await officeFrame.open('Computers');
      const confirm = await computers.startRemoving('Front desk');
      await confirm.getByRole('button', { name: 'Remove Front desk' }).click();
      await expect(
        office.getByText('Front desk has been removed. The server refuses it from now on.'),
      ).toBeVisible({ timeout: 20_000 });
      await expect(computers.computer('Front desk (removed)')).toBeVisible();
      await expect(computers.computer('Staff room')).toBeVisible();
      // The staff room had given the home its exchange key when it joined: it was given the new key
      // while off, so the manager is not told that anyone waits.
      await expect(office.getByText('could not be given the home’s new sync key')).toHaveCount(0);
      await app.checkScreen('computers: the front desk removed', {
        screenshot: 'computers-after-removal',
        atOfficeSizes: true,
      });

      // The office signs a visitor in while the staff room is off.
      await officeFrame.open('Front door');
      await signInDawnMorris(officeDoor);

      // The front desk's next request is refused, and it says so in plain words.
      await deskDoor.fill({ name: 'Joan Price', organisation: 'Aunt', reason: 'Family visit', badge: '9' });
      await deskDoor.signInButton.click();
      await expect(desk.getByRole('alert')).toContainText('This computer has been removed', {
        timeout: 30_000,
      });
      await frontDesk.app.screenshotsAtOfficeSizes('front-desk-removed');

      // The staff room's manager has the Computers screen open while it is off: the front desk
      // is still listed there, and the removal shows as it arrives, without leaving the screen.
      const roomFrame = new AppFrame(room);
      const roomComputers = new ComputersPage(room, couch());
      await roomFrame.open('Computers');
      await expect(roomComputers.computer('Front desk')).toBeVisible({ timeout: 15_000 });

      // Back on the network, the staff room reads what the office recorded under the new key...
      staffRoom.network.online = true;
      await expect(roomComputers.computer('Front desk (removed)')).toBeVisible({ timeout: 45_000 });
      await expect(roomComputers.list.getByRole('button', { name: 'Remove Front desk' })).toHaveCount(0);
      await roomFrame.open('Front door');
      await expect(onSiteNow(roomDoor, 'Dawn Morris')).toHaveCount(1, { timeout: 45_000 });
      await expectOnFireRoll(room, 'Dawn Morris', '7');
      await expect(behindBanner(room)).toHaveCount(0);

      // ...and what it records reaches the office; nothing from the front desk after its removal does.
      await room.getByRole('button', { name: 'Back to the front door' }).click();
      await roomDoor.signIn({ name: 'Rita Shah', organisation: 'Gran', reason: 'Family visit', badge: '10' });
      await expect(onSiteNow(officeDoor, 'Rita Shah')).toHaveCount(1, { timeout: 15_000 });
      await expect(onSiteNow(officeDoor, 'Joan Price')).toHaveCount(0);
      await expectOnFireRoll(office, 'Rita Shah', '10');
      await expect(behindBanner(office)).toHaveCount(0);
      testInfo.annotations.push({ type: 'journey', description: `${Date.now() - started} ms` });
    } finally {
      await staffRoom.close();
    }
  } finally {
    await frontDesk.close();
  }
});
