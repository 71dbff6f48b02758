import { z } from 'zod';
import { expect, test } from './harness/fixtures';
import { AcademicCalendarPage } from './pages/academic-calendar-page';
import { AppFrame } from './pages/app-frame';
import { SignInPage } from './pages/sign-in-page';

// What this spec relies on from the seeder's summary (tests/fixtures/browser-seed.ts), checked
// rather than assumed, so a change there fails here with a clear message.
const seedSummarySchema = z.object({
  homeName: z.string().min(1),
  signIn: z.object({ username: z.string(), password: z.string() }),
  loaded: z.object({ academicYears: z.number().int().positive() }),
});

test('a manager opens a home that already has years of records and finds every academic year', async ({
  app,
}) => {
  const summary = seedSummarySchema.parse(await app.startWithFixture({ size: 'small', seed: 1 }));

  const signIn = new SignInPage(app.page);
  await expect(signIn.productLine).toHaveText(`Family Links · ${summary.homeName}`);
  await signIn.signIn(summary.signIn.username, summary.signIn.password);
  const frame = new AppFrame(app.page);
  await expect(frame.homeName).toHaveText(summary.homeName);

  await frame.open('Academic calendar');
  const calendar = new AcademicCalendarPage(app.page);
  await expect(calendar.heading).toBeVisible();
  // One row per year, plus the header row.
  await expect(calendar.table.getByRole('row')).toHaveCount(summary.loaded.academicYears + 1);
  await app.checkScreen('academic calendar with years of records', {
    screenshot: 'academic-calendar-from-the-fixture',
  });
});
