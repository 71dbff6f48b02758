import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import {
  deanSupervised,
  homeWithCareWorker,
  johnNoContact,
  karenMustNotCollect,
  manager,
  switchUser,
  signInDeanToBeSupervised,
} from './pages/door-home';

/** What only those who arrange contact may read: never on the door's lists (DESIGN rule 8). */
const courtOrderDetails = [/LS26C01234/, /Court order/, /assault/i, /NWP-88/];

test.describe('conditions stay in sight', () => {
  test('a visitor admitted under conditions is marked, in words, on site, on the fire roll and on the handover', async ({
    app,
    page,
  }) => {
    // A long journey: three people sign in (each a key derivation), and every screen gets axe.
    test.setTimeout(240_000);
    const door = await homeWithCareWorker(app, [
      deanSupervised,
      karenMustNotCollect,
      // The same order as Dean's: its reference must not show either.
      { ...johnNoContact, reference: 'LS26C01234' },
    ]);
    const frame = new AppFrame(page);
    await frame.open('Front door');

    await signInDeanToBeSupervised(door);
    await door.signInOnTerms({
      name: 'Karen Hughes',
      visiting: ['Millie Hughes'],
      reason: 'Birthday visit',
      badge: '5',
    });
    await door.signIn({ name: 'Gary Price', organisation: 'Plumber', reason: 'Boiler repair', badge: '6' });
    await door.turnAway({ name: 'John Smith', visiting: ['Millie Hughes'], reason: 'Wants to see her' });

    const dean = door.onSiteRow('Dean Hughes');
    await expect(dean).toContainText('Admitted under conditions');
    await expect(dean).toContainText(
      'Supervised contact only. Family room only. Ask him to leave if he is intoxicated. The named member of staff must supervise throughout.',
    );
    await expect(dean).toContainText(`Supervised by ${manager.name}.`);
    await expect(door.onSiteRow('Karen Hughes')).toContainText(
      'They must not collect the young person or leave with them.',
    );
    await expect(door.onSiteRow('Gary Price')).not.toContainText('conditions');
    for (const detail of courtOrderDetails) await expect(door.onSite).not.toContainText(detail);
    // Large enough to read from across the room.
    await expect(dean.getByText('The named member of staff must supervise throughout.')).toHaveCSS(
      'font-size',
      '20px',
    );
    await app.checkScreen('front door: visitors on site under conditions', {
      screenshot: '1280 on site with conditions',
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.screenshot('1366 on site with conditions');

    await page.evaluate('window.print = () => {}');
    await door.printFireRollButton.click();
    await expect(door.fireRollRow('Dean Hughes')).toContainText('Supervised by Priya Raman.');
    await expect(door.fireRollRow('Karen Hughes')).toContainText('must not collect the young person');
    await expect(door.fireRollRow('Gary Price')).toContainText('None');
    for (const detail of courtOrderDetails) await expect(door.fireRollTable).not.toContainText(detail);
    await app.checkScreen('fire roll with conditions', { screenshot: '1366 fire roll with conditions' });
    await page.getByRole('button', { name: 'Back to the front door' }).click();

    // Gary leaves; the handover at the end of the shift.
    await door.signOut('Gary Price');
    await door.handoverButton.click();
    const handover = page.getByRole('heading', {
      level: 1,
      name: 'Handover at the front door: Oakfield House',
    });
    await expect(handover).toBeVisible();
    const onSite = page.getByRole('region', { name: /^On site now/ });
    await expect(onSite).toContainText('Dean Hughes');
    await expect(onSite).toContainText('Family room only');
    await expect(page.getByRole('region', { name: /^Came and went/ })).toContainText('Gary Price');
    await expect(page.getByRole('region', { name: /^Turned away/ })).toContainText('John Smith');
    await expect(page.getByRole('region', { name: /^Restrictions overridden/ })).toContainText(
      'No restriction was overridden.',
    );
    for (const detail of courtOrderDetails) await expect(page.getByRole('main')).not.toContainText(detail);
    await app.checkScreen('handover list', { screenshot: '1366 handover list' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.screenshot('1280 handover list');

    // The manager sees the same marks.
    await page.getByRole('button', { name: 'Back to the front door' }).click();
    await switchUser(page, manager.username, manager.password);
    await frame.open('Front door');
    await expect(door.onSiteRow('Dean Hughes')).toContainText('Family room only');
  });
});
