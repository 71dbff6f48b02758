import { expect, test, type AppDriver } from './harness/fixtures';
import { AcademicCalendarPage, year2026 } from './pages/academic-calendar-page';
import { AppFrame } from './pages/app-frame';
import { FirstRunSetupPage, type HomeDetails, type ManagerAccount } from './pages/first-run-setup-page';
import { HomeSettingsPage } from './pages/home-settings-page';
import { SignInPage } from './pages/sign-in-page';

const home: HomeDetails = { name: 'Oakfield House', ofstedUrn: 'SC123456', timeZone: 'Europe/London' };
const manager: ManagerAccount = {
  name: 'Priya Shah',
  username: 'priya.shah',
  email: 'priya.shah@oakfield.example',
  // Four random words: long enough and unguessable enough for the password rules.
  password: 'lantern orbit pebble saffron',
};

/** First run, done properly: the manager lands on the academic calendar, signed in. */
async function setUpHome(app: AppDriver, details: HomeDetails = home): Promise<void> {
  const setup = new FirstRunSetupPage(app.page);
  await expect(setup.heading).toBeVisible();
  await setup.fill(details, manager);
  await setup.submit();
  await expect(new AppFrame(app.page).signedInAs).toContainText(manager.name);
}

/** After a reload the app is signed out: only the sign-in form, naming the home. */
async function signInAgain(app: AppDriver, expectedHomeName: string): Promise<void> {
  const signIn = new SignInPage(app.page);
  await expect(signIn.heading).toBeVisible();
  await expect(signIn.productLine).toHaveText(`Family Links · ${expectedHomeName}`);
  await signIn.signIn(manager.username, manager.password);
  await expect(new AppFrame(app.page).signedInAs).toContainText(manager.name);
}

test('a manager sets up the home and its academic calendar, and it is still there after a reload', async ({
  app,
}) => {
  // A first run and a sign-in after the reload (each a key derivation) and five axe passes.
  test.setTimeout(120_000);
  await app.startEmpty();
  const setup = new FirstRunSetupPage(app.page);
  await expect(setup.heading).toBeVisible();
  await app.checkScreen('first-run setup', { screenshot: '01-first-run-setup' });

  await setup.fill(home, manager);
  await setup.submit();
  const frame = new AppFrame(app.page);
  await expect(frame.homeName).toHaveText(home.name);
  await expect(frame.signedInAs).toContainText(manager.name);

  // The manager corrects the home's details in Home settings.
  await frame.open('Home settings');
  const settings = new HomeSettingsPage(app.page);
  await expect(settings.heading).toBeVisible();
  await expect(settings.homeName).toHaveValue(home.name);
  await expect(settings.ofstedUrn).toHaveValue(home.ofstedUrn);
  await expect(settings.timeZone).toHaveValue(home.timeZone);
  await settings.fill({ name: 'Oakfield House Children’s Home', ofstedUrn: 'sc654321' });
  await settings.save();
  await expect(settings.outcome).toHaveText('Home details saved.');
  // Saved as the certificate shows it (upper case), and the header follows at once.
  await expect(settings.ofstedUrn).toHaveValue('SC654321');
  await expect(frame.homeName).toHaveText('Oakfield House Children’s Home');
  await app.checkScreen('home settings', { screenshot: '02-home-details-saved' });

  await frame.open('Academic calendar');
  const calendar = new AcademicCalendarPage(app.page);
  await expect(calendar.heading).toBeVisible();
  await expect(calendar.emptyMessage).toBeVisible();
  await app.expectAccessible('academic calendar, empty');

  await calendar.addYearButton.click();
  await expect(calendar.form).toBeVisible();
  await calendar.fillYear(year2026);
  await app.checkScreen('add an academic year', { screenshot: '03-academic-year-filled-in' });
  await calendar.save();
  await expect(calendar.confirmation).toHaveText('2026/27 saved.');
  await expect(calendar.form).toBeHidden();
  const row = calendar.row('2026/27');
  await expect(row).toContainText(/3 Sept? 2026 to 18 Dec 2026/);
  await expect(row).toContainText(/5 Jan 2027 to 26 Mar 2027/);
  await expect(row).toContainText(/12 Apr 2027 to 21 Jul 2027/);
  await expect(row).toContainText(/Half term 26 Oct to 30 Oct/);
  await app.checkScreen('academic calendar with a year', { screenshot: '04-academic-year-saved' });

  await app.reload();
  await expect(new SignInPage(app.page).heading).toBeVisible();
  await app.checkScreen('sign in', { screenshot: '05-after-reload-sign-in' });
  await signInAgain(app, 'Oakfield House Children’s Home');

  await expect(calendar.heading).toBeVisible();
  await expect(calendar.row('2026/27')).toContainText(/3 Sept? 2026 to 18 Dec 2026/);
  await expect(calendar.row('2026/27')).toContainText(/Half term 31 May to 4 Jun/);
  await frame.open('Home settings');
  await expect(settings.homeName).toHaveValue('Oakfield House Children’s Home');
  await expect(settings.ofstedUrn).toHaveValue('SC654321');
  await expect(settings.timeZone).toHaveValue('Europe/London');
  await app.screenshot('06-after-reload-home-settings');
});

