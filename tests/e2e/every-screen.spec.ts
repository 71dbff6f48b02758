import type { Page } from '@playwright/test';
import { z } from 'zod';
import {
  addStaffAccounts,
  careStaff,
  personalTutor,
  signInToFixture,
  switchToNewStaff,
} from './pages/staff-journey';
import { expect, test, type AppDriver } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { officeWindowSizes as sizes } from './harness/page-actions';
import { sidewaysOverflow } from './pages/screen-fit';
import { type NewStaff } from './pages/staff-accounts-page';

/** One account for each role the manager does not hold; test data only. */
const colleagues: readonly (NewStaff & { password: string })[] = [
  careStaff,
  personalTutor,
  {
    name: 'Owen Pryce',
    username: 'opryce',
    email: 'owen.pryce@example.org',
    role: 'Learning Mentor',
    temporaryPassword: 'glacier thimble parsnip echo',
    password: 'walnut comet drizzle fable',
  },
  {
    // A long name and a long address, as some people have: every table that lists staff must
    // still fit.
    name: 'Ruth Adeyemi-Featherstonehaugh',
    username: 'radeyemi',
    email: 'ruth.adeyemi-featherstonehaugh@children-and-families.example.org',
    role: 'Case Co-ordinator',
    temporaryPassword: 'marble pigeon sorrel anvil',
    password: 'juniper ferry mosaic tunnel',
  },
];

/** Words a screen shows while its data is still coming ("Loading…", "Working out the trend…"). */
const stillLoading = /^(Loading|Working out)\b.*…$/;

/**
 * Screens to photograph at both sizes as well as any that fail, to look at them: names from the
 * navigation separated by commas ("Audit log,Staff accounts"), or "all".
 */
const screensToPhotograph = (process.env['FAMILY_LINKS_SCREENSHOT_SCREENS'] ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name.length > 0);
const photographs = (screen: string): boolean =>
  screensToPhotograph.includes('all') || screensToPhotograph.includes(screen);

type NavigationEntry = { readonly href: string; readonly name: string };

/** The navigation as the signed-in person sees it, read from the page, so a new screen is covered. */
async function navigationEntries(page: Page): Promise<NavigationEntry[]> {
  // Text, like the measure: no DOM types here. The outbox's link carries a count badge after the
  // screen's name, so the name is the link's first text.
  const read = await page.evaluate(
    `[...document.querySelectorAll('nav[aria-label="Main"] a')].map(link => ({ href: link.getAttribute('href') ?? '', name: (link.firstChild?.textContent ?? '').trim() }))`,
  );
  const entries = z.array(z.object({ href: z.string(), name: z.string() })).parse(read);
  return entries.filter((entry) => entry.href.length > 2);
}

/**
 * Opens each screen by clicking its link, waits for its heading and its data, then measures it at
 * each size (resizing in place) and runs axe once. Returns every problem found, named by role,
 * screen and size, so one run lists them all.
 */
async function visitEveryScreen(app: AppDriver, page: Page, role: string): Promise<string[]> {
  const problems: string[] = [];
  const frame = new AppFrame(page);
  const entries = await navigationEntries(page);
  expect(entries.length, `${role} sees no navigation`).toBeGreaterThan(3);
  for (const entry of entries) {
    const where = `${role}, ${entry.name}`;
    await test.step(where, async () => {
      await page.setViewportSize(sizes[0]);
      await frame.navigation.locator(`a[href="${entry.href}"]`).click();
      await expect(frame.navigation.locator(`a[href="${entry.href}"]`)).toHaveAttribute(
        'aria-current',
        'page',
      );
      const main = page.locator('#main');
      await expect(main.getByRole('heading', { level: 1 }).first(), `${where}: no heading`).toBeVisible();
      const loading = main.getByRole('status').filter({ hasText: stillLoading });
      await expect(loading, `${where}: still loading after 20 s`)
        .toHaveCount(0, { timeout: 20_000 })
        .catch(() => problems.push(`${where}: still loading after 20 s`));

      try {
        await app.expectAccessible(where);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
      for (const size of sizes) {
        await page.setViewportSize(size);
        const overflow = await sidewaysOverflow(page);
        const label = `${where} at ${size.width}x${size.height}`;
        if (overflow.length > 0) problems.push(`${label}:\n  - ${overflow.join('\n  - ')}`);
        if (overflow.length > 0 || photographs(entry.name))
          await app.screenshot(`${role}-${entry.name}-${size.width}x${size.height}`.replace(/[^\w-]+/g, '-'));
      }
    });
  }
  return problems;
}

/**
 * Signs in as the home's manager on the small fixture and adds the given colleagues' accounts.
 * Each role is its own journey, so none takes more than a few minutes and a failure names its role.
 */
async function startAsManager(app: AppDriver, page: Page, toAdd: typeof colleagues): Promise<void> {
  await page.setViewportSize(sizes[0]);
  await signInToFixture(app);
  if (toAdd.length > 0) await addStaffAccounts(page, toAdd);
}

function expectNoProblems(problems: readonly string[]): void {
  expect(problems, `Screens that do not fit or are not accessible:\n${problems.join('\n')}`).toEqual([]);
}

test('every screen fits the window at 1280x800 and 1366x768 for the Registered Manager', async ({
  app,
  page,
}) => {
  // Four accounts made (each a key derivation), so the staff tables hold a long name too.
  test.setTimeout(180_000);
  await startAsManager(app, page, colleagues);
  const problems = await visitEveryScreen(app, page, 'Registered Manager');

  // The measure itself can fail: a box wider than the window is found and named.
  await page.evaluate(
    `document.querySelector('#main').insertAdjacentHTML('beforeend', '<p id="too-wide-on-purpose" style="width: 2000px">A line wider than any window</p>')`,
  );
  expect((await sidewaysOverflow(page)).join('\n')).toContain('A line wider than any window');
  await page.evaluate(`document.querySelector('#too-wide-on-purpose').remove()`);
  expectNoProblems(problems);
});

for (const colleague of colleagues) {
  test(`every screen fits the window at 1280x800 and 1366x768 for ${colleague.role}`, async ({
    app,
    page,
  }) => {
    test.setTimeout(180_000);
    await startAsManager(app, page, [colleague]);
    await switchToNewStaff(page, colleague);
    expectNoProblems(await visitEveryScreen(app, page, colleague.role));
  });
}
