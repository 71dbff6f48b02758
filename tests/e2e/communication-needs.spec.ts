import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { MyYoungPeoplePage } from './pages/my-young-people-page';
import {
  addStaffAccounts,
  nameStaffOnYoungPerson,
  personalTutor as tutor,
  signInToFixtureAt,
  switchToNewStaff,
} from './pages/staff-journey';
import { VisitsPage } from './pages/visits-page';

// 11:00 on Tuesday 8 December 2026 (GMT, so the home's clock and UTC agree); the birthday is on the 13th.
const today = '2026-12-08';
const opening = new Date(`${today}T11:00:00.000Z`);

const line = 'Speaks Polish; needs an interpreter. Prefers phone calls after 6pm.';
const reminder = 'Mum’s birthday on 13 December: support a card or call';

test.describe('how each family member communicates, and their special dates', () => {
  // A seeded home and two sign-ins (Argon2id, one changing a password) on two shared cores.
  test.setTimeout(240_000);

  test('a manager records Mum’s language, interpreter and birthday; booking and the door show the line; her PT sees the reminder a week before', async ({
    app,
    page,
  }) => {
    await signInToFixtureAt(app, opening);
    const frame = new AppFrame(page);

    // The manager adds the tutor and names her on a young person placed today.
    await addStaffAccounts(page, [tutor]);
    await frame.open('Young people');
    const child = await nameStaffOnYoungPerson(page, { 'Personal Tutor': tutor.name }, { placedToday: true });

    // Mum: Polish, needs an interpreter, prefers phone calls after 6pm; her birthday in five days.
    await frame.open('Family and friends');
    await page.getByRole('button', { name: 'Add a family member or friend' }).click();
    const form = page.getByRole('form', { name: 'Add a family member or friend' });
    await form.getByLabel('First name').fill('Anna');
    await form.getByLabel('Last name (optional)').fill('Kowalska');
    await form.getByLabel('Language (optional)').fill('Polish');
    await form.getByRole('checkbox', { name: 'Needs an interpreter' }).check();
    await form
      .getByRole('group', { name: /Prefers to be contacted by/ })
      .getByRole('checkbox', { name: 'Phone' })
      .check();
    await form.getByLabel('Best times (optional)').fill('after 6pm');
    await form.getByLabel('Young person').selectOption({ label: child });
    await form.getByLabel('Relationship', { exact: true }).fill('mum');
    await form.getByLabel('Kind of relationship').selectOption({ label: 'Parent' });
    await form.getByRole('button', { name: 'Add a special date' }).click();
    const date = form.getByRole('group', { name: 'Special date 1' });
    await expect(date.getByLabel('What it is')).toHaveValue('birthday');
    // A day that is not in the month is refused beside the field, then put right.
    await date.getByLabel('Day').fill('31');
    await date.getByLabel('Month').selectOption({ label: 'November' });
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect(date.getByText('That day is not in that month. Check the date.')).toBeVisible();
    await date.getByLabel('Day').fill('13');
    await date.getByLabel('Month').selectOption({ label: 'December' });
    await date.getByLabel('Year (optional)').fill('1980');
    await app.checkScreen('person form with communication and special dates', { screenshot: 'person-form' });
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Anna Kowalska’s details are saved.' }),
    ).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'Anna Kowalska' });
    await expect(row).toContainText(line);
    await expect(row).toContainText('Special dates: birthday 13 December 1980');

    // Booking her visit this afternoon: the line is there under who is coming.
    await frame.open('Visits');
    const visits = new VisitsPage(page);
    await visits.bookButton.click();
    await visits.fill({
      youngPeople: [child],
      family: ['Anna Kowalska'],
      date: today,
      startTime: '14:00',
      endTime: '15:00',
    });
    await visits.bookingForm.getByLabel('Room').selectOption({ index: 1 });
    const notes = visits.bookingForm.getByRole('note', { name: 'How they communicate' });
    await expect(notes).toContainText(`Anna Kowalska: ${line}`);
    await app.checkScreen('booking a visit with the communication line', {
      screenshot: 'booking',
      atOfficeSizes: true,
    });
    await visits.submit();
    await expect(visits.banner).toContainText('Visit booked.');

    // At the front door, whoever greets her knows to have the interpreter ready.
    await frame.open('Front door');
    const expected = page
      .getByRole('list', { name: 'Visits expected today' })
      .getByRole('listitem')
      .filter({ hasText: 'Anna Kowalska visiting' });
    await expect(expected.getByRole('note', { name: 'How they communicate' })).toContainText(line);
    await app.checkScreen('front door with an expected visitor’s communication line', {
      screenshot: 'front-door',
      atOfficeSizes: true,
    });

    // The tutor: the reminder on her home screen, a week ahead, one step from booking or recording.
    await switchToNewStaff(page, tutor);
    await frame.open('Home');
    const panel = page.getByRole('region', { name: 'Special dates this week' });
    await expect(panel.getByRole('listitem')).toContainText(reminder);
    await expect(panel.getByRole('listitem')).toContainText(
      `in 5 days, turning 46; Anna Kowalska, for ${child}`,
    );
    await app.checkScreen('home with a special date', { screenshot: 'home', atOfficeSizes: true });

    await frame.open('My young people');
    const mine = new MyYoungPeoplePage(page);
    await expect(mine.heading).toBeVisible();
    const dates = mine
      .panel(child)
      .getByRole('list', { name: `Special dates this week in ${child}’s family` });
    await expect(dates).toContainText(reminder);
    await app.checkScreen('my young people with a special date', {
      screenshot: 'my-young-people',
      atOfficeSizes: true,
    });

    // One step: record the call, with Anna on it; the contact form says how she communicates.
    await dates.getByRole('link', { name: `Record the call for ${child}: ${reminder}` }).click();
    await page
      .getByRole('group', { name: 'Family and friends' })
      .getByRole('checkbox', { name: /^Anna Kowalska/ })
      .check();
    await expect(page.getByRole('note', { name: 'How they communicate' })).toContainText(
      `Anna Kowalska: ${line}`,
    );
    await app.checkScreen('contact form with the communication line', { screenshot: 'contact-form' });
  });
});
