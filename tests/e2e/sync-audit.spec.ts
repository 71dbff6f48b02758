import { shortDeviceId } from '../../shared/sync/missing-changes';
import { journeyOnTwoComputers, signInDawnMorris } from './harness/two-computers';
import { expect } from './harness/fixtures';
import { officeWindowSizes } from './harness/page-actions';
import { recordsProbe } from './harness/sync-probe-page';
import { AuditLogPage } from './pages/audit-log-page';
import { DoorPage } from './pages/door-page';
import { managerSignsInTo, newHome } from './pages/door-home';
import { sidewaysOverflow } from './pages/screen-fit';

// One audit trail, many computers (docs/sync-design.md, "One audit chain per computer"): two
// computers of one home, each a browser context with its own IndexedDB and main process, syncing
// through a CouchDB-protocol server on loopback. As in sync-records.spec.ts, a probe page beside
// the app sets sync up and runs the app's record sync until the set-up screens exist.

journeyOnTwoComputers(
  'a visitor signed in at the front desk is in the office’s audit log, and the office finds both computers’ chains whole',
  { database: 'oak-house-audit', timeout: 240_000, home: newHome },
  async (computers, app) => {
    const { frontDesk, officeProbe, desk } = computers;
    await computers.startSyncing();

    // The office's manager has the audit log open; nobody has signed a visitor in yet.
    const log = await AuditLogPage.open(app.page);
    await expect(log.heading).toBeVisible();
    await expect(log.table).not.toContainText('Signed a visitor in');

    // At the front desk, the manager signs a visitor in.
    await managerSignsInTo(frontDesk.page, 'Front door');
    await signInDawnMorris(new DoorPage(frontDesk.page));

    // The front desk's entry reaches the office's log by itself (the list is live).
    await expect(log.table).toContainText('Signed a visitor in', { timeout: 20_000 });
    expect(await recordsProbe(officeProbe, 'problems')).toEqual([]);

    // The manager checks the log from the keyboard: one line per computer, both chains whole.
    // The front desk's last entries may still be mid-way (sync sends in pages), and the check
    // says so in a sentence of its own; the manager checks again until they are all here.
    const verdict = log.intact;
    const lines = verdict.getByRole('list', { name: 'Each computer’s chain' }).getByRole('listitem');
    await expect(async () => {
      await log.checkButton.focus();
      await app.page.keyboard.press('Enter');
      await expect(verdict).toBeVisible({ timeout: 20_000 });
      await expect(verdict).toContainText('every entry from all 2 computers checks out');
      await expect(lines).toHaveCount(2);
      await expect(lines.nth(0)).toHaveText(/^This computer: \d+ entries, chain whole\.$/);
      await expect(lines.nth(1)).toHaveText(
        // Set up through the probe, the front desk has no name here: it goes by the start of its id.
        new RegExp(`^Computer ${shortDeviceId(desk.deviceId)}: \\d+ entr(y|ies), chain whole\\.$`),
        { timeout: 2_000 },
      );
    }).toPass({ timeout: 40_000, intervals: [1_000, 2_000] });
    await app.expectAccessible('audit log, every computer’s chain checked');
    for (const size of officeWindowSizes) {
      await app.page.setViewportSize(size);
      expect(await sidewaysOverflow(app.page), `${size.width}x${size.height}`).toEqual([]);
      await app.screenshot(`${size.width} audit log, both computers’ chains whole`);
    }

    await computers.stopSyncingWithNoErrors();
  },
);
