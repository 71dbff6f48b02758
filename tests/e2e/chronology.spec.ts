import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fixedDocumentFolders } from '../../electron/main/services/fixed-document-dialogs';
import {
  addStaffAccounts,
  careStaff as careWorker,
  caseCoordinator as coordinator,
  signInToFixture,
  switchToNewStaff,
} from './pages/staff-journey';
import { expect, test, type AppDriver } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { ChronologySection } from './pages/chronology-section';
import { countPrintRequests, expectPrintedAlone } from './pages/print-view';
import { DisclosureDialog } from './pages/disclosure-dialog';
import { officeWindowSizes as sizes } from './harness/page-actions';
import { sidewaysOverflow } from './pages/screen-fit';

/**
 * Seed 1's young person placed longest (Harry, who goes by H) (well over a year before the fixture's today): with a
 * year of records, they have forms, visits, door events and court-ordered restrictions.
 */
const youngPersonName = 'H Turner';

/** Words that only the casework view of a restriction holds: its authority and reference. */
const courtDetails = /Court order|Placing authority|Police|reference /;

async function openYoungPerson(page: Page): Promise<ChronologySection> {
  await new AppFrame(page).open('Young people');
  await page.getByRole('link', { name: youngPersonName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: youngPersonName })).toBeVisible();
  const chronology = new ChronologySection(page);
  // The chronology reads its records once it comes near the window, as a person scrolls to it.
  await chronology.section.scrollIntoViewIfNeeded();
  await expect(chronology.status).toHaveText(/entries, newest first\.$/, { timeout: 20_000 });
  return chronology;
}

/** What pdfsig (poppler) says about a saved PDF's signature. */
function pdfsig(path: string): string {
  const result = spawnSync('pdfsig', [path], { encoding: 'utf8' });
  if (result.error) throw new Error('pdfsig is not installed (apt-get install -y poppler-utils)');
  return `${result.stdout}${result.stderr}`;
}

function expectNewestFirst(times: readonly string[]): void {
  expect(times.length).toBeGreaterThan(3);
  const instants = times.map((time) => Date.parse(time));
  expect(instants.every((instant) => !Number.isNaN(instant))).toBe(true);
  expect(instants).toEqual([...instants].sort((a, b) => b - a));
}

