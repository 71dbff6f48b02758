import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness/fixtures';
import {
  anotherComputerJoins,
  couchServerForThisFile,
  officeSetsUpSync,
  signInDawnMorris,
  openAnotherComputer,
} from './harness/two-computers';
import { AppFrame } from './pages/app-frame';
import { ComputersPage, fillAdmin, fillServer } from './pages/computers-page';
import { DoorPage } from './pages/door-page';
import {
  addMillie,
  careWorker,
  careWorkerAccount,
  home,
  manager,
  managerSignsInTo,
  newHome,
} from './pages/door-home';
import { LockScreenPage } from './pages/lock-screen-page';
import { ManagerHomePage } from './pages/manager-home-page';
import { addStaffAccounts, firstSignIn } from './pages/staff-journey';

// Two computers of one home, each a browser context with its own IndexedDB and main process, and
// a CouchDB-protocol server on loopback over verified TLS. Everything goes through the screens:
// the manager sets sync up and adds the front desk, which joins with the code on its first run.

const couch = couchServerForThisFile();
const database = 'oak-house-join';

test('the manager adds the front desk, which joins with its code; once removed the server refuses it', async ({
  app,
  browser,
  harnessServer,
}, testInfo) => {
  test.setTimeout(180_000);
  await newHome(app);
  await addStaffAccounts(app.page, [careWorkerAccount]);
  await addMillie(app.page);

  // The manager sets sync up on the office computer.
  const office = app.page;
  const officeFrame = new AppFrame(office);
  await officeFrame.open('Computers');
  await fillServer(office, couch(), database);
  await office.getByLabel('This computer’s name').fill('Office');
  await fillAdmin(office, couch());
  await app.expectAccessible('computers: set up sync');
  await office.getByRole('button', { name: 'Set up', exact: true }).click();
  const computers = office.getByRole('table');
  await expect(computers.getByRole('rowheader', { name: 'Office (this computer)' })).toBeVisible({
    timeout: 20_000,
  });

  // ...and adds the front desk: a one-time code, with its expiry.
  await office.getByRole('button', { name: 'Add a computer' }).click();
  await office.getByLabel('The new computer’s name').fill('Front desk');
  await fillAdmin(office, couch());
  await office.getByRole('button', { name: 'Make a pairing code' }).click();
  const code = (await office.getByLabel('Pairing code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}/);
  const waitingText = /^Waiting for Front desk to join, code expires at \d\d:\d\d\.$/;
  await expect(office.getByRole('status').filter({ hasText: waitingText })).toBeVisible();
  await app.checkScreen('computers: waiting for the front desk', {
    screenshot: 'computers-code',
    atOfficeSizes: true,
  });
  // The manager moves on before the front desk joins; coming back, the addition is still there,
  // and they move on again: the app, not the panel, endorses the front desk when it joins.
  await officeFrame.open('Front door');
  await officeFrame.open('Computers');
  await expect(office.getByRole('status').filter({ hasText: waitingText })).toBeVisible();
  await expect(office.getByLabel('Pairing code')).toHaveText(code);
  await officeFrame.open('Front door');

  // The front desk's first run.
  const secondComputer = await openAnotherComputer({ browser, harnessServer, testInfo });
  try {
    const frontDesk = secondComputer.app;
    const desk = frontDesk.page;
    await desk.goto(harnessServer.origin + '/');
    await desk.getByRole('button', { name: 'Join this home’s computers…' }).click();
    await fillServer(desk, couch(), database);
    await frontDesk.checkScreen('join this home’s computers', {
      screenshot: 'join-form',
      atOfficeSizes: true,
    });

    // A wrong code gets words, not a failure code.
    const wrong = code.replace(/[a-z]+$/, code.endsWith('river') ? 'maple' : 'river');
    await desk.getByLabel('Pairing code').fill(wrong);
    await desk.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(desk.getByRole('alert')).toContainText('The server did not accept the code', {
      timeout: 30_000,
    });

    // The right code: the pull shows a progress bar, records so far of the total.
    // Watched from inside the page: the pull of a small home is over in moments.
    await desk.evaluate(`(() => {
      const seen = [];
      window.__progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        if (bar) seen.push(bar.getAttribute('value') + '/' + bar.getAttribute('max'));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    await desk.getByLabel('Pairing code').fill(code);
    await desk.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(desk.getByLabel('Username')).toBeVisible({ timeout: 60_000 });
    const progress = await desk.evaluate<string[]>('window.__progressSeen');
    expect(progress.length).toBeGreaterThan(0);
    testInfo.annotations.push({ type: 'progress seen', description: progress.join(' ') });
    const last = progress.at(-1)?.split('/') ?? [];
    expect(Number(last[1])).toBeGreaterThan(0);
    expect(last[0]).toBe(last[1]);
    // The home's settings came with the pull: the front desk goes by the home's name.
    await expect(desk.getByText(`Family Links · ${home.name}`)).toBeVisible({ timeout: 15_000 });
    await frontDesk.screenshotsAtOfficeSizes('joined-sign-in');

    // Back on the Computers screen, the office says it joined.
    await officeFrame.open('Computers');
    await expect(office.getByText('Front desk has joined the home’s computers.')).toBeVisible({
      timeout: 30_000,
    });
    await office.getByRole('button', { name: 'Done' }).click();
    await expect(computers.getByRole('rowheader', { name: 'Front desk' })).toBeVisible();
    await app.screenshotsAtOfficeSizes('computers-list');
    await app.expectAccessible('computers: the home’s computers');

    // At the front desk a colleague signs in with their own password and sees the home's records.
    await firstSignIn(desk, { ...careWorker });
    await expect(desk.getByRole('banner').getByText(home.name, { exact: true })).toBeVisible();
    const deskFrame = new AppFrame(desk);
    await deskFrame.open('Young people');
    await expect(desk.getByRole('link', { name: 'Millie Hughes' }).first()).toBeVisible();

    // A visitor signed in at the front desk is on the office's fire roll.
    await deskFrame.open('Front door');
    const deskDoor = new DoorPage(desk);
    await signInDawnMorris(deskDoor);
    await officeFrame.open('Front door');
    const officeDoor = new DoorPage(office);
    await expect(officeDoor.onSite.getByRole('listitem').filter({ hasText: 'Dawn Morris' })).toHaveCount(1, {
      timeout: 15_000,
    });
    await office.evaluate('window.print = () => {}');
    await officeDoor.printFireRollButton.click();
    await expect(officeDoor.fireRollRow('Dawn Morris')).toContainText('7');

    // The manager removes the front desk, confirming by name.
    await officeFrame.open('Computers');
    await office.getByRole('button', { name: 'Remove Front desk' }).click();
    const confirm = office.getByRole('alertdialog', { name: 'Remove Front desk?' });
    await fillAdmin(office, couch());
    await app.expectAccessible('computers: remove the front desk');
    await confirm.getByRole('button', { name: 'Remove Front desk' }).click();
    await expect(office.getByText('Front desk has been removed.')).toBeVisible({ timeout: 20_000 });
    await expect(computers.getByRole('rowheader', { name: 'Front desk (removed)' })).toBeVisible();

    // The front desk's next request is refused, and it says so.
    await deskDoor.fill({ name: 'Ken Lowe', organisation: 'Uncle', reason: 'Family visit', badge: '8' });
    await deskDoor.signInButton.click();
    await expect(desk.getByRole('alert')).toContainText('This computer has been removed', {
      timeout: 30_000,
    });
    await frontDesk.checkScreen('front desk once removed');

    // Locking drops an addition still waiting: its code's keys go with the session.
    await office.getByRole('button', { name: 'Add a computer' }).click();
    await office.getByLabel('The new computer’s name').fill('Staff room');
    await fillAdmin(office, couch());
    await office.getByRole('button', { name: 'Make a pairing code' }).click();
    await expect(office.getByRole('heading', { name: 'Add Staff room' })).toBeVisible({ timeout: 20_000 });
    await office.getByRole('banner').getByRole('button', { name: 'Lock', exact: true }).click();
    await new LockScreenPage(office).unlock(manager.password);
    await officeFrame.open('Computers');
    await expect(computers.getByRole('rowheader', { name: 'Office (this computer)' })).toBeVisible();
    await expect(office.getByRole('heading', { name: 'Add Staff room' })).toHaveCount(0);
  } finally {
    await secondComputer.close();
  }
});

test('a cancel the server never hears keeps the code on screen, and a second try ends it', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await newHome(app);
  const office = app.page;
  await new AppFrame(office).open('Computers');
  const computers = new ComputersPage(office, couch());
  await computers.setUp('oak-house-cancel', 'Office');
  const code = await computers.makeCode('Staff room');
  const panel = office.getByRole('region', { name: 'Add Staff room' });
  const cancel = panel.getByRole('button', { name: 'Cancel adding Staff room' });

  // The server is down when the manager cancels: the code would still work, so it stays listed.
  couch().available = false;
  try {
    await cancel.click();
    await expect(panel.getByRole('alert')).toContainText(
      /^The code for Staff room could not be cancelled, so it still works until \d\d:\d\d\. /,
      { timeout: 20_000 },
    );
  } finally {
    couch().available = true;
  }
  await expect(panel.getByLabel('Pairing code')).toHaveText(code);
  await app.checkScreen('computers: a cancel the server did not hear', { atOfficeSizes: true });

  // Pressed twice in a hurry, once the server is back: one cancel, and the code ends on the server.
  await cancel.dblclick();
  await expect(office.getByRole('heading', { name: 'Add Staff room' })).toHaveCount(0, { timeout: 20_000 });
  // The spec file's server is shared with the journey before: only this home's database counts.
  const deletes = couch().requests.filter(
    (request) =>
      request.method === 'DELETE' &&
      request.path.startsWith('/oak-house-cancel/_local/') &&
      request.status < 300,
  );
  expect(deletes).toHaveLength(1);
});

test('a front desk whose sync settings were edited on disk connects again as itself, and its removal still shuts it out', async ({
  app,
  browser,
  harnessServer,
}, testInfo) => {
  test.setTimeout(180_000);
  const again = 'oak-house-again';
  const { office, officeFrame, computers } = await officeSetsUpSync(app, couch(), again);
  const needs = { browser, harnessServer, testInfo, couch: couch(), database: again };
  const frontDesk = await anotherComputerJoins(computers, 'Front desk', needs);
  try {
    const desk = frontDesk.app.page;
    // The server's users for this home's database: one for each computer, nothing personal.
    const users = async () =>
      ((await couch().call('GET', '/_users/_all_docs')).body as { rows: { id: string }[] }).rows
        .map((row) => row.id)
        .filter((id) => id.startsWith(`org.couchdb.user:fl-${again}-`));
    const before = await users();
    expect(before).toHaveLength(2);
    // Joined with a code that carried the home's certificate authority: nothing to put right there.
    const deskHome = new ManagerHomePage(desk);
    await managerSignsInTo(desk, 'Home');
    await expect(deskHome.overview).not.toContainText('Counting what needs looking at');
    await expect(deskHome.overview).not.toContainText('certificate authority');
    await frontDesk.app.checkScreen('front desk home: joined, the CA known', { atOfficeSizes: true });

    // Someone at the front desk points its sync settings file at another server, and the app is
    // started again: the file is not used, and the manager is told.
    const file = join(frontDesk.app.tempDir, 'user-data', 'sync-settings.json');
    const settings = JSON.parse(await readFile(file, 'utf8')) as { server: Record<string, unknown> };
    await writeFile(
      file,
      JSON.stringify({ ...settings, server: { ...settings.server, serverUrl: 'https://evil.example' } }),
    );
    if (!frontDesk.app.restartMainProcess) throw new Error('This runtime cannot start the app again.');
    await frontDesk.app.restartMainProcess();
    const deskFrame = await managerSignsInTo(desk, 'Computers');
    await expect(
      desk.getByText('The sync settings on this computer were changed outside Family Links'),
    ).toBeVisible();

    // It is one of the home's computers already: it connects again in its place, with no name to give.
    await expect(desk.getByRole('heading', { name: 'Connect this computer again' })).toBeVisible();
    await expect(desk.getByLabel('This computer’s name')).toHaveCount(0);
    await fillServer(desk, couch(), again);
    await fillAdmin(desk, couch());
    await frontDesk.app.checkScreen('computers: connect this computer again', { atOfficeSizes: true });
    // It learnt the home's certificate authority from its code when it joined, so the manager's
    // request is believed here with no certificate renewed first.
    await desk.getByRole('button', { name: 'Connect again', exact: true }).click();
    const deskComputers = new ComputersPage(desk, couch());
    await expect(deskComputers.computer('Front desk (this computer)')).toBeVisible({ timeout: 20_000 });
    await expect(deskComputers.computer('Office')).toBeVisible();
    // As the same server user: no second one that removing the front desk would leave behind.
    expect(await users()).toEqual(before);

    // It syncs again: a visitor signed in there reaches the office.
    await deskFrame.open('Front door');
    const deskDoor = new DoorPage(desk);
    await signInDawnMorris(deskDoor);
    await officeFrame.open('Front door');
    await expect(
      new DoorPage(office).onSite.getByRole('listitem').filter({ hasText: 'Dawn Morris' }),
    ).toHaveCount(1, {
      timeout: 15_000,
    });

    // Removed on the office: its one server user goes, and its next request is refused.
    await officeFrame.open('Computers');
    const confirm = await computers.startRemoving('Front desk');
    await confirm.getByRole('button', { name: 'Remove Front desk' }).click();
    await expect(office.getByText('Front desk has been removed.')).toBeVisible({ timeout: 20_000 });
    expect(await users()).toHaveLength(1);
    await deskDoor.fill({ name: 'Ken Lowe', organisation: 'Uncle', reason: 'Family visit', badge: '8' });
    await deskDoor.signInButton.click();
    await expect(desk.getByRole('alert')).toContainText('This computer has been removed', {
      timeout: 30_000,
    });
  } finally {
    await frontDesk.close();
  }
});
