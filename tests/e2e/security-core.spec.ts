import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { openAppDatabase } from './harness/in-page-database';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { addMillie, manager, managerSignsInTo, newHome, newHomeOn, setUpHome } from './pages/door-home';
import { FirstRunSetupPage } from './pages/first-run-setup-page';
import { LockScreenPage } from './pages/lock-screen-page';
import { SignInPage } from './pages/sign-in-page';
import { StaffAccountsPage } from './pages/staff-accounts-page';
import { signOut } from './pages/staff-journey';

const careWorker = {
  name: 'Tom Hughes',
  username: 'thughes',
  email: 'tom.hughes@oakfield.example',
  role: 'Care staff',
  temporaryPassword: 'copper kettle drizzle harbour',
};

/**
 * Every object store's rows as text, read with IndexedDB directly and no key at all. Bytes are
 * decoded as text too, so a name hidden in a buffer would still be found. It runs in the page, and
 * this project's Node tsconfig has no DOM types, so it is written as plain JavaScript.
 */
const readWholeDatabase = `(async () => {
  const db = await ${openAppDatabase};
  const decoder = new TextDecoder();
  const asText = (_key, value) => (value instanceof ArrayBuffer || value instanceof Uint8Array ? decoder.decode(value) : value);
  const texts = [];
  for (const name of Array.from(db.objectStoreNames)) {
    const rows = await new Promise((resolve) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
    });
    texts.push(JSON.stringify(rows, asText));
  }
  db.close();
  return texts.join('\\n');
})()`;

/** Adds a row to a store with IndexedDB directly, as someone at the computer could from outside the app. */
const plantRow = (store: string, row: Record<string, unknown>) => `(async () => {
  const db = await ${openAppDatabase};
  await new Promise((resolve, reject) => {
    const transaction = db.transaction(${JSON.stringify(store)}, 'readwrite');
    transaction.objectStore(${JSON.stringify(store)}).add(${JSON.stringify(row)});
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
})()`;

async function rawDatabaseText(page: Page): Promise<string> {
  const text: unknown = await page.evaluate(readWholeDatabase);
  if (typeof text !== 'string') throw new Error('The database could not be read');
  return text;
}

