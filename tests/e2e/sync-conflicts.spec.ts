import type { Locator, Page } from '@playwright/test';
import { shortDeviceId } from '../../shared/sync/missing-changes';
import { journeyOnTwoComputers } from './harness/two-computers';
import { expect, type AppDriver } from './harness/fixtures';
import { recordsProbe } from './harness/sync-probe-page';
import { AppFrame } from './pages/app-frame';
import { DoorPage } from './pages/door-page';
import { changeDean, deanSupervised, homeWithRestrictions, managerSignsInTo } from './pages/door-home';
import { ManagerHomePage } from './pages/manager-home-page';
import { expectFitsAtOfficeSizes } from './pages/screen-fit';

// Two computers of one home, set up as in sync-records.spec.ts (a probe page beside the app runs
// the record sync the set-up screens will start). Both go offline, the manager changes one
// restriction on each, and they reconnect: the same detail changed two ways waits for the
// manager's choice, the door on both holding the stricter version meanwhile; different details
// changed on each are combined with nobody asked; and the manager combines two versions detail
// by detail.

/** Dean Hughes's card on Millie's page, opened afresh. */
async function deanCard(page: Page): Promise<Locator> {
  await new AppFrame(page).open('Young people');
  await page.getByRole('link', { name: 'Millie Hughes' }).first().click();
  return page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: /^Dean Hughes:/ }) })
    .first();
}

/** Conditions long enough to wrap many times in the versions side by side. */
const longConditions =
  'Only in the family room, with two members of staff present throughout, never at the school gate, ' +
  'never on an outing, and not by phone, text, social media or letter unless the social worker ' +
  'has read it first; if he arrives without an arrangement, do not admit him and ring the duty ' +
  'social worker on the number in the placement plan before telling Millie he came.';

const conflictsPanel = (page: Page) => page.getByRole('region', { name: 'Changed on two computers at once' });

/** At the door, Dean Hughes arrives to see Millie: the check runs on his name. */
async function deanArrives(page: Page): Promise<DoorPage> {
  await new AppFrame(page).open('Front door');
  const door = new DoorPage(page);
  await door.fill({ name: 'Dean Hughes', reason: 'Family visit', visiting: ['Millie Hughes'] });
  return door;
}

/** The office sets the home up with Millie and Dean's supervised-contact order. */
const millieAndDeansOrder = (office: AppDriver) => homeWithRestrictions(office, [deanSupervised]);

