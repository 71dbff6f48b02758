import { readFile } from 'node:fs/promises';
import { expect, test } from './harness/fixtures';
import { officeWindowSizes } from './harness/page-actions';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { DisclosureDialog } from './pages/disclosure-dialog';
import { DisclosureLogPage } from './pages/disclosure-log-page';
import { sidewaysOverflow } from './pages/screen-fit';
import { SignInPage } from './pages/sign-in-page';
import { signOut } from './pages/staff-journey';
import { londonDate, ukDate } from './harness/london-dates';
import {
  addJay,
  careWorker,
  homeWithRestrictions,
  johnNoContact,
  manager,
  recordRestriction,
  signInAsCareWorker,
  switchUser,
} from './pages/door-home';

test.describe('the audit log in words', () => {
  test('a manager narrows the log to one person, one action, one young person and a day, then exports it', async ({
    app,
    page,
  }) => {
    // A home set up through its screens (two young people, a colleague's first sign-in) takes a while.
    test.setTimeout(240_000);
    await homeWithRestrictions(app, [johnNoContact], { staff: [{ ...careWorker }] });
    // A second young person, so "about Millie" has someone to leave out; on his page, his restriction.
    await addJay(page);
    await page.getByRole('link', { name: 'Jay Mensah' }).first().click();
    await recordRestriction(page, {
      name: 'Rob Patel',
      kind: 'Supervised contact only',
      authority: 'Care plan',
      reference: 'CP-2211',
    });
    // Tom signs in for the first time: his own entries, by him.
    await signInAsCareWorker(page);
    await switchUser(page, manager.username, manager.password);

    const frame = new AppFrame(page);
    const log = await AuditLogPage.open(page);
    await expect(log.heading).toBeVisible();
    await expect(log.summary).toHaveText(/^\d+ entries, newest first\.$/);
    // In words: no action codes or record-type codes anywhere in what is shown.
    await expect(log.entries.first()).toBeVisible();
    for (const what of await log.column('What')) expect(what).not.toMatch(/^[a-z-]+\.[a-z-]+$/);
    await expect(log.table).toContainText('Recorded a contact restriction');
    await expect(log.table).not.toContainText('restriction.recorded');
    await app.expectAccessible('audit log, everything');
    // Fits both office window sizes without sideways scrolling, long hashes and names included.
    for (const size of [...officeWindowSizes].reverse()) {
      await page.setViewportSize(size);
      expect(await sidewaysOverflow(page), `${size.width}x${size.height}`).toEqual([]);
    }
    await app.screenshot('1280 audit log, everything');

    // By person: only Tom's entries.
    await log.who.selectOption({ label: careWorker.name });
    await expect(log.summary).toHaveText(/^\d+ entries match, newest first\.$/);
    const byTom = await log.column('Who');
    expect(byTom.length).toBeGreaterThan(1);
    expect(new Set(byTom)).toEqual(new Set([careWorker.name]));
    expect(await log.column('What')).toEqual(expect.arrayContaining(['Signed in', 'Changed their password']));

    // By action and young person: the restriction recorded for Millie, by the manager, not Jay's.
    await log.who.selectOption({ label: manager.name });
    await log.what.selectOption({ label: 'Recorded a contact restriction' });
    await expect(log.summary).toHaveText('2 entries match, newest first.');
    await log.youngPerson.selectOption({ label: 'Millie Hughes' });
    await expect(log.summary).toHaveText('1 entry matches, newest first.');
    await expect(log.entries).toHaveCount(1);
    expect(await log.column('Record')).toEqual(['Contact restriction']);
    // Everything about Millie: her own record as well as her restriction, none of Jay's.
    await log.what.selectOption({ label: 'Any action' });
    await expect(log.table).toContainText('Added a young person');
    expect(await log.column('Record')).toEqual(
      expect.arrayContaining(['Young person: Millie Hughes', 'Contact restriction']),
    );
    expect(await log.column('Record')).not.toContain('Young person: Jay Mensah');
    await log.what.selectOption({ label: 'Recorded a contact restriction' });
    await expect(log.summary).toHaveText('1 entry matches, newest first.');

    // By date, on the home's clock: tomorrow has nothing yet; today has the restriction.
    const today = londonDate(0);
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await log.from.fill(ukDate(tomorrow));
    await expect(log.summary).toHaveText('0 entries match, newest first.');
    await expect(log.exportButton).toBeDisabled();
    await log.from.fill(ukDate(today));
    await log.to.fill(ukDate(today));
    await expect(log.summary).toHaveText('1 entry matches, newest first.');
    await app.checkScreen('audit log, filtered', { screenshot: '1280 audit log, filtered' });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await sidewaysOverflow(page)).toEqual([]);
    await app.screenshot('1366 audit log, filtered');

    // The export is a copy leaving the app: asked about first, then saved, then in both logs.
    const download = page.waitForEvent('download');
    await log.exportButton.click();
    const why = new DisclosureDialog(page);
    await expect(why.dialog).toContainText(
      'Audit log, 1 entry: by Priya Raman; Recorded a contact restriction; about Millie Hughes;',
    );
    await app.expectAccessible('audit log export, the disclosure question');
    await why.answer('Ofsted inspector', 'Ofsted inspection');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`audit-log-${today}.csv`);
    const lines = (await readFile(await file.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('No.,When,Who,What,Record,Detail');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^\d+,\d{2}\/\d{2}\/\d{4} \d{2}:\d{2},Priya Raman,Recorded a contact restriction,Contact restriction,noContact$/,
    );
    await expect(
      page.getByText('1 entry was saved as a CSV file, and the disclosure log notes why.'),
    ).toBeVisible();

    await log.clearButton.click();
    await log.what.selectOption({ label: 'Exported entries from the audit log' });
    await expect(log.summary).toHaveText('1 entry matches, newest first.');
    await expect(log.entries.first()).toContainText(/CSV, 1 entry, SHA-256 [0-9a-f]{64}/);

    await frame.open('Disclosure log');
    const disclosures = new DisclosureLogPage(page);
    await expect(disclosures.table).toContainText('Audit log, 1 entry: by Priya Raman');
    await expect(disclosures.table).toContainText('Ofsted inspector');
  });

  test('a manager scrolls a long log by keyboard, and entries before anyone signed in are found', async ({
    app,
    page,
  }) => {
    test.setTimeout(240_000);
    await homeWithRestrictions(app, [], {});
    // Three failed sign-ins: written before anyone holds the audit key, so by no one signed in.
    await signOut(page);
    const signIn = new SignInPage(page);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await signIn.signIn(manager.username, `wrong guess number ${attempt}`);
      await expect(page.getByRole('alert')).toContainText('do not match an account');
    }
    await signIn.signIn(manager.username, manager.password);
    // Enough entries to scroll: the manager checks the log a few times.
    const log = await AuditLogPage.open(page);
    for (let check = 0; check < 12; check += 1) {
      await log.checkIntact();
    }
    await log.who.selectOption({ label: 'Not signed in (failed sign-ins)' });
    await expect(log.summary).toHaveText('3 entries match, newest first.');
    expect(await log.column('What')).toEqual(['Failed sign-in', 'Failed sign-in', 'Failed sign-in']);
    expect(new Set(await log.column('Who'))).toEqual(new Set(['Not signed in']));

    await log.clearButton.click();
    // The whole log again: the summary says so once the search has finished.
    await expect(log.summary).toHaveText(/^\d+ entries, newest first\.$/);
    const total = Number((await log.summary.innerText()).match(/^(\d+)/)?.[1]);
    expect(total).toBeGreaterThan(20);
    // Keyboard: Tab reaches the list, End goes to the oldest entry (No. 1), Home back to the newest.
    await log.scroller.focus();
    await page.keyboard.press('End');
    await expect(
      log.entries.filter({ has: page.getByRole('cell', { name: '1', exact: true }) }),
    ).toBeVisible();
    await expect(log.entries.last()).toContainText('Set up the home');
    await page.keyboard.press('Home');
    await expect(log.entries.first()).toContainText(String(total));
    await app.expectAccessible('audit log, a long list');
  });
});