/** The chronology fits both window sizes without sideways scrolling; a screenshot of each to look at. */
async function expectFits(app: AppDriver, page: Page, name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await new ChronologySection(page).section.scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(page), `${name} at ${size.width}x${size.height}`).toEqual([]);
    await app.screenshot(`${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(sizes[0]);
}

test.describe('a young person’s chronology', () => {
  // Three accounts (each an Argon2id derivation) and a year of records seeded, on two shared cores.
  test.setTimeout(480_000);

  test('a case co-ordinator reads a year in order, narrows it by kind and family member, and opens a form; a care worker sees only what they may', async ({
    app,
    page,
  }) => {
    await page.setViewportSize(sizes[0]);
    await signInToFixture(app, { size: 'small', seed: 1, activityDays: 365 });
    await addStaffAccounts(page, [coordinator, careWorker]);

    // The case co-ordinator: every kind of record, newest first, across the year.
    await switchToNewStaff(page, coordinator);
    const chronology = await openYoungPerson(page);
    const everything = await chronology.count();
    expect(everything).toBeGreaterThan(300);
    expectNewestFirst(await chronology.shownTimes());
    const kinds = new Set(
      (await chronology.rows.locator('.chronology__kind').allInnerTexts()).map((text) => text.trim()),
    );
    expect(kinds.size, `kinds on the first screen: ${[...kinds].join(', ')}`).toBeGreaterThan(1);
    await app.expectAccessible('a young person’s chronology');
    await expectFits(app, page, 'coordinator-everything');

    // The oldest lines are a year back: the list scrolls to them by keyboard, still in order.
    const newestAt = Date.parse((await chronology.shownTimes())[0] ?? '');
    await chronology.list.focus();
    await page.keyboard.press('End');
    await expect(chronology.rows.last()).toHaveAttribute('aria-posinset', String(everything));
    const oldest = await chronology.shownTimes();
    expectNewestFirst(oldest);
    expect(newestAt - Date.parse(oldest.at(-1) ?? '')).toBeGreaterThan(300 * 86_400_000);
    await page.keyboard.press('Home');

    // Restrictions: the case co-ordinator sees the authority behind them.
    await chronology.show.selectOption({ label: 'Restrictions' });
    await expect(chronology.rows.first()).toContainText('Restriction');
    expect((await chronology.shownText()).join('\n')).toMatch(courtDetails);

    // One family member: every line shown names them, and there are fewer lines.
    await chronology.show.selectOption({ label: 'Everything' });
    const members = (await chronology.familyMember.locator('option').allInnerTexts()).slice(1);
    expect(members.length).toBeGreaterThan(0);
    let narrowed = false;
    for (const member of members) {
      await chronology.familyMember.selectOption({ label: member });
      await expect(chronology.status).not.toHaveText(/Looking through/, { timeout: 20_000 });
      if (((await chronology.status.textContent()) ?? '').startsWith('Nothing matches')) continue;
      const name = member.replace(/ \(.*\)$/, '');
      const count = await chronology.count();
      expect(count).toBeLessThan(everything);
      for (const line of await chronology.shownText()) expect(line).toContain(name);
      expectNewestFirst(await chronology.shownTimes());
      await app.screenshot('coordinator-one-family-member');
      narrowed = true;
      break;
    }
    expect(narrowed, 'no family member has any lines').toBe(true);

    // On paper: every line the filter asks for, in one table, without the app's frame.
    const narrowedCount = await chronology.count();
    const printRequests = await countPrintRequests(page);
    await chronology.section.getByRole('button', { name: 'Print', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Chronology: ${youngPersonName}` }),
    ).toBeVisible();
    expect(await printRequests()).toBe(1);
    const printed = page.getByRole('table', { name: `Chronology: ${youngPersonName}` });
    await expect(printed.locator('tbody tr')).toHaveCount(narrowedCount);
    await app.expectAccessible('the chronology printed');
    await expectPrintedAlone(app, 'chronology-as-printed');
    await page.getByRole('button', { name: 'Back to the young person’s page' }).click();
    // The page comes back as it was left: still narrowed to that family member.
    await expect(chronology.status).toHaveText(`${narrowedCount} entries, newest first.`);

    // A signed copy, through the disclosure question; pdfsig finds the signature valid.
    await chronology.section.getByRole('button', { name: 'Save a signed copy' }).click();
    const signing = chronology.section.getByRole('form', { name: 'Sign the chronology' });
    await signing.getByLabel('Your password').fill(coordinator.password);
    await signing.getByRole('button', { name: 'Sign and save PDF' }).click();
    const why = new DisclosureDialog(page);
    await expect(why.dialog).toBeVisible();
    await app.expectAccessible('a signed copy of the chronology asks why');
    await why.answer('H Turner’s case file', 'For the case file');
    await expect(
      chronology.section.getByText(
        new RegExp(
          `^Signed copy saved as chronology-h-turner-\\d{4}-\\d{2}-\\d{2}\\.pdf, signed by ${coordinator.name}\\.`,
        ),
      ),
    ).toBeVisible({ timeout: 60_000 });
    const saved = fixedDocumentFolders(join(app.tempDir, 'documents')).saved;
    const [fileName] = await readdir(saved);
    expect(fileName).toMatch(/^chronology-h-turner-\d{4}-\d{2}-\d{2}\.pdf$/);
    const verdict = pdfsig(join(saved, fileName ?? ''));
    expect(verdict).toContain('Signature is Valid');
    expect(verdict).toContain('Total document signed');
    expect(verdict).toContain(`Signer Certificate Common Name: ${coordinator.name}`);
    await app.screenshot('chronology-signed-copy-saved');

    // Contact forms only, then open one from its line.
    await chronology.clear.click();
    await chronology.show.selectOption({ label: 'Contact forms' });
    const forms = await chronology.count();
    expect(forms).toBeLessThan(everything);
    for (const kind of await chronology.rows.locator('.chronology__kind').allInnerTexts())
      expect(kind.trim()).toBe('Contact forms');
    // A filed form: the fixture's newest forms may still be drafts by their authors, depending on
    // the hour it is made, and a draft opens only to say so.
    const formLink = chronology.rows
      .filter({ hasText: /recorded on form CF-/ })
      .first()
      .getByRole('link');
    const reference = /recorded on form (CF-[\w-]+)/.exec((await formLink.textContent()) ?? '')?.[1];
    expect(reference, 'a filed form line names its reference').toBeTruthy();
    await formLink.click();
    await expect(page.getByText(reference ?? 'no reference').first()).toBeVisible();
    await expect(page).toHaveURL(/#\/contact-forms\//);
    await app.checkScreen('a form opened from the chronology', {
      screenshot: 'form-opened-from-the-chronology',
    });

    // A care worker: visits and the door, no one else's forms, and restrictions as the door sees them.
    await switchToNewStaff(page, careWorker);
    const theirs = await openYoungPerson(page);
    expect(await theirs.count()).toBeGreaterThan(0);
    await theirs.show.selectOption({ label: 'Contact forms' });
    await expect(theirs.status).toHaveText('Nothing matches these filters.');
    await theirs.show.selectOption({ label: 'Restrictions' });
    await expect(theirs.rows.first()).toContainText('Restriction');
    expect((await theirs.shownText()).join('\n')).not.toMatch(courtDetails);
    await app.expectAccessible('a care worker’s view of the chronology');
    await expectFits(app, page, 'care-worker-restrictions');
  });
});