test.describe('the security core', () => {
  test('a manager sets up the home, adds a care worker, and the care worker must choose their own password', async ({
    app,
    page,
  }) => {
    await app.startEmpty();
    const setup = new FirstRunSetupPage(page);
    await expect(setup.heading).toBeVisible();
    await app.expectAccessible('first-run setup');
    await setUpHome(page);

    const frame = new AppFrame(page);
    await frame.open('Staff accounts');
    const staff = new StaffAccountsPage(page);
    await staff.add(careWorker);
    await expect(staff.confirmation).toContainText('Tom Hughes can now sign in as thughes');
    await expect(staff.row('Tom Hughes')).toContainText('must choose a new password');
    await app.checkScreen('staff accounts', { screenshot: 'staff accounts with a new care worker' });

    await signOut(page);
    const signIn = new SignInPage(page);
    await expect(signIn.heading).toBeVisible();
    await expect(page.getByText('Tom Hughes')).toHaveCount(0);
    await app.expectAccessible('sign in');

    await signIn.signIn(careWorker.username, careWorker.temporaryPassword);
    await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
    // A new account: nobody reset anything, so the screen does not say so.
    await expect(page.getByText('reset by the manager')).toHaveCount(0);
    await app.screenshot('forced password change');
    await page.getByLabel('Temporary password').fill(careWorker.temporaryPassword);
    await page.getByLabel('New password', { exact: true }).fill('velvet thunder orchid canal');
    await page.getByLabel('Type the new password again').fill('velvet thunder orchid canal');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(frame.signedInAs).toContainText('Tom Hughes');
    // A care worker's navigation has no staff, audit or settings screens.
    await expect(frame.navigation.getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);
    await expect(frame.navigation.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  });

  test('five wrong passwords lock the account, and the manager sees it in the audit log', async ({
    app,
    page,
  }) => {
    await page.clock.install();
    await newHome(app);
    await signOut(page);
    const signIn = new SignInPage(page);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await signIn.signIn(manager.username, `wrong guess number ${attempt}`);
      await expect(page.getByRole('alert')).toContainText('do not match an account');
    }
    await signIn.signIn(manager.username, 'wrong guess number 5');
    await expect(page.getByRole('alert')).toContainText('locked for 5 minutes');
    await app.screenshot('locked out after five wrong passwords');
    await signIn.signIn(manager.username, manager.password);
    await expect(page.getByRole('alert')).toContainText('locked');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

    // Five minutes later the right password works, and the log says what happened meanwhile.
    await page.clock.fastForward('05:01');
    await managerSignsInTo(page, 'Audit log');
    const log = new AuditLogPage(page);
    await expect(log.entry('Failed sign-in')).toHaveCount(5);
    const lockedOut = log.entry('Account locked after wrong passwords');
    await expect(lockedOut).toHaveCount(1);
    // Until when, on the home's clock like every other time on the screen, not as stored.
    await expect(lockedOut).toContainText(/until \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
    await expect(lockedOut).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
    await log.checkIntact();
    // The main process holds its own copy of the log's end, outside the browser's database.
    if (app.runtime === 'harness') {
      const anchor = JSON.parse(
        await readFile(join(app.tempDir, 'user-data', 'audit-anchor.json'), 'utf8'),
      ) as { seq: number };
      expect(anchor.seq).toBeGreaterThanOrEqual(11);
    }
    await app.checkScreen('audit log', { screenshot: 'audit log after a lockout' });
  });

  test('a manager renews her own signing certificate, and her settings changes still go through', async ({
    app,
    page,
  }) => {
    const frame = await newHomeOn(app, 'Staff accounts');
    const staff = new StaffAccountsPage(page);
    const mine = staff.table.getByRole('row').filter({ hasText: manager.username });
    await mine.getByRole('button', { name: 'Renew my certificate' }).click();
    const form = page.getByRole('form', { name: 'Renew my certificate' });
    await expect(page.getByRole('heading', { name: 'Renew my certificate' })).toBeFocused();
    await form.getByLabel('Your password').fill('not my password');
    await form.getByRole('button', { name: 'Renew my certificate' }).click();
    await expect(page.getByRole('alert')).toContainText('That password is not right');
    await app.expectAccessible('renew my certificate');
    await form.getByLabel('Your password').fill(manager.password);
    await form.getByRole('button', { name: 'Renew my certificate' }).click();
    await expect(page.getByRole('status')).toContainText('Your new signing certificate is valid until', {
      timeout: 30_000,
    });
    await app.screenshot('certificate renewed');

    // A manager-only change is proved with the new key, and goes through.
    await frame.open('Backups');
    await page.getByLabel('Back up every (days)').fill('3');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await expect(page.locator('.banner--success')).toContainText('Saved: a backup every 3 days');
    const log = await AuditLogPage.open(page);
    await expect(log.entry('Renewed their signing certificate')).toContainText('roles: Registered Manager');
  });

  test('a failed sign-in planted in the browser’s database, and a removed record of the log’s end, are both shown to the manager', async ({
    app,
    page,
  }) => {
    await newHome(app);
    await signOut(page);
    const signIn = new SignInPage(page);
    // A real failed sign-in, stamped by the main process...
    await signIn.signIn(manager.username, 'not my password');
    await expect(page.getByRole('alert')).toContainText('do not match an account');
    // ...and one written into IndexedDB from outside the app, without the main process's stamp.
    await page.evaluate(
      plantRow('pendingAudit', {
        action: 'session.sign-in-failed',
        recordType: 'staff',
        recordId: 'someone-else',
        at: '2026-01-01T09:00:00.000Z',
      }),
    );
    await managerSignsInTo(page, 'Audit log');
    const log = new AuditLogPage(page);
    const failures = log.entry('Failed sign-in');
    await expect(failures).toHaveCount(2);
    await expect(failures.filter({ hasText: 'not verified' })).toHaveCount(1);
    await expect(failures.filter({ hasText: 'not verified' })).toContainText('1 Jan 2026');
    await log.checkIntact();
    const history = page.getByRole('table', { name: 'History of this record, newest first' });
    await expect(history.getByRole('row').nth(1)).toContainText('Started');

    // Someone removes the main process's record of where the log ends (once the check's own entry
    // has reached it): the next check cannot vouch for the log.
    const anchorPath = join(app.tempDir, 'user-data', 'audit-anchor.json');
    const newest = Number(await log.entries.first().getByRole('cell').first().textContent());
    await expect
      .poll(async () => (JSON.parse(await readFile(anchorPath, 'utf8')) as { seq: number }).seq)
      .toBe(newest);
    await rm(anchorPath);
    await log.checkButton.click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The log cannot be verified' }).first(),
    ).toBeVisible();
    await expect(log.intact).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Where the log ends' }).getByRole('alert')).toContainText(
      'has been removed from this computer. Until a restore from a backup sets it again',
    );
    await app.checkScreen('audit log that cannot be verified');
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.screenshot('audit log that cannot be verified at 1366');
  });

  test('the screen locks itself when nobody uses it, and what was being typed comes back', async ({
    app,
    page,
  }) => {
    await page.clock.install();
    await newHomeOn(app, 'Home settings');
    await page.getByLabel('Home name').fill('Oakfield House and Annexe');
    // Nobody touches the computer for six minutes (the default lock is five).
    await page.clock.fastForward('06:00');
    const lock = new LockScreenPage(page);
    await expect(lock.heading).toBeVisible();
    await expect(page.getByText('nobody used it for a while')).toBeVisible();
    await expect(page.getByLabel('Home name')).toHaveCount(0);
    await app.checkScreen('locked', { screenshot: 'locked after being left' });

    expect(await rawDatabaseText(page)).not.toContain('Annexe');

    await lock.unlock(manager.password);
    await expect(page.getByText('We kept what you were typing')).toBeVisible();
    await expect(page.getByLabel('Home name')).toHaveValue('Oakfield House and Annexe');
    await app.screenshot('draft back after unlocking');
  });

  test('locking the computer locks Family Links', async ({ app, page }) => {
    await newHome(app);
    await app.emit('system:lock-requested', { reason: 'screen-locked' });
    await expect(new LockScreenPage(page).heading).toBeVisible();
    await expect(page.getByText('because the computer was locked')).toBeVisible();

    // DevTools at the locked computer: the bridge sends no email as the home without the proof of
    // someone signed in, and a proof made up in the page is refused by the main process.
    const sendAsTheHome = (proof: unknown) =>
      page.evaluate(
        async (request) =>
          (globalThis as unknown as { api: Record<string, (request: unknown) => Promise<unknown>> }).api[
            'mail:send'
          ]?.(request),
        {
          to: { name: 'Dawn Morris', email: 'dawn@example.org' },
          subject: 'Your visit on Saturday',
          text: 'Your visit with the children on Saturday is arranged.',
          ...(proof === undefined ? {} : { proof }),
        },
      );
    expect(await sendAsTheHome(undefined)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const madeUpCertificate = '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n';
    expect(
      await sendAsTheHome({
        nonce: 'ab'.repeat(32),
        certificateChainPem: [madeUpCertificate, madeUpCertificate],
        signature: 'AA==',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
  });

  test('nothing readable about people sits in the browser’s database', async ({ app, page }) => {
    await newHomeOn(app, 'Staff accounts');
    await new StaffAccountsPage(page).add(careWorker);
    await expect(page.getByRole('status')).toContainText('can now sign in');
    await addMillie(page);
    await expect(page.getByText('Case number FL-0001')).toBeVisible();
    const raw = await rawDatabaseText(page);
    for (const secret of [
      'Priya',
      'Raman',
      'priya.raman@',
      'Tom Hughes',
      'tom.hughes@',
      manager.password,
      careWorker.temporaryPassword,
      // A young person's names and case number (the case number names their case file).
      'Amelia',
      'Millie',
      'FL-0001',
    ]) {
      expect(raw, `"${secret}" must not be readable`).not.toContain(secret);
    }
    // The check is real: the home's name (not personal data) is stored as it is, and is found.
    expect(raw).toContain('Oakfield House');
  });
});
