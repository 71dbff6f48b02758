import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { careWorker, homeWithCareWorker, johnNoContact, manager, switchUser, tutor } from './pages/door-home';
import { breakTheOutbox, mendTheOutbox } from './pages/outbox-failure';
import { OutboxPage } from './pages/outbox-page';
import { RegisterPage } from './pages/register-page';

test.describe('a visitor turned away at the front door', () => {
  test('a care worker turns a barred visitor away at 9pm, and the manager sees it on the home screen', async ({
    app,
    page,
  }) => {
    // A long journey: three people sign in (each a key derivation), and every screen gets axe.
    test.setTimeout(240_000);
    const door = await homeWithCareWorker(
      app,
      [{ ...johnNoContact, description: 'Father; see the court bundle' }],
      { staff: [tutor], personalTutor: tutor.name },
    );
    const frame = new AppFrame(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await frame.open('Front door');
    await door.fill({ name: 'John Smith', visiting: ['Millie Hughes'], reason: 'Says it is his weekend' });
    await expect(door.blocked).toContainText('Do not admit. Speak to the duty manager.');
    await expect(door.blocked).not.toContainText('LS26C09999');
    await door.turnedAwayNote.fill('Left in a silver car when asked to wait for the duty manager');
    await app.checkScreen('front door: a barred visitor to turn away', {
      screenshot: '1366 care worker about to record turned away',
    });

    // Tired, the care worker presses the button twice: one record.
    await door.turnedAwayButton.dblclick();
    await expect(door.announcement).toContainText(/John Smith recorded as turned away at \d\d:\d\d\./);
    await expect(door.announcement).toContainText('The duty manager and the young person’s Personal Tutor');
    await expect(door.visitorName).toHaveValue('');
    await expect(door.blocked).toHaveCount(0);
    await expect(page.getByText('No visitors are signed in.')).toBeVisible();
    await app.screenshot('1366 turned away recorded');

    await frame.open('Visitor register');
    const register = new RegisterPage(page);
    await expect(register.row('John Smith')).toHaveCount(1);
    await expect(register.row('John Smith')).toContainText('Turned away');
    await expect(register.row('John Smith')).toContainText('Left in a silver car');
    await expect(register.row('John Smith')).toContainText('Turned away (refused)');
    await expect(register.row('John Smith')).not.toContainText('Still on site');
    await app.checkScreen('visitor register with someone turned away', {
      screenshot: '1366 register shows turned away',
    });

    await switchUser(page, manager.username, manager.password);
    await page.setViewportSize({ width: 1280, height: 800 });
    await frame.open('Home');
    const panel = page.getByRole('region', { name: 'Visitors turned away' });
    await expect(panel).toContainText('1 visitor turned away in the last 7 days.');
    await expect(panel).toContainText(`by ${careWorker.name}, asking for Millie Hughes`);
    await app.checkScreen('home with a visitor turned away', {
      screenshot: '1280 manager home lists the turned away visitor',
    });

    await panel.getByRole('link', { name: /^John Smith, / }).click();
    await expect(register.heading).toBeVisible();
    await expect(register.row('John Smith')).toHaveClass(/register-row--opened/);
    await app.screenshot('1280 the entry opened from the home screen');

    const log = await AuditLogPage.open(page);
    await expect(log.entry('Recorded a visitor turned away at the door')).toHaveCount(1);

    // The duty manager and Millie's PT are told, with her initials and a reference only.
    await frame.open('Outbox');
    const outbox = new OutboxPage(page);
    for (const email of [tutor.email, manager.email]) {
      const row = outbox.rowsTo(email).filter({ hasText: 'turned away' });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('M.H. (VR-');
      await expect(row).not.toContainText('John Smith');
    }
    await app.checkScreen('outbox with the turned-away alerts', {
      screenshot: '1280 outbox alerts for the turned away visitor',
    });
  });

  test('a care worker turns a barred visitor away while alerts cannot be queued: the entry is kept and she is told to tell the duty manager', async ({
    app,
    page,
  }) => {
    test.setTimeout(240_000);
    const door = await homeWithCareWorker(app, [johnNoContact]);
    const frame = new AppFrame(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await frame.open('Front door');
    await breakTheOutbox(page);
    await door.fill({ name: 'John Smith', visiting: ['Millie Hughes'], reason: 'Says it is his weekend' });
    await expect(door.blocked).toContainText('Do not admit.');
    await door.turnedAwayNote.fill('Left on foot');

    // Pressed twice in a hurry: one entry, and the one message that matters.
    await door.turnedAwayButton.dblclick();
    const notTold = page
      .getByRole('region', { name: 'Sign a visitor in' })
      .getByRole('alert')
      .filter({ hasText: /John Smith recorded as turned away at \d\d:\d\d, but the email alert/ });
    await expect(notTold).toContainText(
      'the duty manager and the young person’s Personal Tutor have not been told. Tell the duty manager now.',
    );
    await expect(door.visitorName).toHaveValue('');
    await app.checkScreen('front door: turned away, alert not queued', {
      screenshot: '1280 turned away but the alert could not be queued',
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.screenshot('1366 turned away but the alert could not be queued');

    // Pressed again for the same name a moment later: still one entry (the first is the record).
    await door.turnAway({ name: 'John Smith', visiting: ['Millie Hughes'], reason: 'Came back' });
    await mendTheOutbox(page);

    await frame.open('Visitor register');
    const register = new RegisterPage(page);
    await expect(register.row('John Smith')).toHaveCount(1);
    await expect(register.row('John Smith')).toContainText('Left on foot');

    // The manager finds it on her home screen and in the audit log, and no alert half-queued.
    await switchUser(page, manager.username, manager.password);
    await frame.open('Home');
    await expect(page.getByRole('region', { name: 'Visitors turned away' })).toContainText(
      '1 visitor turned away in the last 7 days.',
    );
    const log = await AuditLogPage.open(page);
    await expect(log.entry('Could not queue the email alert about a visitor turned away')).toHaveCount(1);
    await expect(log.entry('Recorded a visitor turned away at the door')).toHaveCount(1);
    await frame.open('Outbox');
    await expect(new OutboxPage(page).heading).toBeVisible();
    await expect(page.getByText('No alerts yet.')).toBeVisible();
  });
});