test('a manager’s mistakes are explained beside the field, and nothing half-done is saved', async ({
  app,
}) => {
  // Two first runs (each a key derivation and a certificate), a reload and four axe passes.
  test.setTimeout(120_000);
  await app.startEmpty();

  // First run without the home's name: nothing is set up, not even the account.
  const setup = new FirstRunSetupPage(app.page);
  await setup.fill({ ...home, name: '' }, manager);
  await setup.submit();
  await expect(setup.homeName).toHaveAccessibleDescription(/Enter the home’s name\./);
  await expect(setup.homeName).toHaveAttribute('aria-invalid', 'true');
  await expect(setup.errorBanner).toContainText('Some details need correcting');
  await app.checkScreen('first-run setup with an error', { screenshot: '01-first-run-without-home-name' });
  // Setting up a home comes first; restoring one from a backup second.
  const headings = await app.page
    .getByRole('heading', { level: 1 })
    .or(app.page.getByRole('heading', { name: 'Restore from a backup' }))
    .allTextContents();
  expect(headings).toEqual(['Set up your home', 'Restore from a backup']);
  await app.reload();
  await expect(setup.heading).toBeVisible();
  await expect(setup.homeName).toHaveValue('');

  await setUpHome(app);
  const frame = new AppFrame(app.page);

  // A term that ends before it starts: the year is refused and the problem shown at the field.
  await frame.open('Academic calendar');
  const calendar = new AcademicCalendarPage(app.page);
  await calendar.addYearButton.click();
  await calendar.fillYear({
    ...year2026,
    terms: { ...year2026.terms, Autumn: { ...year2026.terms.Autumn, endsOn: '2026-08-20' } },
  });
  await calendar.save();
  const autumnEnds = calendar.termField('Autumn', 'ends');
  await expect(autumnEnds).toHaveAccessibleDescription(
    /The autumn term ends before it starts\. Check the end date\./,
  );
  await expect(autumnEnds).toHaveAttribute('aria-invalid', 'true');
  await expect(calendar.formError).toContainText('Some dates need correcting');
  // Only the faulty field is marked: the spring and summer terms are fine.
  await expect(calendar.termField('Spring', 'ends')).not.toHaveAttribute('aria-invalid', 'true');
  // Term by term, in the year's order: start, half term, end on one row; the error under the end
  // date leaves the term's other dates where they were.
  const rowTops = await Promise.all(
    (['starts', 'half term starts', 'half term ends', 'ends'] as const).map(
      async (field) => (await calendar.termField('Autumn', field).boundingBox())?.y,
    ),
  );
  expect(new Set(rowTops).size).toBe(1);
  const boxes = await Promise.all(
    (['starts', 'half term starts', 'half term ends', 'ends'] as const).map(
      async (field) => (await calendar.termField('Autumn', field).boundingBox())?.x ?? 0,
    ),
  );
  expect(boxes).toEqual([...boxes].sort((a, b) => a - b));
  await app.checkScreen('academic year with an error', { screenshot: '02-term-ends-before-it-starts' });

  // An empty home name in Home settings: refused, and the saved name stays in the header.
  await frame.open('Home settings');
  const settings = new HomeSettingsPage(app.page);
  await settings.fill({ name: '   ' });
  await settings.save();
  await expect(settings.homeName).toHaveAccessibleDescription(/Enter the home’s name\./);
  await expect(settings.outcome).toHaveCount(0);
  await expect(frame.homeName).toHaveText(home.name);
  await app.checkScreen('home settings with an error', { screenshot: '03-empty-home-name' });

  // After a reload, the records are as they were before the mistakes. The app reopens on the
  // screen it was showing; its form may bring back what was typed (a draft), never as saved.
  await app.reload();
  await signInAgain(app, home.name);
  await expect(settings.heading).toBeVisible();
  await expect(frame.homeName).toHaveText(home.name);
  await frame.open('Academic calendar');
  await expect(calendar.heading).toBeVisible();
  await expect(calendar.emptyMessage).toBeVisible();
  await expect(calendar.table).toHaveCount(0);
  await expect(frame.homeName).toHaveText(home.name);
  await app.screenshot('04-after-reload-nothing-saved');
});
