import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness/fixtures';
import { openAppDatabase } from './harness/in-page-database';
import { londonDateAndTime } from './harness/london-dates';
import { AcademicCalendarPage, year2026 } from './pages/academic-calendar-page';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { ManagerHomePage } from './pages/manager-home-page';
import { startContactForm } from './pages/contact-form-page';
import {
  careWorker,
  changeDean,
  deanSupervised,
  emptyDoor,
  homeWithRestrictions,
  manager,
  managerSignsInTo,
  newHomeOn,
  signInAsCareWorker,
  switchUser,
} from './pages/door-home';
import { SignInPage } from './pages/sign-in-page';

/**
 * Someone at a shared computer with DevTools open edits a row's plain fields in IndexedDB
 * directly (written as plain JavaScript: it runs in the page, and this tsconfig has no DOM types).
 * Every row in `store` whose `field` equals `match` gets `changes`.
 */
const editRows = (
  store: string,
  field: string,
  match: unknown,
  changes: Record<string, unknown>,
) => `(async () => {
  const db = await ${openAppDatabase};
  let edited = 0;
  await new Promise((resolve, reject) => {
    const transaction = db.transaction(${JSON.stringify(store)}, 'readwrite');
    const request = transaction.objectStore(${JSON.stringify(store)}).openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      if (${JSON.stringify(match)} === null || cursor.value[${JSON.stringify(field)}] === ${JSON.stringify(match)}) {
        cursor.update({ ...cursor.value, ...${JSON.stringify(changes)} });
        edited += 1;
      }
      cursor.continue();
    };
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
  return edited;
})()`;

/**
 * Copies every row of `from` in one database into `to` in another (kept by someone at the
 * computer for later, sealed boxes and all), replacing what `to` held. Plain JavaScript, as above.
 */
const copyRows = (from: [string, string], to: [string, string]) => `(async () => {
  const open = (name) => new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.result.createObjectStore(${JSON.stringify(to[1])}, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const done = (transaction) => new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  const source = await open(${JSON.stringify(from[0])});
  const read = source.transaction(${JSON.stringify(from[1])}).objectStore(${JSON.stringify(from[1])}).getAll();
  const rows = await new Promise((resolve, reject) => {
    read.onsuccess = () => resolve(read.result);
    read.onerror = () => reject(read.error);
  });
  source.close();
  const target = await open(${JSON.stringify(to[0])});
  const transaction = target.transaction(${JSON.stringify(to[1])}, 'readwrite');
  for (const row of rows) transaction.objectStore(${JSON.stringify(to[1])}).put(row);
  await done(transaction);
  target.close();
  return rows.length;
})()`;

/** Deletes every row of `store`, as someone at the keyboard could. Plain JavaScript, as above. */
const deleteAllRows = (store: string) => `(async () => {
  const db = await ${openAppDatabase};
  const transaction = db.transaction(${JSON.stringify(store)}, 'readwrite');
  const count = transaction.objectStore(${JSON.stringify(store)}).count();
  transaction.objectStore(${JSON.stringify(store)}).clear();
  await new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
  return count.result;
})()`;

async function edit(page: Page, ...args: Parameters<typeof editRows>): Promise<void> {
  expect(await page.evaluate(editRows(...args))).toBeGreaterThan(0);
}

const barredJohn = {
  name: 'John Smith',
  otherNames: '',
  kind: 'No contact',
  authority: 'Court order',
  reference: 'LS26C09999',
};

