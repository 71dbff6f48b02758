import { londonDate } from './harness/london-dates';
import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { CaseFileSettingsPage } from './pages/case-file-settings-page';
import { startContactForm } from './pages/contact-form-page';
import {
  deanSupervised,
  homeWithCareWorker,
  johnNoContact,
  manager,
  newHomeOn,
  switchUser,
  signInDeanToBeSupervised,
} from './pages/door-home';
import { ManagerHomePage } from './pages/manager-home-page';

test.describe('the registered manager’s home', () => {
  test('at the end of a day with a barred visitor turned away, an overdue form and a restricted visitor on site, the manager’s home shows all three', async ({
    app,
    page,
  }) => {
    // A long journey: two people sign in (each a key derivation), and every screen gets axe.
    test.setTimeout(300_000);
    const door = await homeWithCareWorker(app, [johnNoContact, deanSupervised]);
    const frame = new AppFrame(page);

    // The care worker recorded a phone call four days ago and never filed its form.
    const forms = await startContactForm(page, {
      youngPerson: 'Millie Hughes',
      kind: 'Phone call',
      date: londonDate(4),
      startTime: '18:15',
      minutes: 10,
      startedBy: 'The young person',
      whatHappened: 'Millie phoned her gran to say goodnight.',
    });
    await forms.saveButton.click();
    await expect(page.getByRole('heading', { name: /^Contact form CF-/ })).toBeVisible();

    // At the door: Dean is let in under supervision; John is turned away.
    await frame.open('Front door');
    await signInDeanToBeSupervised(door);
    await door.turnAway({
      name: 'John Smith',
      visiting: ['Millie Hughes'],
      reason: 'Says it is his weekend',
    });

    await switchUser(page, manager.username, manager.password);
    await page.setViewportSize({ width: 1280, height: 800 });
    await frame.open('Home');
    const home = new ManagerHomePage(page);
    await expect(home.overview).not.toContainText('Nothing to look at');
    // The care worker's form, not the manager's own: the count is across all staff.
    await expect(home.count(/^1 contact form overdue, all staff$/)).toBeVisible();
    await expect(home.count(/^1 visitor turned away today$/)).toBeVisible();
    await expect(home.count(/^1 visitor turned away in the last 7 days$/)).toBeVisible();
    await expect(home.count(/^1 visitor with a restriction on site now$/)).toBeVisible();
    // The manager approved both restrictions by recording them; nothing is waiting.
    await expect(home.count(/waiting for your approval/)).toHaveCount(0);
    // A new home has set-up gaps, named with the screen that puts each right.
    await expect(home.overview.getByRole('link', { name: 'Set up mail' })).toHaveAttribute(
      'href',
      '#/mail-settings',
    );
    await expect(home.overview).toContainText('No term dates for today');
    expect(await home.scrollsSideways()).toBe(false);
    await app.checkScreen('manager home at the end of the day', {
      screenshot: '1280 manager home shows the day',
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await home.scrollsSideways()).toBe(false);
    await app.screenshot('1366 manager home shows the day');

    // Each count leads to the records behind it.
    await home.count(/contact form overdue/).click();
    await expect(page.getByLabel('Status')).toHaveValue('overdue');
    await expect(page.getByRole('region', { name: 'Find a contact form' })).toContainText('Millie Hughes');
    await app.checkScreen('contact forms opened at the overdue ones', {
      screenshot: '1366 overdue forms behind the count',
    });

    await frame.open('Home');
    await home.count(/with a restriction on site now/).click();
    await expect(door.onSiteRow('Dean Hughes')).toContainText('Admitted under conditions');

    await frame.open('Home');
    await home.count(/turned away in the last 7 days/).click();
    const turnedAway = page.getByRole('region', { name: 'Visitors turned away' });
    await expect(turnedAway).toBeInViewport();
    await expect(turnedAway.getByRole('link', { name: /John Smith/ })).toBeVisible();

    // Keyboard: the first count is reached with Tab from the page and opens with Enter.
    await frame.open('Home');
    await home.count(/contact form overdue/).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Status')).toHaveValue('overdue');
  });

  test('a new home’s manager sees a set-up checklist that ticks itself off, and never “Nothing to look at” while gaps remain', async ({
    app,
    page,
  }) => {
    test.setTimeout(180_000);
    const frame = await newHomeOn(app, 'Home');
    const home = new ManagerHomePage(page);
    await expect(home.checklist).toContainText('0 of 7 done');
    await expect(home.step('Choose the case-file folder')).toContainText('To do');
    await expect(home.overview).not.toContainText('Nothing to look at');
    await expect(home.overview).toContainText('No case-file folder');
    await expect(home.overview).toContainText('No backup has been made yet.');
    await app.expectAccessible('a new home’s checklist');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await home.scrollsSideways()).toBe(false);
    await app.screenshot('1280 new home checklist');

    await home.step('Choose the case-file folder').getByRole('link').click();
    await new CaseFileSettingsPage(page).chooseFolder();

    await frame.open('Home');
    await expect(home.checklist).toContainText('1 of 7 done');
    await expect(home.step('Choose the case-file folder')).toContainText('Done');
    await expect(home.overview).not.toContainText('No case-file folder');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await home.scrollsSideways()).toBe(false);
    await app.checkScreen('the checklist with a step done', {
      screenshot: '1366 checklist ticks off the case-file folder',
    });
  });
});
