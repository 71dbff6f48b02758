import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { addMillie, johnNoContact, manager, newHomeOn, recordRestriction } from './pages/door-home';
import { MailSettingsPage, type MailServer } from './pages/outbox-mail-settings-page';
import { OutboxPage, openedExternally } from './pages/outbox-page';
import { PanGroupSection } from './pages/pan-group-section';
import { StaffAccountsPage } from './pages/staff-accounts-page';
import {
  makeTestCertificates,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../unit/electron/services/mail/smtp-test-server';

const tutor = {
  name: 'Tom Tutor',
  username: 'ttutor',
  email: 'tom.tutor@oakfield.example',
  role: 'Personal Tutor',
  temporaryPassword: 'copper kettle drizzle harbour',
};
const socialWorker = { name: 'Sam Social', role: 'Social worker', email: 'sam.social@council.example' };
const smtpPassword = 'correct horse battery staple';

async function openMillie(page: Page): Promise<void> {
  await new AppFrame(page).open('Young people');
  await page.getByRole('link', { name: 'Millie Hughes' }).first().click();
}

const servers: TestSmtpServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

test.describe('PAN alerts and the outbox', () => {
  test('a manager sets up a PAN group, sends alerts from her mail client, then over TLS, and deals with failures', async ({
    app,
    page,
  }) => {
    // One long journey on a shared two-core machine: generous, so only a real fault fails it.
    test.setTimeout(480_000);
    const certificates = makeTestCertificates();
    const smtp = await startTestSmtpServer({
      certificates,
      user: 'alerts@oakfield.example',
      password: smtpPassword,
    });
    servers.push(smtp);

    const frame = await newHomeOn(app, 'Staff accounts');
    await new StaffAccountsPage(page).add(tutor);
    await addMillie(page, tutor.name);

    // The PAN group: Tom (PT) is always told; the social worker asks for restriction changes.
    const pan = new PanGroupSection(page);
    await expect(pan.row(tutor.name)).toContainText('Always, about everything');
    await pan.addOutsideAdult({
      ...socialWorker,
      toldWhen: ['A contact restriction is added, changed or ended', 'A contact form is filed'],
    });
    await expect(pan.section.getByRole('status')).toContainText('Added to the PAN group.');
    await expect(pan.row(socialWorker.name)).toContainText(
      'A contact restriction is added, changed or ended',
    );
    await expect(pan.row(socialWorker.name)).toContainText(socialWorker.email);
    await app.checkScreen('young person’s page with the PAN group', {
      screenshot: 'PAN group on the young person’s page',
    });

    // A restriction is recorded: both are alerted, but mail is not set up, so the alerts wait.
    await recordRestriction(page, johnNoContact);
    await frame.open('Outbox');
    const outbox = new OutboxPage(page);
    await expect(outbox.heading).toBeVisible();
    await expect(outbox.notSetUp).toBeVisible();
    await expect(outbox.bodyRows()).toHaveCount(2);
    await expect(outbox.rowsTo(tutor.email)).toContainText('a contact restriction was added for M.H.');
    await expect(outbox.rowsTo(socialWorker.email)).toContainText('Waiting');
    // Why they wait is said once, in the banner, not again on every row.
    await expect(outbox.table).not.toContainText('Mail is not set up');
    await expect(outbox.notSetUp.getByRole('link', { name: 'Go to Mail settings' })).toHaveAttribute(
      'href',
      '#/mail-settings',
    );
    // Each says what raised it, and who.
    await expect(outbox.rowsTo(tutor.email)).toContainText(
      `a contact restriction was added, raised by ${manager.name}`,
    );
    await expect(page.getByRole('button', { name: 'Send all waiting now' })).toHaveCount(0);
    await expect(outbox.table).not.toContainText('LS26C09999');
    await app.checkScreen('outbox without mail settings', {
      screenshot: 'outbox waiting without mail settings',
    });

    // Sent from the manager's own mail client: only a mailto: to that one person is opened.
    await outbox.openInMailClient(outbox.rowsTo(socialWorker.email));
    const opened = openedExternally(app);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(
      /^mailto:sam\.social@council\.example\?subject=Family%20Links%3A%20a%20contact%20restriction%20was%20added%20for%20M\.H\./,
    );
    expect(opened[0]).not.toMatch(/Amelia|Hughes|Millie/);
    await outbox
      .rowsTo(socialWorker.email)
      .getByRole('button', { name: /^Mark as sent/ })
      .click();
    await expect(outbox.rowsTo(socialWorker.email)).toContainText('Sent from a mail client');
    // Tom heard at the meeting: his alert is cancelled by hand.
    await outbox
      .rowsTo(tutor.email)
      .getByRole('button', { name: /^Cancel/ })
      .click();
    await expect(outbox.rowsTo(tutor.email)).toContainText('Cancelled');

    // Mail settings: a wrong password gives the exact reason; the right one sends the test message.
    await frame.open('Mail settings');
    const mail = new MailSettingsPage(page);
    await expect(mail.heading).toBeVisible();
    const server: MailServer = {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'STARTTLS',
      username: 'alerts@oakfield.example',
      password: 'not the password',
      fromAddress: 'alerts@oakfield.example',
      caPem: certificates.caPem,
    };
    await mail.fill(server);
    await mail.save();
    await expect(mail.form.getByRole('status')).toContainText('Mail settings saved.');
    await mail.sendTest(manager.email);
    await expect(mail.testForm.getByRole('alert')).toContainText(
      'The mail server did not accept the user name or password, so nothing was sent.',
    );
    // The first save's confirmation stays once the screen has read the saved settings back.
    await expect(mail.form.getByRole('status')).toContainText('Mail settings saved.');
    await app.checkScreen('mail settings with a failed test', {
      screenshot: 'mail settings: wrong password',
    });
    await mail.form.getByLabel('Password', { exact: true }).fill(smtpPassword);
    await mail.save();
    await expect(mail.form.getByRole('status')).toContainText('Mail settings saved.');
    await expect(mail.form.getByLabel('Password', { exact: true })).toHaveValue('');
    await mail.sendTest(manager.email);
    await expect(mail.testForm.getByRole('status')).toContainText(
      `The test message was sent to ${manager.email}.`,
    );
    expect(smtp.received.map((received) => received.envelopeTo)).toContainEqual([manager.email]);
    await app.screenshot('mail settings: test message sent');

    // Ending the restriction alerts both again, now over TLS.
    await openMillie(page);
    await page.getByRole('button', { name: 'End restriction' }).click();
    await page.getByLabel('Why is it ending?').fill('Court order discharged this morning');
    await page.getByRole('button', { name: 'End restriction' }).click();
    await page.getByRole('button', { name: 'Yes, end the restriction' }).click();
    await expect
      .poll(() => smtp.received.filter((received) => received.parsed.subject?.includes('M.H.')).length, {
        timeout: 45_000,
      })
      .toBe(2);
    const alerts = smtp.received.filter((received) => received.parsed.subject?.includes('M.H.'));
    expect(alerts.map((received) => received.envelopeTo.join()).sort()).toEqual(
      [socialWorker.email, tutor.email].sort(),
    );
    for (const received of alerts) {
      expect(received.wasEncrypted).toBe(true);
      expect(`${received.parsed.subject ?? ''} ${received.parsed.text ?? ''}`).not.toMatch(
        /Amelia|Hughes|Millie|John Smith|LS26C09999/,
      );
      expect(received.parsed.text).toContain('Open Family Links to read it.');
    }
    await frame.open('Outbox');
    await expect(
      outbox.table.getByRole('row').filter({ hasText: 'a contact restriction ended for M.H.' }),
    ).toHaveCount(2);
    await expect(outbox.rowsTo(tutor.email).filter({ hasText: 'server id' })).toHaveCount(1);
    // With mail set up alerts go by themselves; the button only hurries what is waiting.
    await page.getByRole('button', { name: 'Send all waiting now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Nothing is waiting to send.' })).toBeVisible();
    await app.screenshot('outbox: sent over TLS');

    // A server that offers no STARTTLS: nothing is sent, the alerts fail with the reason, and a badge shows.
    const plainServer = await startTestSmtpServer({
      certificates,
      user: 'alerts@oakfield.example',
      password: smtpPassword,
      hideStartTls: true,
    });
    servers.push(plainServer);
    await frame.open('Mail settings');
    await mail.form.getByLabel('Port', { exact: true }).fill(String(plainServer.port));
    // The stored password is bound to the server it was saved for: another port needs it typed again.
    await mail.save();
    await expect(mail.form.getByRole('alert')).toContainText('needs it typed again');
    await expect(mail.form.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
      /Type the password again/,
    );
    await app.checkScreen('mail settings: password needed for a new server');
    await mail.form.getByLabel('Password', { exact: true }).fill(smtpPassword);
    await mail.save();
    await expect(mail.form.getByRole('status')).toContainText('Mail settings saved.');
    await openMillie(page);
    await recordRestriction(page, { ...johnNoContact, name: 'Mark Jones' });
    await expect(frame.navigation.getByRole('link', { name: 'Outbox (2 messages failed)' })).toBeVisible({
      timeout: 45_000,
    });
    expect(plainServer.received).toHaveLength(0);
    await frame.open('Outbox (2 messages failed)');
    await outbox.show.selectOption({ label: 'Failed' });
    await expect(outbox.bodyRows()).toHaveCount(2);
    await expect(outbox.rowsTo(tutor.email)).toContainText(
      'did not offer an encrypted connection (STARTTLS), so nothing was sent',
    );
    await app.checkScreen('outbox with failed messages', { screenshot: 'outbox: failed, with the badge' });

    // Back to the right server: one is tried again and goes, the other is cancelled; the badge clears.
    await frame.open('Mail settings');
    await mail.form.getByLabel('Port', { exact: true }).fill(String(smtp.port));
    await mail.form.getByLabel('Password', { exact: true }).fill(smtpPassword);
    await mail.save();
    await expect(mail.form.getByRole('status')).toContainText('Mail settings saved.');
    await frame.open('Outbox (2 messages failed)');
    await outbox
      .rowsTo(tutor.email)
      .getByRole('button', { name: /^Try again/ })
      .first()
      .click();
    await outbox.show.selectOption({ label: 'Failed' });
    await expect(outbox.bodyRows()).toHaveCount(1, { timeout: 45_000 });
    await outbox
      .rowsTo(socialWorker.email)
      .getByRole('button', { name: /^Cancel/ })
      .click();
    await expect(page.getByText('No messages are failed.')).toBeVisible();
    await expect(frame.navigation.getByRole('link', { name: 'Outbox', exact: true })).toBeVisible();
    await expect
      .poll(
        () =>
          smtp.received.filter((received) =>
            received.parsed.subject?.includes('a contact restriction was added for M.H.'),
          ).length,
        { timeout: 45_000 },
      )
      .toBe(1);
    await outbox.show.selectOption({ label: 'All messages' });
    await app.checkScreen('outbox after retry and cancel', { screenshot: 'outbox: after retry and cancel' });

    // Every message that left is in the disclosure log; the two cancelled before they went are not.
    await frame.open('Disclosure log');
    await expect(page.getByRole('row').filter({ hasText: socialWorker.email })).toHaveCount(2);
    await expect(page.getByRole('row').filter({ hasText: tutor.email })).toHaveCount(2);

    // Stopping email: the settings and password go, and the outbox says alerts will wait.
    await frame.open('Mail settings');
    await page.getByRole('button', { name: 'Remove mail settings' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Mail settings and the stored password are removed.' }),
    ).toBeVisible();
    await expect(mail.form.getByLabel('Mail server')).toHaveValue('');
    await frame.open('Outbox');
    await expect(outbox.notSetUp).toBeVisible();
  });
});
