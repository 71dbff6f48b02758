import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test, type AppDriver } from './harness/fixtures';
import { officeWindowSizes } from './harness/page-actions';
import { AppFrame } from './pages/app-frame';
import { ReviewPage } from './pages/review-page';
import { ReviewSamplePage } from './pages/review-sample-page';
import { StaffAccountsPage } from './pages/staff-accounts-page';
import { VisitsPage } from './pages/visits-page';
import { caseCoordinator as coordinator, signInToFixture, switchToNewStaff } from './pages/staff-journey';
import { englishAcademicYear } from '../fixtures/english-term-dates';

const run = promisify(execFile);

const termWords = { autumn: 'Autumn term', spring: 'Spring term', summer: 'Summer term' } as const;

/**
 * The fixture's terms, worked out from its last day (today when it was made), so the journey
 * reads the same whenever it runs: the term it is in (or the last that has started), and the
 * summer term a year before that, which the small fixture's six weeks of contacts never reach.
 */
function fixtureTerms(endDate: string) {
  const endYear = Number(endDate.slice(0, 4));
  let startYear = endDate.slice(5) >= '08-01' ? endYear : endYear - 1;
  let year = englishAcademicYear(startYear, 'current');
  if (year.terms[0].startsOn > endDate) {
    startYear -= 1;
    year = englishAcademicYear(startYear, 'current');
  }
  const term = [...year.terms].reverse().find((each) => each.startsOn <= endDate) ?? year.terms[0];
  const yesterday = new Date(Date.parse(`${endDate}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const label = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  return {
    current: `${termWords[term.name]} ${label(startYear)}`,
    currentTrendLabel: `${termWords[term.name].replace(' term', '')} ${label(startYear)}`,
    /** A day of the current term before the fixture's last day, for a visit that has happened whatever the time now. */
    heldOn: term.endsOn < yesterday ? term.endsOn : yesterday,
    summerBefore: `Summer term ${label(startYear - 1)}`,
    summerBeforeTrendLabel: `Summer ${label(startYear - 1)}`,
  };
}

/** The small fixture's manager, signed in and on the termly review. */
async function managerOnTermlyReview(app: AppDriver) {
  const summary = await signInToFixture(app);
  const frame = new AppFrame(app.page);
  await frame.open('Termly review');
  return { summary, terms: fixtureTerms(summary.endDate), frame, review: new ReviewPage(app.page) };
}

test.describe('the termly review', () => {
  // Long journeys on a seeded home, with axe on every screen: more than the default minute on two cores.
  test.setTimeout(480_000);
  test('the manager finds a term with no home visit red with its reason, opens the records behind a figure, and a Case Co-ordinator sees only their own young person', async ({
    app,
    page,
  }) => {
    const { terms, frame, review } = await managerOnTermlyReview(app);
    await expect(review.heading).toBeVisible();
    await expect(review.table).toBeVisible();
    const everyone = await review.youngPeopleRows().count();
    expect(everyone).toBeGreaterThan(1);
    await app.checkScreen('termly review, this term', { screenshot: 'manager sees everyone this term' });

    // The summer term before the fixture's recent months: no home visit for anyone placed long enough, so red, with the reason.
    await review.chooseTerm(terms.summerBefore);
    const missed = review.table
      .getByRole('button', { name: /, Home visit this term: None held, red/ })
      .first();
    await expect(missed).toContainText('None held');
    await missed.click();
    await expect(review.drillDown).toContainText(
      'No home visit in the summer term: the policy asks for a home visit each term.',
    );
    await expect(review.drillDown).toContainText('No records stand behind this figure');
    await app.checkScreen('a red term with its reason', {
      screenshot: 'summer term without a home visit is red',
    });
    await review.drillDown.getByRole('button', { name: 'Close the records' }).click();

    // This term: a figure with records behind it opens them in a table.
    await review.chooseTerm(terms.current);
    // The trend runs back into last year: its words name last year's summer term and this one.
    const trend = page
      .getByRole('figure', { name: /^Trend across this term/ })
      .locator(':scope > div[role="img"]');
    await expect(trend).toHaveAttribute(
      'aria-label',
      new RegExp(`${terms.summerBeforeTrendLabel}: \\d+ red.*${terms.currentTrendLabel}: \\d+ red`),
    );
    const withRecords = review.table
      .getByRole('button', { name: /Weekly parent updates|Home visits this year|Learning consultations/ })
      .filter({ hasNotText: 'Not due' });
    await expect(withRecords.first()).toBeVisible();
    const youngPersonName =
      (await review.table.locator('tbody tr th[scope="row"] button').first().textContent()) ?? '';
    // Someone with no home visit held this term yet (none, one booked, or not due: placed too
    // recently): who that is depends on the day the fixture was made, as its six weeks of
    // contacts reach into this term.
    const noneHeld = /, Home visit this term: (None held|None yet|Booked|Not due)/;
    const withoutHomeVisit = (
      (await review
        .youngPeopleRows()
        .filter({ has: page.getByRole('button', { name: noneHeld }) })
        .first()
        .locator('th[scope="row"] button')
        .textContent()) ?? ''
    ).trim();
    expect(withoutHomeVisit).not.toBe('');
    await review.row(youngPersonName).getByRole('button', { name: youngPersonName, exact: true }).click();
    await expect(review.youngPersonReview.getByRole('heading', { level: 2 })).toContainText(youngPersonName);
    await expect(
      review.youngPersonReview.getByRole('table', {
        name: `Contact per family member for ${youngPersonName}`,
      }),
    ).toBeVisible();
    await app.checkScreen('a young person’s review', {
      screenshot: 'a young person’s review with family members',
    });
    const visitsButton = review.youngPersonReview
      .getByRole('button', { name: /^Open the contacts with / })
      .filter({ hasNotText: /^0$/ })
      .first();
    await visitsButton.click();
    const records = review.drillDown.getByRole('table', { name: /^Records behind:/ });
    await expect(records).toBeVisible();
    expect(await records.locator('tbody tr').count()).toBeGreaterThan(0);
    await app.checkScreen('the records behind a figure', { screenshot: 'drill-down lists the records' });

    // A home visit held without the Personal Tutor and Case Co-ordinator both there: amber, with why.
    await frame.open('Visits');
    const visits = new VisitsPage(page);
    await visits.bookButton.click();
    await visits.fill({
      youngPeople: [withoutHomeVisit],
      kind: 'Home visit to the family home',
      staff: ['Fixture Manager'],
      date: terms.heldOn,
      startTime: '06:00',
      endTime: '07:00',
    });
    await visits.submit();
    await expect(visits.banner).toContainText('Visit booked.');
    await visits.details.getByRole('button', { name: 'Mark completed' }).click();
    await expect(visits.details.getByRole('status')).toContainText('Marked completed.');
    await frame.open('Termly review');
    await review.chooseTerm(terms.current);
    const held = review.figure(withoutHomeVisit, 'Home visit this term');
    await expect(held).toContainText('1 held');
    await expect(held).toHaveAccessibleName(/: 1 held, amber: needs attention\./);
    await held.click();
    await expect(review.drillDown).toContainText('1 home visit in the');
    await expect(review.drillDown).toContainText(
      'none with both the Personal Tutor and the Case Co-ordinator',
    );
    // One contact, counted once: the visit, and the contact form its completion made due.
    const behind = review.drillDown.getByRole('table', { name: /^Records behind:/ }).locator('tbody tr');
    await expect(behind).toHaveCount(2);
    await expect(behind.filter({ hasText: 'Home visit to the family home' })).toContainText('Completed');
    await expect(behind.filter({ hasText: 'Not filed' })).toHaveCount(1);
    await app.checkScreen('an amber home visit with its record', {
      screenshot: 'home visit held without both is amber',
    });
    await review.drillDown.getByRole('button', { name: 'Close the records' }).click();

    // A Case Co-ordinator, given one young person, sees only that one: the data layer decides.
    await frame.open('Staff accounts');
    const accounts = new StaffAccountsPage(page);
    await accounts.add(coordinator);
    await expect(accounts.confirmation).toContainText(`${coordinator.name} can now sign in`);
    await frame.open('Young people');
    await page
      .getByRole('button', { name: new RegExp(`^(Open|Change|Edit).*${youngPersonName}`) })
      .first()
      .click();
    await page
      .getByRole('button', { name: /^(Change|Edit)/ })
      .first()
      .click();
    await page.getByLabel('Case Co-ordinator').selectOption({ label: coordinator.name });
    await page.getByRole('button', { name: /^Save/ }).click();
    await switchToNewStaff(page, coordinator);
    await frame.open('Termly review');
    await expect(page.getByText('Your young people as Case Co-ordinator: 1.')).toBeVisible();
    await expect(review.youngPeopleRows()).toHaveCount(1);
    await expect(review.row(youngPersonName)).toBeVisible();
    await expect(frame.navigation.getByRole('link', { name: 'Sample monitoring' })).toHaveCount(0);
    await app.checkScreen('a Case Co-ordinator’s termly review', {
      screenshot: 'case co-ordinator sees only their young person',
    });
  });

  test('the manager reads each young person’s term in words, at 1280 and 1366 wide with no sideways scrolling, and books a missing home visit from its red cell by keyboard', async ({
    app,
    page,
  }) => {
    const { terms, review } = await managerOnTermlyReview(app);
    await review.chooseTerm(terms.summerBefore);
    await expect(review.table).toBeVisible();
    // Written as text: the e2e project has no DOM types, and the page runs it as it stands.
    const widerThanWindow = () =>
      page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

    for (const size of officeWindowSizes) {
      await page.setViewportSize(size);
      await expect(review.table).toBeVisible();
      expect(await widerThanWindow(), `sideways scrolling at ${size.width}`).toBeLessThanOrEqual(0);
      // Every cell reads as words a person says aloud, never "Red: none" or "Amber: 0".
      const cells = review.table.locator('tbody td button');
      const texts = await cells.allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts)
        expect(text).not.toMatch(/(Red|Amber|Green|Not due yet): |: (none|0)\b|^[●▲✓–⊘]?–/);
      await app.checkScreen(`termly review at ${size.width}`, {
        screenshot: `termly review at ${size.width}x${size.height}`,
      });
    }

    // By keyboard: a red home visit opens its reason and offers to book one.
    const missed = review.table
      .getByRole('button', { name: /, Home visit this term: None held, red/ })
      .first();
    const who = ((await missed.getAttribute('aria-label')) ?? '').split(',')[0] ?? '';
    await missed.focus();
    await page.keyboard.press('Enter');
    await expect(review.drillDown.getByRole('heading', { level: 2 })).toBeFocused();
    const book = review.drillDown.getByRole('link', { name: `Book a home visit for ${who}` });
    await expect(book).toBeVisible();
    await app.screenshot('a red home visit offers to book one');
    await book.focus();
    await page.keyboard.press('Enter');

    // The booking form opens filled in: the young person, a home visit, their PT and CC.
    const visits = new VisitsPage(page);
    await expect(visits.bookingForm).toBeVisible();
    await expect(
      visits.bookingForm
        .getByRole('group', { name: 'Young people' })
        .getByRole('checkbox', { name: who, exact: true }),
    ).toBeChecked();
    await expect(visits.bookingForm.getByLabel('Kind of visit')).toHaveValue('homeVisit');
    expect(
      await visits.bookingForm
        .getByRole('group', { name: 'Staff going' })
        .getByRole('checkbox', { checked: true })
        .count(),
    ).toBeGreaterThan(0);
    await app.checkScreen('a home visit booking, filled in from the review', {
      screenshot: 'booking a home visit from the review',
    });
  });

  test('the manager draws a sample of a term’s filed forms and reviews one, and signs the termly report, which pdfsig verifies', async ({
    app,
    page,
  }) => {
    const summary = await signInToFixture(app);
    const frame = new AppFrame(page);

    await frame.open('Sample monitoring');
    const sampling = new ReviewSamplePage(page);
    await expect(sampling.heading).toBeVisible();
    const terms = fixtureTerms(summary.endDate);
    await sampling.draw(terms.current, 0);
    await expect(sampling.drawForm).toContainText('Sample at least 1 form.');
    await sampling.draw(terms.current, 3);
    await expect(page.getByRole('status').filter({ hasText: 'were drawn at random' })).toContainText(
      '3 forms were drawn at random from the',
    );
    await expect(sampling.sampledForms()).toHaveCount(3);
    const first = sampling.sampledForms().first();
    await first.getByRole('button', { name: 'Save review' }).click();
    await expect(first).toContainText('Choose an outcome.');
    await sampling.review(
      first,
      'Needs improvement',
      'The family’s views are missing; talk to the author in supervision.',
    );
    await expect(first).toContainText('Reviewed: Needs improvement. The family’s views are missing');
    await expect(sampling.samplesTable.getByRole('row')).toHaveCount(2);
    await app.checkScreen('sample monitoring', { screenshot: 'a sample drawn and one form reviewed' });

    await frame.open('Termly review');
    const review = new ReviewPage(page);
    await expect(review.table).toBeVisible();
    const fileName = await review.saveSignedReport(
      summary.signIn.password,
      'Regulation 44 visitor',
      'Ofsted inspection',
    );
    await app.screenshot('signed report saved');
    const path = `${app.tempDir}/documents/saved/${fileName}`;
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');
    const { stdout } = await run('pdfsig', [path]);
    expect(stdout).toContain('Signature is Valid');
    expect(stdout).toContain('Total document signed');

    await frame.open('Disclosure log');
    await expect(page.getByRole('table')).toContainText('Regulation 44 visitor');
    await expect(page.getByRole('table')).toContainText('Termly review');
  });
});
