import type { Page } from '@playwright/test';
import { z } from 'zod';
import { displayName } from '../../shared/display-names';
import { expect, test, type AppDriver } from './harness/fixtures';
import { officeWindowSizes } from './harness/page-actions';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { sidewaysOverflow } from './pages/screen-fit';
import { SignInPage } from './pages/sign-in-page';
import { StaffAccountsPage, type NewStaff } from './pages/staff-accounts-page';
import { switchToNewStaff } from './pages/staff-journey';
import { seededHome } from './harness/seeded-home';

const seedSummarySchema = z.object({
  endDate: z.string(),
  signIn: z.object({ username: z.string(), password: z.string() }),
  loaded: z.object({ restrictions: z.number() }),
});

const leaver: NewStaff = {
  name: 'Lee Carter',
  username: 'lcarter',
  email: 'lee.carter@oakfield.example',
  role: 'Personal Tutor',
  temporaryPassword: 'harbour velvet orchid canal',
};
const stayer: NewStaff & { password: string } = {
  name: 'Priya Nair',
  username: 'pnair',
  email: 'priya.nair@oakfield.example',
  role: 'Personal Tutor',
  temporaryPassword: 'lantern meadow copper brook',
  password: 'quiet orchard ferry lantern',
};

async function atBothSizes(app: AppDriver, page: Page, name: string): Promise<void> {
  for (const size of officeWindowSizes) {
    await page.setViewportSize(size);
    expect(await sidewaysOverflow(page), `${name} at ${size.width}x${size.height}`).toEqual([]);
    await app.screenshot(`${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(officeWindowSizes[0]);
}

/**
 * Holds the restriction-history store open for reading from a second connection, as a long
 * search elsewhere in the page would: the re-sealing gets through the restrictions, then its
 * batch for the history waits, so the reload lands mid-way, always at the same place.
 */
function holdRestrictionHistory(page: Page): Promise<void> {
  // A string: the spec's own types have no DOM, and this runs in the page.
  return page.evaluate(`new Promise((resolve, reject) => {
    const opening = indexedDB.open('family-links');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const store = opening.result
        .transaction(['restrictionHistory'], 'readonly')
        .objectStore('restrictionHistory');
      // Each answer asks again, so the transaction never finishes.
      const ask = () => {
        store.count().onsuccess = ask;
      };
      ask();
      resolve();
    };
  })`);
}

test('a manager switches off a tutor, changes the casework key, reloads mid-way and it finishes at the next sign-in; a tutor still reads casework', async ({
  app,
  page,
}) => {
  // A seeded home, three key derivations, axe on each step and two window officeWindowSizes, on two shared cores.
  test.setTimeout(180_000);
  await page.setViewportSize(officeWindowSizes[0]);
  const summary = seedSummarySchema.parse(await app.startWithFixture({ size: 'small', seed: 1 }));
  const home = seededHome(summary);
  const restriction = home.restrictions.find(
    (candidate) =>
      !candidate.endedAt &&
      (!candidate.effectiveTo || candidate.effectiveTo > summary.endDate) &&
      candidate.authorityReference,
  );
  const youngPerson = home.youngPeople.find((person) => person.id === restriction?.youngPersonId);
  if (!restriction || !youngPerson) throw new Error('The small fixture has a restriction in force');
  const signIn = new SignInPage(page);
  await signIn.signIn(summary.signIn.username, summary.signIn.password);
  const frame = new AppFrame(page);

  // The court's reference changes before Lee leaves: the earlier version goes to the history.
  const newReference = `${restriction.authorityReference}/V2`;
  const openCard = async () => {
    await frame.open('Young people');
    await page
      .getByRole('link', { name: displayName(youngPerson), exact: true })
      .first()
      .click();
    return page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: new RegExp(`^${restriction.name}:`) }) })
      .first();
  };
  const card = await openCard();
  await card.getByRole('button', { name: 'Change' }).click();
  const change = card.getByRole('form', { name: `Change the restriction on ${restriction.name}` });
  await change.getByLabel('Reference').fill(newReference);
  await change.getByRole('button', { name: 'Save the change' }).click();
  await expect(page.getByText(new RegExp(`The restriction on ${restriction.name} is changed`))).toBeVisible();

  await frame.open('Staff accounts');
  const staff = new StaffAccountsPage(page);
  for (const member of [leaver, stayer]) {
    await staff.add(member);
    // The form closes with this message: only then is the screen ready for the next step.
    await expect(
      page.getByRole('status').filter({ hasText: `${member.name} can now sign in` }),
    ).toBeVisible();
  }

  // Lee leaves; the manager is offered the key Lee could read, in plain words.
  await staff.switchOff(leaver.name);
  const keys = page.getByRole('region', { name: 'Keys to the records' });
  await expect(keys).toContainText(
    `${leaver.name} could read door and casework records. Change the door and casework keys so that any copy they kept opens nothing written from now on`,
  );
  await app.expectAccessible('the offer to change the casework key');
  await atBothSizes(app, page, 'offer-after-switch-off');

  const total = summary.loaded.restrictions + 1;
  await holdRestrictionHistory(page);
  // The casework key alone here (the door key has its own journey: door-key-rotation.spec.ts).
  await keys.getByRole('button', { name: 'Change the casework key', exact: true }).click();
  await expect(keys.getByRole('status').filter({ hasText: 'The casework key is changed' })).toBeVisible();
  const progress = keys.getByRole('progressbar', { name: /^Re-sealing casework records/ });
  await expect(progress).toBeVisible();
  await expect(keys).toContainText(`Re-sealing casework records: ${summary.loaded.restrictions} of ${total}`);
  await expect(keys).toContainText('You can carry on using Family Links meanwhile.');
  await app.expectAccessible('re-sealing casework records');
  await atBothSizes(app, page, 're-sealing-mid-way');

  // The window is reloaded mid-way; the manager signs in again and it carries on from there.
  await app.reload();
  await signIn.signIn(summary.signIn.username, summary.signIn.password);
  await frame.open('Staff accounts');
  await expect(page.getByRole('region', { name: 'Keys to the records' })).not.toContainText(
    'Re-sealing casework records',
    { timeout: 30_000 },
  );
  const log = await AuditLogPage.open(page);
  for (const label of [
    'Started changing a key after someone left',
    'Carried on changing a key after an interruption',
    'Finished changing a key; the old one is deleted',
  ])
    await expect(log.entry(label)).toHaveCount(1);
  await expect(log.entry('Finished changing a key')).toContainText(`${total} records sealed again`);
  await app.checkScreen('the audit log after the key change', { screenshot: 'audit-log-after-key-change' });

  // Priya, who stays, signs in for the first time and reads the restriction's casework part.
  await switchToNewStaff(page, stayer);
  const theirCard = await openCard();
  await expect(theirCard.locator('dt:text-is("Reference") + dd')).toHaveText(newReference);
  await expect(theirCard.locator('dt:text-is("Authority") + dd')).not.toBeEmpty();
  await app.checkScreen('a tutor reads a restriction after the key change', {
    screenshot: 'tutor-reads-casework-after-key-change',
  });
});
