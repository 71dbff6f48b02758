import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { expect, test, type AppDriver } from './harness/fixtures';
import { countDrafts } from './harness/in-page-database';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { BackupsPage, RestorePage } from './pages/backups-page';
import { RegisterPage } from './pages/register-page';
import { SignInPage } from './pages/sign-in-page';
import { signInToFixture } from './pages/staff-journey';
import { ukDate } from './harness/london-dates';
import { seedSummarySchema } from './harness/seed-summary';

// A fixture home, a backup and a restore (Argon2id twice, every row written back): give it time.
test.describe.configure({ timeout: 240_000 });

/** This computer loses its records: the app's IndexedDB is deleted, as a reset store would leave it. */
async function loseEverything(page: Page): Promise<void> {
  const appUrl = page.url();
  await page.goto(new URL('/__harness/blank.html', appUrl).href);
  // Plain JavaScript: this project's Node tsconfig has no DOM types.
  await page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('family-links');
    request.onsuccess = () => resolve(true);
    request.onerror = () => reject(new Error('could not delete'));
  })`);
  await page.goto(appUrl.split('#')[0] ?? appUrl);
}

async function backUpAsManager(
  app: Pick<AppDriver, 'page' | 'screenshot' | 'checkScreen'>,
  summary: z.infer<typeof seedSummarySchema>,
) {
  await new SignInPage(app.page).signIn(summary.signIn.username, summary.signIn.password);
  const frame = new AppFrame(app.page);
  await expect(frame.homeName).toHaveText(summary.homeName);
  // No backup yet: the home screen says so.
  await expect(app.page.getByRole('region', { name: 'Backups' })).toContainText(
    'No backup of these records has been made yet',
  );
  await app.screenshot('home-reminds-no-backup');

  await frame.open('Backups');
  const backups = new BackupsPage(app.page);
  await expect(backups.heading).toBeVisible();
  await backups.chooseFolderButton.click();
  await expect(backups.success).toContainText('Backups will be kept in');
  await backups.backUpNowButton.click();
  await expect(backups.success).toContainText(
    /Backed up [\d,]+ records to family-links-backup-.*-manual\.flbackup/,
    { timeout: 30_000 },
  );
  await expect(backups.filesTable.getByRole('row')).toHaveCount(2);
  await expect(backups.filesTable).toContainText('Made by hand');
  await app.checkScreen('backups after a backup', { screenshot: 'backups-after-backing-up' });
}

test('someone edits the backup settings on disk; the manager is told and chooses them again', async ({
  app,
}) => {
  const summary = seedSummarySchema.parse(await app.startWithFixture({ size: 'small', seed: 1 }));
  // Keep one backup, one a month, somewhere else: untagged, as an edit (or an older version) leaves it.
  await writeFile(
    join(app.tempDir, 'user-data', 'backup-settings.json'),
    JSON.stringify({ keep: 1, intervalDays: 31, folder: join(app.tempDir, 'elsewhere') }),
  );
  await new SignInPage(app.page).signIn(summary.signIn.username, summary.signIn.password);
  const frame = new AppFrame(app.page);
  await expect(frame.homeName).toHaveText(summary.homeName);
  const untrusted = 'The backup settings on this computer were changed outside Family Links';
  await expect(app.page.getByRole('region', { name: 'Backups' })).toContainText(untrusted);

  await frame.open('Backups');
  const backups = new BackupsPage(app.page);
  await expect(backups.error).toContainText(untrusted);
  await expect(app.page.getByLabel('Backups to keep')).toHaveValue('8');
  await expect(app.page.getByLabel('Back up every (days)')).toHaveValue('7');
  await expect(backups.folder).not.toContainText('elsewhere');
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await app.checkScreen('backups with untrusted settings', { screenshot: 'backups-settings-not-trusted' });

  // The manager saves the schedule: the settings are theirs again, and the warning goes.
  await app.page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(backups.success).toContainText('Saved: a backup every 7 days, keeping the last 8.');
  await expect(app.page.getByText(untrusted)).toHaveCount(0);
});

test('a manager backs up, the computer loses its records, and the home is restored from the backup', async ({
  app,
}) => {
  const summary = seedSummarySchema.parse(await app.startWithFixture({ size: 'small', seed: 1 }));
  await backUpAsManager(app, summary);
  // The home carries on after the backup: the log grows past what the backup holds.
  const logBeforeLoss = await AuditLogPage.open(app.page);
  await logBeforeLoss.checkIntact({ timeout: 30_000 });

  await loseEverything(app.page);
  const restore = new RestorePage(app.page);
  await expect(app.page.getByRole('heading', { level: 1, name: 'Set up your home' })).toBeVisible();
  await expect(restore.offer).toBeVisible();
  await app.checkScreen('first run with the restore offer', { screenshot: 'first-run-offers-restore' });
  await restore.offer.click();
  await expect(restore.heading).toBeVisible();
  await app.expectAccessible('restore from a backup');

  // A wrong password is refused plainly, and nothing is restored.
  await restore.restore(summary.signIn.username, 'not the right password');
  await expect(restore.error).toContainText('do not open this backup', { timeout: 30_000 });
  await expect(restore.error).toContainText('Nothing was restored');
  await app.screenshot('restore-wrong-password');

  await restore.password.fill(summary.signIn.password);
  await restore.restoreButton.click();
  const signIn = new SignInPage(app.page);
  await expect(signIn.heading).toBeVisible({ timeout: 60_000 });
  await expect(app.page.getByRole('status').filter({ hasText: 'Restored' })).toContainText(
    /Restored [\d,]+ records from family-links-backup-/,
  );
  await expect(signIn.productLine).toHaveText(`Family Links · ${summary.homeName}`);
  await app.checkScreen('sign in after a restore', { screenshot: 'sign-in-after-restore' });
  await signIn.signIn(summary.signIn.username, summary.signIn.password);
  const frame = new AppFrame(app.page);
  await expect(frame.homeName).toHaveText(summary.homeName);
  await frame.open('Visitor register');
  // The fixture's visitors came on its last day, which is yesterday if the test crossed midnight.
  const register = new RegisterPage(app.page);
  await register.from.fill(ukDate(summary.endDate));
  await register.to.fill(ukDate(summary.endDate));
  await expect(register.table.getByRole('row').nth(1)).toBeVisible();
  await app.screenshot('register-after-restore');

  // The restore is in the audit log, and the log checks out: the copy of its head kept outside the
  // database was moved back to the backup's (it had moved on while the backup was being made).
  const log = await AuditLogPage.open(app.page);
  await expect(log.table).toContainText('Restored the records from a backup');
  // The step back is in the record's own history, sealed, naming the backup and the manager.
  const history = app.page.getByRole('table', { name: 'History of this record, newest first' });
  await expect(history.getByRole('row').nth(1)).toContainText('Moved to a restored backup’s end');
  await expect(history.getByRole('row').nth(1)).toContainText('Fixture Manager');
  await expect(history.getByRole('row').nth(1).getByRole('cell').last()).toHaveText('Yes');
  await log.checkIntact({ timeout: 30_000 });
  await app.checkScreen('audit log after a restore', { screenshot: 'audit-log-after-restore' });
});

test('a damaged backup is refused with a clear reason and nothing is restored', async ({ app }) => {
  const summary = seedSummarySchema.parse(await app.startWithFixture({ size: 'small', seed: 1 }));
  await backUpAsManager(app, summary);

  // Something on the network share changes one byte of the file.
  const folder = join(app.tempDir, 'backups');
  const [name] = (await readdir(folder)).filter((file) => file.endsWith('.flbackup'));
  if (!name) throw new Error('no backup was written');
  const bytes = await readFile(join(folder, name));
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = bytes[middle] === 0x41 ? 0x42 : 0x41;
  await writeFile(join(folder, name), bytes);

  await loseEverything(app.page);
  const restore = new RestorePage(app.page);
  await restore.offer.click();
  await restore.restore(summary.signIn.username, summary.signIn.password);
  await expect(restore.error).toContainText('This backup is damaged', { timeout: 30_000 });
  await expect(restore.error).toContainText('Nothing was restored');
  await app.checkScreen('restore refused: damaged backup', { screenshot: 'restore-refused-damaged' });
  // Still an empty install: going back offers setting up a new home.
  await app.page.getByRole('button', { name: 'Set up a new home instead' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Set up your home' })).toBeVisible();
});

test('the window dies while a declaration is being typed, and what was typed comes back', async ({ app }) => {
  const summary = await signInToFixture(app);
  const frame = new AppFrame(app.page);
  await frame.open('Declarations');
  await app.page.getByRole('button', { name: 'Make a declaration' }).click();
  const typed = 'A parent offered me a gift card at the door; I said no and told the shift lead.';
  await app.page.getByRole('form', { name: 'Make a declaration' }).getByLabel('What happened').fill(typed);
  // The draft is sealed and stored a moment after typing stops.
  await expect.poll(() => app.page.evaluate(countDrafts), { timeout: 10_000 }).toBeGreaterThan(0);

  await app.reload();
  await new SignInPage(app.page).signIn(summary.signIn.username, summary.signIn.password);
  await frame.open('Declarations');
  await app.page.getByRole('button', { name: 'Make a declaration' }).click();
  const form = app.page.getByRole('form', { name: 'Make a declaration' });
  await expect(app.page.getByText('We kept what you were typing. Check it, then save.')).toBeVisible();
  await expect(form.getByLabel('What happened')).toHaveValue(typed);
  await app.checkScreen('declaration form with its draft back', {
    screenshot: 'declaration-draft-after-reload',
  });
});