test.describe('records changed outside Family Links', () => {
  test('a court-ordered block whose end date was moved in IndexedDB still stops the door, and shows as damaged', async ({
    app,
    page,
  }) => {
    const door = await homeWithRestrictions(app, [barredJohn], {
      staff: [careWorker],
    });
    await edit(page, 'restrictions', 'id', null, { effectiveTo: '2020-01-01' });
    // The app is opened again (Dexie keeps reads it has made in memory while it runs).
    await page.reload();
    await new SignInPage(page).signIn(manager.username, manager.password);
    await signInAsCareWorker(page);
    const frame = new AppFrame(page);
    await frame.open('Front door');
    await door.fill({ name: 'John Smith', visiting: ['Millie Hughes'], reason: 'Family visit', badge: '3' });
    const stop = page
      .getByRole('alert')
      .filter({ hasText: 'Do not admit anyone. Speak to the registered manager.' });
    await expect(stop).toBeVisible();
    await expect(page.getByText('No restrictions found for this name.')).toHaveCount(0);
    // A care worker is sent to the manager; the manager is told what to do instead.
    await expect(
      page.getByText(/no one can be checked against it\. Tell the registered manager\./),
    ).toBeVisible();
    await door.signInButton.click();
    await expect(page.getByText('Do not admit this visitor. Speak to the duty manager.')).toBeVisible();
    await app.checkScreen('front door: a restriction changed outside the app', {
      screenshot: 'door stops everyone while a restriction is damaged',
    });

    await switchUser(page, manager.username, manager.password);
    await frame.open('Home');
    await expect(page.getByRole('heading', { name: 'Records changed outside Family Links' })).toBeVisible();
    await expect(page.getByText('1 record has been changed outside Family Links')).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.screenshot('manager home counts a damaged record');
    await frame.open('Young people');
    await page.getByRole('link', { name: 'Millie Hughes' }).first().click();
    await expect(
      page.getByText('This record has been changed outside Family Links and cannot be trusted.'),
    ).toBeVisible();
    await app.checkScreen('restrictions: a damaged record', { screenshot: 'restriction shows as damaged' });
  });

  test('an older copy of a restriction put back in IndexedDB stops the door, and shows as damaged', async ({
    app,
    page,
  }) => {
    const door = await homeWithRestrictions(app, [deanSupervised], { staff: [careWorker] });
    // The order as first recorded (supervised contact) is kept aside; the court then bars all contact.
    expect(
      await page.evaluate(copyRows(['family-links', 'restrictions'], ['kept-aside', 'restrictions'])),
    ).toBe(1);
    await changeDean(page, { kind: 'No contact', conditions: '' });
    // The supervised copy, sealed by the app itself, is written back over the change.
    expect(
      await page.evaluate(copyRows(['kept-aside', 'restrictions'], ['family-links', 'restrictions'])),
    ).toBe(1);
    await page.reload();
    await new SignInPage(page).signIn(manager.username, manager.password);
    await signInAsCareWorker(page);
    const frame = new AppFrame(page);
    await frame.open('Front door');
    await door.fill({
      name: 'Dean Hughes',
      visiting: ['Millie Hughes'],
      reason: 'Contact visit',
      badge: '4',
    });
    await expect(
      page.getByRole('alert').filter({ hasText: 'Do not admit anyone. Speak to the registered manager.' }),
    ).toBeVisible();

    // A contact with Dean written up afterwards is not read against the supervised copy either.
    const forms = await startContactForm(page, {
      youngPerson: 'Millie Hughes',
      kind: 'Family visit',
      ...londonDateAndTime(3),
      minutes: 30,
      startedBy: 'The family',
      others: 'Dean Hughes',
      whatHappened: 'Dean came to the door and saw Millie in the lounge with staff.',
    });
    await expect(page.locator('.restricted-preview')).toContainText(
      'Before you save: a restriction on the register could not be read.',
    );
    await forms.saveButton.click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'This contact could not be checked against a restriction.' }),
    ).toBeVisible();
    await app.checkScreen('contact form: a restriction changed outside the app', {
      screenshot: 'contact form could not be checked against a restriction',
    });

    await switchUser(page, manager.username, manager.password);
    await frame.open('Young people');
    await page.getByRole('link', { name: 'Millie Hughes' }).first().click();
    await expect(
      page.getByText('This record has been changed outside Family Links and cannot be trusted.'),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Dean Hughes:/ })).toHaveCount(0);
  });

  test('visitor register entries deleted in IndexedDB are named when the manager checks the log', async ({
    app,
    page,
  }) => {
    const door = await emptyDoor(app);
    await door.signIn({ name: 'Dawn Morris', organisation: 'Mum', reason: 'Family visit', badge: '7' });
    await door.signIn({ name: 'Gary Price', organisation: 'Plumber', reason: 'Boiler repair', badge: '8' });
    expect(await page.evaluate(deleteAllRows('visitorLog'))).toBe(2);
    await page.reload();
    await new SignInPage(page).signIn(manager.username, manager.password);
    const log = await AuditLogPage.open(page);
    await log.checkButton.click();
    const report = page
      .getByRole('alert')
      .filter({ hasText: 'The log is whole, but records it names have been deleted.' });
    await expect(report).toBeVisible();
    await expect(report).toContainText('2 visitor register entries that are no longer on this computer');
    // The check's own entry arrives at the top of the list: no row may be drawn over another.
    await expect(log.entry('Checked the audit log')).toBeVisible();
    const rows = log.entries;
    const boxes = [];
    for (let index = 0; index < (await rows.count()); index += 1)
      boxes.push(await rows.nth(index).boundingBox());
    const spans = boxes.flatMap((box) => (box ? [[box.y, box.y + box.height] as const] : []));
    spans.sort((a, b) => a[0] - b[0]);
    for (const [index, [top]] of spans.entries())
      if (index > 0) expect(top).toBeGreaterThanOrEqual((spans[index - 1]?.[1] ?? 0) - 1);
    await app.checkScreen('audit log: records deleted outside the app', {
      screenshot: 'log check names deleted register entries',
    });
  });

  test('contact-form hours edited in IndexedDB are refused: the policy’s 48 apply until the manager saves them again', async ({
    app,
    page,
  }) => {
    await newHomeOn(app, 'Contact forms');
    const settings = page.getByRole('form', { name: 'Time allowed for a contact form' });
    const hours = settings.getByLabel('Hours after the contact ends');
    const save = async (value: string) => {
      await hours.fill(value);
      await settings.getByRole('button', { name: 'Save' }).click();
      await expect(settings.getByText(`due ${value} hours after the contact ends`)).toBeVisible();
    };
    await save('24');
    // Every form would never be late.
    await edit(page, 'settings', 'key', 'contactForms', { value: { dueHours: 100000 } });
    await page.reload();
    const frame = await managerSignsInTo(page, 'Contact forms');
    const notice = page.getByText(
      'These settings were changed outside Family Links, so forms are due 48 hours after the contact, as the policy says. Check them and save them again.',
    );
    await expect(notice).toBeVisible();
    await expect(hours).toHaveValue('48');
    await app.checkScreen('contact forms: settings changed outside the app', {
      screenshot: 'contact-form hours changed outside the app',
    });

    await frame.open('Home');
    await expect(page.getByText('1 record has been changed outside Family Links')).toBeVisible();
    await frame.open('Contact forms');
    await save('24');
    await expect(notice).toHaveCount(0);
    await frame.open('Home');
    await expect(page.getByRole('heading', { name: 'Records changed outside Family Links' })).toHaveCount(0);
  });

  test('term dates moved in IndexedDB are left out and named, until the manager checks and saves them again', async ({
    app,
    page,
  }) => {
    const frame = await newHomeOn(app, 'Academic calendar');
    const calendar = new AcademicCalendarPage(page);
    await calendar.addYearButton.click();
    await calendar.fillYear(year2026);
    await calendar.save();
    await expect(calendar.confirmation).toHaveText('2026/27 saved.');
    // The autumn term cut short to October: a missed home visit in November would no longer count against it.
    const { Autumn, Spring, Summer } = year2026.terms;
    await edit(page, 'academicYears', 'label', '2026/27', {
      terms: [
        { name: 'autumn', ...Autumn, endsOn: '2026-11-06' },
        { name: 'spring', ...Spring },
        { name: 'summer', ...Summer },
      ],
    });
    await page.reload();
    await managerSignsInTo(page, 'Academic calendar');
    await expect(calendar.damagedNotice).toBeVisible();
    await expect(calendar.damagedTable.getByText('6 Nov 2026')).toBeVisible();
    await expect(page.getByText('No other academic years.')).toBeVisible();
    await app.checkScreen('academic calendar: term dates changed outside the app', {
      screenshot: 'term dates changed outside the app',
      atOfficeSizes: true,
    });

    await frame.open('Termly review');
    await expect(page.getByText('Term dates for 2026/27 were changed outside Family Links')).toBeVisible();
    await frame.open('Home');
    await expect(page.getByText('1 record has been changed outside Family Links')).toBeVisible();

    await frame.open('Academic calendar');
    await calendar.checkAndSaveButton('2026/27').click();
    await calendar.termField('Autumn', 'ends').fill('18/12/2026');
    await calendar.save();
    await expect(calendar.confirmation).toHaveText('2026/27 saved.');
    await expect(calendar.damagedNotice).toHaveCount(0);
    await expect(calendar.row('2026/27')).toContainText('18 Dec 2026');
    await frame.open('Home');
    await expect(page.getByRole('heading', { name: 'Records changed outside Family Links' })).toHaveCount(0);
  });

  test('a care worker made a manager in IndexedDB cannot sign in at all', async ({ app, page }) => {
    await homeWithRestrictions(app, [], { staff: [careWorker] });
    await edit(page, 'staff', 'username', careWorker.username, { roles: ['registeredManager'] });
    await page.reload();
    await new SignInPage(page).signIn(careWorker.username, careWorker.temporaryPassword);
    await expect(page.getByText(/This account’s record has been changed outside Family Links/)).toBeVisible();
    await expect(new SignInPage(page).heading).toBeVisible();
    await app.screenshot('sign-in refused for an edited staff row');
  });
});

