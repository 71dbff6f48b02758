import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { DoorPage } from './pages/door-page';
import { signInToFixture } from './pages/staff-journey';

test.describe('finding a past visitor', () => {
  test('a manager finds everyone who visited by part of their name, newest first, on a seeded home', async ({
    app,
    page,
  }) => {
    await signInToFixture(app);
    const frame = new AppFrame(page);

    // Today's visitor, whose name no fixture visitor shares, then years of register to search.
    await frame.open('Front door');
    const door = new DoorPage(page);
    await door.fill({
      name: 'Zebedee Quartermaine',
      organisation: 'Uncle',
      reason: 'Family visit',
      badge: '3',
    });
    await door.signInButton.click();
    await expect(door.announcement).toContainText('Zebedee Quartermaine signed in at');

    await frame.open('Visitor register');
    const search = page.getByRole('searchbox', { name: 'Visitor’s name' });
    await search.fill('quart zeb');
    const results = page.getByRole('list', { name: /Visits matching/ });
    await expect(results.getByRole('button')).toHaveCount(1);
    await expect(results.getByRole('button')).toContainText('Zebedee Quartermaine');
    await results.getByRole('button').click();
    await expect(results.getByText('Badge')).toBeVisible();
    await app.checkScreen('visitor register with a search', { screenshot: 'past visitor found and opened' });

    await search.fill('zzzz');
    await expect(page.getByText('Nobody of that name has visited.')).toBeVisible();
  });
});
