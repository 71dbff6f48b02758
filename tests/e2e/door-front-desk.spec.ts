import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { homeWithCareWorker, johnNoContact, manager, smallTargets, switchUser } from './pages/door-home';
import { RegisterPage } from './pages/register-page';

test.describe('the door screen at a front desk', () => {
  test('a care worker at a 1366x768 touchscreen signs visitors in and out, and puts back one signed out by mistake', async ({
    app,
    page,
  }) => {
    // A long journey: three people sign in (each a key derivation), and every screen gets axe.
    test.setTimeout(240_000);
    // The page's clock runs as usual until the test moves it on (for the 2 minutes below).
    await page.clock.install();
    const door = await homeWithCareWorker(app, [johnNoContact]);
    const frame = new AppFrame(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await frame.open('Front door');

    // The check's answer is beside the name field, above the fold, whatever it says.
    for (const [name, answer] of [
      ['Dawn Morris', door.clear],
      ['John Smith', door.blocked.getByRole('heading', { name: 'Do not admit. Speak to the duty manager.' })],
    ] as const) {
      await door.visitorName.fill(name);
      await expect(answer).toBeVisible();
      await page.evaluate('window.scrollTo(0, 0)');
      const field = await door.visitorName.boundingBox();
      const shown = await answer.boundingBox();
      if (!field || !shown) throw new Error('The name field or the answer is not on screen');
      expect(shown.x).toBeGreaterThan(field.x + field.width);
      expect(shown.y + shown.height).toBeLessThanOrEqual(768);
    }
    await app.screenshot('1366 the answer beside the name');

    // Targets a finger can hit.
    expect(await smallTargets(door.form)).toEqual([]);

    await door.signIn({ name: 'Dawn Morris', organisation: 'Mum', reason: 'Family visit', badge: '7' });
    // The next visitor's name clears the last one's confirmation.
    await door.visitorName.pressSequentially('Ga');
    await expect(door.announcement).toHaveCount(0);

    // The same button twice: one entry.
    await door.fill({ name: 'Gary Price', organisation: 'Plumber', reason: 'Boiler repair', badge: '8' });
    await door.signInButton.dblclick();
    await expect(door.announcement).toContainText('Gary Price signed in at');
    await expect(door.onSite.getByRole('listitem')).toHaveCount(2);

    // "Sign <name> out" on the visitor, well apart from the app's own "Sign out".
    const sessionSignOut = page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true });
    const visitorSignOut = door.signOutButton('Dawn Morris');
    await expect(visitorSignOut).toHaveText('Sign Dawn Morris out');
    const [own, hers] = await Promise.all([sessionSignOut.boundingBox(), visitorSignOut.boundingBox()]);
    if (!own || !hers) throw new Error('A sign-out button is not on screen');
    expect(Math.abs(hers.y - own.y)).toBeGreaterThan(100);
    expect(await smallTargets(page.getByRole('region', { name: /^On site now/ }))).toEqual([]);
    await app.checkScreen('front door with two visitors, care worker at 1366x768', {
      screenshot: '1366 two on site',
    });

    // Signed out by mistake, and put back within 2 minutes.
    await door.signOut('Dawn Morris');
    await expect(door.onSiteMessage).toContainText('Dawn Morris signed out at');
    await expect(door.putBackButton('Dawn Morris')).toBeVisible();
    await app.checkScreen('front door: just signed out', { screenshot: '1366 put back within 2 minutes' });
    await door.putBackButton('Dawn Morris').click();
    await expect(door.onSiteMessage).toContainText('Dawn Morris is back on site.');
    await expect(door.onSiteRow('Dawn Morris')).toContainText('badge 7');
    await expect(door.putBackButton('Dawn Morris')).toHaveCount(0);

    // After 2 minutes the button goes: the register's correction is the way.
    await door.signOut('Gary Price');
    await expect(door.putBackButton('Gary Price')).toBeVisible();
    await page.clock.fastForward('02:05');
    await expect(door.putBackButton('Gary Price')).toHaveCount(0);
    await expect(door.recentlySignedOut).toHaveCount(0);

    await frame.open('Visitor register');
    const register = new RegisterPage(page);
    await expect(register.row('Dawn Morris')).toContainText('Still on site');
    await register.amended('Dawn Morris').click();
    await expect(register.table).toContainText('What was wrong: Signed out by mistake: put back on site');
    await app.screenshot('1366 register keeps the put-back as a correction');

    await register
      .row('Gary Price')
      .getByRole('button', { name: 'Correct this entry for Gary Price' })
      .click();
    await register.correctionForm.getByLabel('What was wrong?').fill('He was still fixing the boiler');
    await register.correctionForm
      .getByLabel('They have not left: signed out by mistake, put them back on site')
      .check();
    await register.correctionForm.getByRole('button', { name: 'Save the correction' }).click();
    await expect(register.confirmation).toContainText('The entry for Gary Price was corrected');
    await expect(register.row('Gary Price')).toContainText('Still on site');

    await switchUser(page, manager.username, manager.password);
    await page.setViewportSize({ width: 1280, height: 800 });
    const log = await AuditLogPage.open(page);
    await expect(log.entry('Put back on site a visitor signed out by mistake')).toHaveCount(1);
    await frame.open('Front door');
    await expect(door.onSite.getByRole('listitem')).toHaveCount(2);
    await app.screenshot('1280 both back on site');
  });
});
