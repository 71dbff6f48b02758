// Drives the app from a plain script (no test runner): sets up a home, adds an academic year,
// and saves screenshots. Run it with
//   npx electron-vite build && npx tsx tests/e2e/scripts/set-up-a-home.ts
// and look in tests/e2e/artifacts/screens/script-set-up-a-home/.
import { openAppForScript } from '../harness/script-session';
import { AcademicCalendarPage, year2026 } from '../pages/academic-calendar-page';
import { AppFrame } from '../pages/app-frame';
import { FirstRunSetupPage } from '../pages/first-run-setup-page';

const { app, close } = await openAppForScript({ name: 'set up a home' });
try {
  await app.startEmpty();
  const setup = new FirstRunSetupPage(app.page);
  await setup.fill(
    { name: 'Oakfield House', ofstedUrn: 'SC123456', timeZone: 'Europe/London' },
    {
      name: 'Priya Shah',
      username: 'priya.shah',
      email: 'priya.shah@oakfield.example',
      password: 'lantern orbit pebble saffron',
    },
  );
  await setup.submit();
  const frame = new AppFrame(app.page);
  await frame.signedInAs.waitFor();
  // A new home opens on Home: the calendar is one link away.
  await frame.open('Academic calendar');

  const calendar = new AcademicCalendarPage(app.page);
  await calendar.addYearButton.click();
  await calendar.fillYear(year2026);
  await calendar.save();
  await calendar.row('2026/27').waitFor();
  console.log('Saved:', await app.screenshot('academic calendar'));
  await app.expectAccessible('academic calendar');
  console.log('The app says:', await app.api('app:get-info', {}));
} finally {
  await close();
}