test('a computer made to trust a certificate authority of someone else’s is named on the manager’s home', async ({
  app,
}) => {
  const frame = await newHomeOn(app, 'Home');
  const home = new ManagerHomePage(app.page);
  await expect(home.overview).not.toContainText('certificate authority');

  // Someone with the files removes the computer's record of the home's CA (IT's own recovery step),
  // then, from DevTools, makes a CA of their own. On a computer with a home, making one teaches the
  // main process nothing: it knows no CA, and the home says so.
  await rm(join(app.tempDir, 'user-data', 'home-authority.json'));
  const secret = 'ab'.repeat(32);
  const theirs = await app.api('signing:create-authority', { homeName: 'Not the home', secret });
  if (!theirs.ok) throw new Error(theirs.error.message);
  const log = await AuditLogPage.open(app.page);
  await expect(log.heading).toBeVisible();
  await frame.open('Home');
  await expect(home.overview).toContainText(
    'This computer does not know the home’s certificate authority yet',
  );

  // Issuing a certificate with it still teaches a computer that knows none (as a joined computer
  // from before codes carried the CA learns the home's), so it is learnt as the home's.
  const issued = await app.api('signing:issue-certificate', {
    authority: {
      encryptedKey: theirs.value.authority.encryptedKey,
      certificatePem: theirs.value.authority.certificatePem,
    },
    authoritySecret: secret,
    staff: { id: randomUUID(), name: 'Not a manager here', roles: ['registeredManager'] },
    homeName: 'Not the home',
    secret: 'cd'.repeat(32),
  });
  expect(issued).toMatchObject({ ok: true, value: { outcome: 'issued' } });

  // Coming back to the home reads it again.
  await AuditLogPage.open(app.page);
  await expect(log.heading).toBeVisible();
  await frame.open('Home');
  await expect(home.overview).toContainText(
    'This computer has been made to trust a certificate authority that is not the home’s',
  );
  await expect(home.overview).not.toContainText('Nothing to look at');
  await app.checkScreen('manager home with a foreign certificate authority', { atOfficeSizes: true });
});
