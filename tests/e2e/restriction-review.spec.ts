import { expect, test } from './harness/fixtures';
import { londonDate, ukDate } from './harness/london-dates';
import { officeWindowSizes } from './harness/page-actions';
import { AppFrame } from './pages/app-frame';
import { addMillie, newHome, recordRestriction } from './pages/door-home';
import { DoorPage } from './pages/door-page';

/** A date `days` from today in the home's zone (Europe/London), typed day/month/year as staff do. */
function londonDay(days: number): string {
  return ukDate(londonDate(-days));
}

test.describe('restrictions that are reviewed and changed', () => {
  test('a manager reviews a restriction off the due list, then changes it: the door uses the new version, the history keeps the old', async ({
    app,
    page,
  }) => {
    test.setTimeout(240_000);
    await newHome(app);
    await addMillie(page);
    const frame = new AppFrame(page);

    // Dean may not see Millie; the order is due for review in three days.
    await recordRestriction(page, {
      name: 'Dean Hughes',
      kind: 'No contact',
      authority: 'Court order',
      reference: 'LS26C01234',
      reviewOn: londonDay(3),
    });

    await frame.open('Home');
    const attention = page.getByRole('region', { name: 'Restrictions to look at' });
    await expect(attention).toContainText('Due for review');
    await expect(attention).toContainText('Dean Hughes');
    await attention.getByRole('link', { name: 'Millie Hughes' }).first().click();

    const card = page.getByRole('article', { name: 'Dean Hughes: No contact' });
    await card.getByRole('button', { name: 'Record a review' }).click();
    const review = card.getByRole('form', { name: 'Record a review of the restriction on Dean Hughes' });
    // Nothing chosen yet: each problem shows at its field and nothing is saved.
    await review.getByRole('button', { name: 'Record the review' }).click();
    await expect(review).toContainText('Choose what the review decided.');
    await expect(review.getByLabel('Checked with')).toHaveAttribute('aria-invalid', 'true');
    await review.getByLabel('Checked with').fill('Jo Bell, social worker, Leeds City Council');
    await review.getByLabel('It continues unchanged').check();
    // A next review date that is not after today would leave it on the due list: refused.
    await review.getByLabel('Next review by').fill(londonDay(0));
    await review.getByRole('button', { name: 'Record the review' }).click();
    await expect(review).toContainText('Set the next review after today');
    await review.getByLabel('Next review by').fill(londonDay(90));
    await app.expectAccessible('record a review');
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.screenshot('review-form-1280');
    await review.getByRole('button', { name: 'Record the review' }).click();
    await expect(page.getByText('The review of the restriction on Dean Hughes is recorded.')).toBeVisible();

    await frame.open('Home');
    await expect(attention).not.toContainText('Dean Hughes');
    await app.screenshot('home-after-review');
    await attention.page().goBack();
    await expect(card).toBeVisible();

    // The court varies the order: supervised contact from today.
    await card.getByRole('button', { name: 'Change' }).click();
    const change = card.getByRole('form', { name: 'Change the restriction on Dean Hughes' });
    await change.getByLabel('What is restricted').selectOption({ label: 'Supervised contact only' });
    await change
      .getByLabel('Conditions (optional unless “Other”)')
      .fill('Family room only, two staff present');
    await change.getByLabel('Reference').fill('LS26C01234/V1');
    await app.expectAccessible('change a restriction');
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.screenshot('change-form-1366');
    await change.getByRole('button', { name: 'Save the change' }).click();
    await expect(page.getByText(/The restriction on Dean Hughes is changed from/)).toBeVisible();
    // Saving the same change again says so, and saves nothing.
    const changed = page.getByRole('article', { name: 'Dean Hughes: Supervised contact only' });
    await changed.getByRole('button', { name: 'Change' }).click();
    await changed.getByRole('button', { name: 'Save the change' }).click();
    await expect(changed).toContainText('Nothing has changed');
    await changed.getByRole('button', { name: 'Cancel' }).click();

    await changed.getByRole('button', { name: 'History' }).click();
    const versions = changed.getByRole('table', {
      name: 'Versions of the restriction on Dean Hughes, newest first',
    });
    await expect(versions.getByRole('row')).toHaveCount(3);
    await expect(versions.getByRole('row').nth(1)).toContainText('Supervised contact only');
    await expect(versions.getByRole('row').nth(1)).toContainText('LS26C01234/V1');
    await expect(versions.getByRole('row').nth(2)).toContainText('No contact');
    await expect(versions.getByRole('row').nth(2)).toContainText('Priya Raman');
    const reviews = changed.getByRole('table', {
      name: 'Reviews of the restriction on Dean Hughes, newest first',
    });
    await expect(reviews).toContainText('Jo Bell, social worker, Leeds City Council');
    await app.expectAccessible('restriction history');
    for (const size of officeWindowSizes) {
      await page.setViewportSize(size);
      await app.screenshot(`history-${size.width}`);
    }

    // At the door Dean is no longer turned away: he may come in, supervised.
    await frame.open('Front door');
    const door = new DoorPage(page);
    await door.fill({ name: 'Dean Hughes', visiting: ['Millie Hughes'], reason: 'Contact visit' });
    await expect(door.warning).toContainText('Supervised');
    await expect(door.blocked).toHaveCount(0);
    await app.screenshot('door-uses-new-version');
  });
});
