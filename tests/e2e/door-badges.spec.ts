import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AppDriver } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import {
  deanSupervised,
  homeWithCareWorker,
  karenMustNotCollect,
  manager,
  switchUser,
  signInDeanToBeSupervised,
} from './pages/door-home';
import { VisitorBadgePage, type BadgePaperName } from './pages/visitor-badge-page';

/** Never on a badge: the restriction's authority, reference and description (DESIGN rule 8), nor the conditions' wording. */
const neverOnABadge = [
  /LS26C01234/,
  /Court order/i,
  /assault/i,
  /NWP-88/,
  /Family room only/i,
  /intoxicated/i,
];

function run(tool: string, args: readonly string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${tool} is not installed (apt-get install -y poppler-utils)`);
  return `${result.stdout}${result.stderr}`;
}

/** Each paper's page in millimetres: A4, and a 62 mm label 100 mm long, read across. */
const pageSizes: Record<BadgePaperName, readonly [number, number]> = {
  'A4 sheet': [210, 297],
  '62 mm label': [100, 62],
};

/** The first page's size in millimetres, from pdfinfo's points. */
function pageSizeMm(info: string): [number, number] {
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  if (!size) throw new Error(`pdfinfo gave no page size: ${info}`);
  return [Number(size[1]), Number(size[2])].map((points) => Math.round((points * 25.4) / 72)) as [
    number,
    number,
  ];
}

/**
 * What the printer gets: the print view as a PDF at the size its own print CSS asks for, its
 * text (pdftotext), and page 1 as a PNG beside the screenshots (pdftoppm) to look at. Only in the
 * harness: `page.pdf` needs headless Chromium, which an Electron window is not.
 */
async function badgePdf(app: AppDriver, name: string, paper: BadgePaperName): Promise<string[]> {
  const folder = dirname(await app.screenshot(`${name} on screen`));
  if (app.runtime !== 'harness') return [];
  const path = join(folder, `${name}.pdf`);
  await app.page.pdf({ path, preferCSSPageSize: true });
  const info = run('pdfinfo', [path]);
  expect(pageSizeMm(info)).toEqual(pageSizes[paper]);
  // One badge, one page: nothing spills onto a second label.
  expect(info).toMatch(/Pages:\s+1\n/);
  expect(run('pdftoppm', ['-png', '-r', '110', '-singlefile', path, join(folder, `${name} printed`)])).toBe(
    '',
  );
  return [run('pdftotext', ['-layout', path, '-'])];
}

/** "Print badge" on `paper`, with the browser's print dialog stood in for: the print it started. */
async function printBadge(page: Page, badgeView: VisitorBadgePage, paper: BadgePaperName): Promise<void> {
  await badgeView.paperChoice(paper).check();
  const before = await page.evaluate('window.__badgePrints');
  await badgeView.printButton.click();
  await expect.poll(() => page.evaluate('window.__badgePrints')).toBe(Number(before) + 1);
}

test.describe('visitor badges', () => {
  test('a care worker prints badges for a supervised visitor and a contractor, on an A4 sheet and on a 62 mm label', async ({
    app,
    page,
  }) => {
    // A long journey: three people sign in (each a key derivation), five PDFs, and every screen gets axe.
    test.setTimeout(240_000);
    const door = await homeWithCareWorker(app, [deanSupervised, karenMustNotCollect]);
    const frame = new AppFrame(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await frame.open('Front door');
    await page.evaluate('window.__badgePrints = 0; window.print = () => { window.__badgePrints += 1; }');

    // Dean, supervised: his badge from the confirmation.
    await signInDeanToBeSupervised(door);
    await expect(door.printBadgeAfterSignIn('Dean Hughes')).toBeVisible();
    await app.checkScreen('front door: signed in, badge offered', {
      screenshot: '1280 signed in with print badge',
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.screenshot('1366 signed in with print badge');

    await door.printBadgeAfterSignIn('Dean Hughes').click();
    const badgeView = new VisitorBadgePage(page);
    await expect(badgeView.heading).toHaveText('Visitor badge: Dean Hughes');
    await expect(badgeView.heading).toBeFocused();
    // A first badge on this computer: an A4 sheet.
    await expect(badgeView.paperChoice('A4 sheet')).toBeChecked();
    for (const line of ['Oakfield House', 'Dean Hughes', 'Visiting Millie H.', 'SUPERVISED', 'Badge 4'])
      await expect(badgeView.badge).toContainText(line);
    await expect(badgeView.badge).toContainText(`Must be with ${manager.name} at all times.`);
    await expect(badgeView.badge).toContainText(/In \d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d/);
    for (const detail of neverOnABadge) await expect(badgeView.badge).not.toContainText(detail);
    await app.checkScreen('visitor badge, A4 sheet', { screenshot: '1366 badge view A4' });

    await printBadge(page, badgeView, 'A4 sheet');
    const deanA4 = await badgePdf(app, 'dean A4', 'A4 sheet');
    await printBadge(page, badgeView, '62 mm label');
    await app.expectAccessible('visitor badge, 62 mm label');
    const deanLabel = await badgePdf(app, 'dean label', '62 mm label');
    for (const printed of [...deanA4, ...deanLabel]) {
      for (const line of [
        'Oakfield House',
        'VISITOR',
        'Dean Hughes',
        'Visiting Millie H.',
        'SUPERVISED',
        'Badge 4',
      ])
        expect(printed).toContain(line);
      expect(printed).toMatch(/In \d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d/);
      // Only the badge: not the screen's heading, paper choice or buttons.
      for (const screenOnly of ['Visitor badge:', 'Paper', 'Print badge', 'Back to the front door'])
        expect(printed).not.toContain(screenOnly);
      for (const detail of neverOnABadge) expect(printed).not.toMatch(detail);
    }
    for (const printed of deanA4) expect(printed).toContain('Cut along the dashed line');
    for (const printed of deanLabel) expect(printed).not.toContain('Cut along the dashed line');
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.screenshot('1280 badge view label');
    await badgeView.backButton.click();

    // A contractor with no badge number: his badge from "On site now", on the paper last used here.
    await door.signIn({ name: 'Gary Price', organisation: 'Acme Heating Ltd', reason: 'Boiler repair' });
    await door.printBadgeButton('Gary Price').click();
    await expect(badgeView.heading).toHaveText('Visitor badge: Gary Price');
    await expect(badgeView.paperChoice('62 mm label')).toBeChecked();
    await printBadge(page, badgeView, '62 mm label');
    const garyLabel = await badgePdf(app, 'gary label', '62 mm label');
    await printBadge(page, badgeView, 'A4 sheet');
    const garyA4 = await badgePdf(app, 'gary A4', 'A4 sheet');
    for (const printed of [...garyLabel, ...garyA4]) {
      for (const line of ['Oakfield House', 'Gary Price', 'Acme Heating Ltd', 'No badge number'])
        expect(printed).toContain(line);
      expect(printed).not.toContain('SUPERVISED');
      expect(printed).not.toContain('CONDITIONS APPLY');
      expect(printed).not.toContain('Visiting');
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.screenshot('1366 contractor badge A4');
    await badgeView.backButton.click();

    // Karen may not collect Millie: "conditions apply", without the conditions.
    await door.signInOnTerms({
      name: 'Karen Hughes',
      visiting: ['Millie Hughes'],
      reason: 'Birthday visit',
      badge: '5',
    });
    await expect(door.printBadgeButton('Karen Hughes')).toBeVisible();
    await app.checkScreen('front door: three on site, each with a badge button', {
      screenshot: '1366 on site with badge buttons',
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.screenshot('1280 on site with badge buttons');
    await door.printBadgeButton('Karen Hughes').click();
    await expect(badgeView.badge).toContainText('CONDITIONS APPLY');
    await expect(badgeView.badge).toContainText('Staff: the conditions are on the front door’s list.');
    await expect(badgeView.badge).not.toContainText('collect');
    for (const detail of neverOnABadge) await expect(badgeView.badge).not.toContainText(detail);
    await app.screenshot('1280 conditions apply badge A4');
    await printBadge(page, badgeView, '62 mm label');
    for (const printed of await badgePdf(app, 'karen label', '62 mm label')) {
      for (const line of ['Karen Hughes', 'Visiting Millie H.', 'CONDITIONS APPLY', 'Badge 5'])
        expect(printed).toContain(line);
      expect(printed).not.toContain('collect');
      for (const detail of neverOnABadge) expect(printed).not.toMatch(detail);
    }
    await badgeView.backButton.click();

    // The fire roll lists the badge numbers.
    await door.printFireRollButton.click();
    await expect(door.fireRollRow('Dean Hughes').getByRole('cell').first()).toHaveText('4');
    await expect(door.fireRollRow('Karen Hughes').getByRole('cell').first()).toHaveText('5');
    await page.getByRole('button', { name: 'Back to the front door' }).click();

    // The manager sees each print in the audit log, with the paper and no name.
    await switchUser(page, manager.username, manager.password);
    const log = await AuditLogPage.open(page);
    const printed = log.entry('Printed a visitor badge');
    await expect(printed).toHaveCount(5);
    await expect(printed.filter({ hasText: '62 mm label' })).toHaveCount(3);
    await expect(printed.filter({ hasText: 'A4 sheet' })).toHaveCount(2);
    for (const name of ['Dean', 'Gary', 'Karen'])
      await expect(printed.filter({ hasText: name })).toHaveCount(0);
  });
});