journeyOnTwoComputers(
  'a restriction changed on two computers at once waits for the manager, the door holding the stricter; different details combine',
  { database: 'oak-house-conflicts', timeout: 300_000, home: millieAndDeansOrder },
  async (computers, app) => {
    const { frontDesk, officeProbe, deskProbe, office, desk } = computers;
    await computers.startSyncing();
    // Both hold the same home: nothing is changed on two computers.
    await managerSignsInTo(frontDesk.page, 'Home');
    await expect(frontDesk.page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(conflictsPanel(frontDesk.page)).toHaveCount(0);

    // Both offline; the office relaxes the order to a condition, the front desk tightens it to no contact.
    await computers.stopSyncing();
    await changeDean(app.page, { kind: 'Other (see the conditions)', conditions: 'May visit on Saturdays.' });
    await changeDean(frontDesk.page, { kind: 'No contact', conditions: '' });

    // Reconnected: the conflict is listed on both, with both versions where they differ.
    await computers.startSyncing();
    for (const [computer, other] of [
      [app, desk],
      [frontDesk, office],
    ] as const) {
      await new AppFrame(computer.page).open('Home');
      const panel = conflictsPanel(computer.page);
      await expect(panel).toContainText('1 record was changed on two computers at once', { timeout: 15_000 });
      const versions = panel.getByRole('table', { name: 'The versions of Contact restriction: Dean Hughes' });
      await expect(versions.getByRole('rowheader')).toHaveText(['Conditions', 'What is allowed']);
      await expect(versions.getByRole('row', { name: /What is allowed/ })).toContainText('No contact');
      await expect(versions.getByRole('row', { name: /What is allowed/ })).toContainText(
        'Other (see the conditions)',
      );
      await expect(versions.getByRole('columnheader', { name: /Changed on this computer/ })).toHaveCount(1);
      // Set up through the probe, the other computer has no name here: it goes by the start of its id.
      await expect(
        versions.getByRole('columnheader', { name: `Changed on computer ${shortDeviceId(other.deviceId)}` }),
      ).toHaveCount(1);
      await expect(versions.getByRole('button', { name: 'Keep this version' })).toHaveCount(2);
    }
    // The count at the top of the manager's home leads to the list.
    await new AppFrame(app.page).open('Home');
    const count = new ManagerHomePage(app.page).count(/record changed on two computers at once/);
    await expect(count).toContainText('1');
    await count.click();
    await expect(app.page).toHaveURL(/#\/home\/sync-conflicts$/);
    await expect(conflictsPanel(app.page)).toBeInViewport();
    await app.expectAccessible('changed on two computers at once');
    await expectFitsAtOfficeSizes(app, app.page, conflictsPanel(app.page), 'conflict-on-the-office-home');

    // Until the manager chooses, the door on both stops Dean: the stricter version holds.
    for (const computer of [app, frontDesk]) {
      const door = await deanArrives(computer.page);
      await expect(door.blocked).toBeVisible();
      await expect(door.warning).toHaveCount(0);
    }
    await frontDesk.screenshot('front desk door holds the stricter version');

    // On the office, the manager keeps the office's version, by keyboard.
    await new AppFrame(app.page).open('Home');
    const officeVersions = conflictsPanel(app.page).getByRole('table');
    const headers = await officeVersions.getByRole('columnheader').allInnerTexts();
    const officeColumn = headers.findIndex((header) => header.includes('Changed on this computer'));
    const keepOffice = officeVersions.getByRole('button', { name: 'Keep this version' }).nth(officeColumn);
    await expect(keepOffice).toHaveAccessibleDescription(/Changed on this computer/);
    await keepOffice.focus();
    await app.page.keyboard.press('Enter');
    await expect(conflictsPanel(app.page)).toHaveCount(0);
    await expect(new ManagerHomePage(app.page).count(/changed on two computers/)).toHaveCount(0);

    // Both hold the choice and the list is empty on both; the door lets Dean in on the terms.
    await new AppFrame(frontDesk.page).open('Home');
    await expect(frontDesk.page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(conflictsPanel(frontDesk.page)).toHaveCount(0, { timeout: 15_000 });
    for (const computer of [app, frontDesk]) {
      const door = await deanArrives(computer.page);
      await expect(door.warning).toContainText('May visit on Saturdays.');
      await expect(door.blocked).toHaveCount(0);
    }

    // Offline again: the office changes the reference, the front desk the conditions. Reconnected,
    // both are combined on both computers with nobody asked.
    await computers.stopSyncing();
    await changeDean(app.page, { reference: 'LS26C01234/V2' });
    await changeDean(frontDesk.page, { conditions: 'May visit on Saturdays, in the family room.' });
    await computers.startSyncing();
    for (const computer of [app, frontDesk]) {
      await expect
        .poll(async () => (await deanCard(computer.page)).innerText(), {
          timeout: 20_000,
          intervals: [1_000],
        })
        .toContain('LS26C01234/V2');
      await expect(await deanCard(computer.page)).toContainText(
        'May visit on Saturdays, in the family room.',
      );
      await new AppFrame(computer.page).open('Home');
      await expect(computer.page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
      await expect(conflictsPanel(computer.page)).toHaveCount(0, { timeout: 15_000 });
    }
    await app.screenshot('office after the different details were combined');

    // Offline once more: the office makes the order supervised contact with a new reference, the
    // front desk makes it no contact with long conditions of its own. Reconnected, the door holds
    // the stricter until the manager combines them detail by detail.
    await computers.stopSyncing();
    await changeDean(app.page, {
      kind: 'Supervised contact only',
      conditions: 'In the family room, with a member of staff.',
      reference: 'LS26C01234/V3',
    });
    await changeDean(frontDesk.page, { kind: 'No contact', conditions: longConditions });
    await computers.startSyncing();
    await new AppFrame(app.page).open('Home');
    const panel = conflictsPanel(app.page);
    await expect(panel).toContainText('1 record was changed on two computers at once', { timeout: 15_000 });
    for (const computer of [app, frontDesk]) {
      const door = await deanArrives(computer.page);
      await expect(door.blocked).toBeVisible({ timeout: 15_000 });
    }

    // On the office, by keyboard only: open the combining, take what is allowed from this
    // computer and the conditions from the front desk. The reference, changed here only, is kept.
    await new AppFrame(app.page).open('Home');
    const summary = panel.getByText('Or combine them: choose each detail from either version');
    await summary.focus();
    await app.page.keyboard.press('Enter');
    const combining = panel.getByRole('form', {
      name: 'Combine the versions of Contact restriction: Dean Hughes',
    });
    await expect(combining.getByRole('group')).toHaveText([/^Conditions/, /^What is allowed/]);
    const allowed = combining.getByRole('group', { name: 'What is allowed' });
    const fromHere = allowed.getByRole('radio', {
      name: /^Changed on this computer: Supervised contact only/,
    });
    await fromHere.focus();
    await app.page.keyboard.press('Space');
    await expect(fromHere).toBeChecked();
    // Asked to keep them before every detail is chosen, it says what is missing and keeps nothing.
    await combining.getByRole('button', { name: 'Keep these values' }).focus();
    await app.page.keyboard.press('Enter');
    await expect(panel.getByRole('alert')).toHaveText('Choose the value to keep for “Conditions”.');
    await app.expectAccessible('combining the versions of a restriction');
    await expectFitsAtOfficeSizes(app, app.page, combining, 'combining-a-long-restriction');

    const fromDesk = combining
      .getByRole('group', { name: 'Conditions' })
      .getByRole('radio', { name: /^Changed on computer / });
    await fromDesk.focus();
    await app.page.keyboard.press('Space');
    await expect(fromDesk).toBeChecked();
    await combining.getByRole('button', { name: 'Keep these values' }).focus();
    await app.page.keyboard.press('Enter');
    await expect(conflictsPanel(app.page)).toHaveCount(0);

    // Both hold the combination: supervised contact on the front desk's conditions, with the
    // office's reference; the door lets Dean in on those terms on both.
    await new AppFrame(frontDesk.page).open('Home');
    await expect(frontDesk.page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(conflictsPanel(frontDesk.page)).toHaveCount(0, { timeout: 15_000 });
    for (const computer of [app, frontDesk]) {
      const card = await deanCard(computer.page);
      await expect(card).toContainText('LS26C01234/V3');
      await expect(card).toContainText('Supervised contact only');
      const door = await deanArrives(computer.page);
      await expect(door.warning).toContainText('two members of staff');
      await expect(door.blocked).toHaveCount(0);
    }
    await app.screenshot('office after the versions were combined');

    expect(await recordsProbe(officeProbe, 'problems')).toEqual([]);
    expect(await recordsProbe(deskProbe, 'problems')).toEqual([]);
    await computers.stopSyncingWithNoErrors();
  },
);
