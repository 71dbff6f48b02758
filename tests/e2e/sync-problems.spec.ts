import { shortDeviceId } from '../../shared/sync/missing-changes';
import { journeyOnTwoComputers, signInDawnMorris } from './harness/two-computers';
import { expect } from './harness/fixtures';
import { recordsProbe } from './harness/sync-probe-page';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { DoorPage } from './pages/door-page';
import { managerSignsInTo, newHome } from './pages/door-home';
import { ManagerHomePage } from './pages/manager-home-page';
import { expectFitsAtOfficeSizes } from './pages/screen-fit';

// Two computers of one home, set up as in sync-records.spec.ts (a probe page beside the app runs
// the record sync the set-up screens will start). While the front desk is offline the office signs
// a visitor in, and the server (anyone with its disk) alters what the office sent. Back online, the
// front desk refuses it: the visitor is not on its door's list, and its manager is told in "Sync
// problems" and marks each problem as seen.

const database = 'oak-house-problems';

journeyOnTwoComputers(
  'a document altered on the server is refused at the front desk, never applied, and shown to its manager',
  { database, timeout: 240_000, home: newHome },
  async (computers, app) => {
    const { frontDesk, officeProbe, deskProbe, office } = computers;
    const officeDocuments = () => computers.documentsOnTheServerFrom(office.deviceId);
    // The office's pump sends every half second: waits until two looks a second apart agree.
    const settled = async () => {
      let last = -1;
      for (;;) {
        const now = (await officeDocuments()).length;
        if (now === last && now > 0) return;
        last = now;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    };

    await recordsProbe(officeProbe, 'start', database, 'office-mirror');
    // The office's home, as it was set up, reaches the server; the front desk stays offline.
    await settled();
    const before = new Set((await officeDocuments()).map((doc) => doc._id));

    // At the office, the manager (signed in since setting the home up) signs a visitor in.
    await new AppFrame(app.page).open('Front door');
    const officeDoor = new DoorPage(app.page);
    await signInDawnMorris(officeDoor);

    // What that sent reaches the server, and the server changes a byte of each of those documents.
    const fresh = async () => (await officeDocuments()).filter((doc) => !before.has(doc._id));
    await expect.poll(async () => (await fresh()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await settled();
    await recordsProbe(officeProbe, 'stop');
    const altered = await fresh();
    for (const doc of altered) await computers.alterOnTheServer(doc);

    // The front desk comes online and refuses every altered document.
    await recordsProbe(deskProbe, 'start', database, 'front-desk-mirror');
    const alteredIds = altered.map((doc) => doc._id).sort();
    await expect
      .poll(
        async () =>
          (await recordsProbe(deskProbe, 'problems'))
            .filter((problem) => problem.reason === 'bad-signature')
            .map((problem) => problem.documentId)
            .sort(),
        { timeout: 20_000 },
      )
      .toEqual(alteredIds);

    // Nothing of it was applied: Dawn Morris is not on site at the front desk.
    await managerSignsInTo(frontDesk.page, 'Front door');
    const deskDoor = new DoorPage(frontDesk.page);
    await expect(deskDoor.onSite.getByRole('listitem')).toHaveCount(0);

    // The manager's home counts the problems and lists each, naming the office's computer.
    await new AppFrame(frontDesk.page).open('Home');
    const home = new ManagerHomePage(frontDesk.page);
    const count = home.count(/sync problems? to look at/);
    await expect(count).toContainText(String(altered.length));
    await count.click();
    await expect(frontDesk.page).toHaveURL(/#\/home\/sync-problems$/);
    const panel = frontDesk.page.getByRole('region', { name: 'Sync problems' });
    await expect(panel).toBeInViewport();
    const items = panel.getByRole('listitem');
    await expect(items).toHaveCount(altered.length);
    await expect(items.first()).toContainText(
      'A document on the sync server was changed after the computer that wrote it signed it.',
    );
    await expect(items.first()).toContainText(`From computer ${shortDeviceId(office.deviceId)}, found`);
    await frontDesk.expectAccessible('sync problems on the front desk’s home');
    await expectFitsAtOfficeSizes(frontDesk, frontDesk.page, panel, 'sync-problems-on-the-front-desk-home');

    // The manager marks them seen, the first by keyboard; the panel and the count go.
    const first = items.first().getByRole('button', { name: 'Mark as seen' });
    await expect(first).toHaveAccessibleDescription(/changed after the computer that wrote it signed it/);
    await first.focus();
    await frontDesk.page.keyboard.press('Enter');
    await expect(items).toHaveCount(altered.length - 1);
    while ((await items.count()) > 0) {
      const left = await items.count();
      await items.first().getByRole('button', { name: 'Mark as seen' }).click();
      await expect(items).toHaveCount(left - 1);
    }
    await expect(panel).toHaveCount(0);
    await expect(home.count(/sync problem/)).toHaveCount(0);
    await frontDesk.screenshot('front desk home after the problems were seen');

    // Both the refusals (waiting until someone signed in) and the marking are in the audit log.
    const log = await AuditLogPage.open(frontDesk.page);
    await expect(log.entry('Marked a sync problem as seen')).toHaveCount(altered.length);
    await expect(log.entry('Refused a record from the sync server')).toHaveCount(altered.length);

    // Kept, marked seen, never deleted; still not applied.
    const kept = await recordsProbe(deskProbe, 'problems');
    expect(kept.filter((problem) => problem.reason === 'bad-signature')).toHaveLength(altered.length);
    await new AppFrame(frontDesk.page).open('Front door');
    await expect(deskDoor.onSite.getByRole('listitem')).toHaveCount(0);
    expect(await recordsProbe(deskProbe, 'errors')).toEqual([]);
    expect(await recordsProbe(officeProbe, 'errors')).toEqual([]);
    await recordsProbe(deskProbe, 'stop');
  },
);
