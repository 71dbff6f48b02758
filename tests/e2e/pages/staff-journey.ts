import { expect, type Page } from '@playwright/test';
import type { AppDriver, FixtureStart } from '../harness/app-driver';
import { londonWallClock } from '../harness/london-dates';
import { seedSummarySchema, type SeedSummary } from '../harness/seed-summary';
import { AppFrame } from './app-frame';
import { SignInPage } from './sign-in-page';
import { StaffAccountsPage, type NewStaff } from './staff-accounts-page';

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).click();
}

/** Someone the manager has just added, as their first sign-in needs them. */
export type NewStaffSignIn = {
  readonly name: string;
  readonly username: string;
  readonly temporaryPassword: string;
  readonly password: string;
};

/** A Personal Tutor the manager adds on the fixture home; test data only. */
export const personalTutor: NewStaff & NewStaffSignIn = {
  name: 'Priya Nair',
  username: 'pnair',
  email: 'priya.nair@example.org',
  role: 'Personal Tutor',
  temporaryPassword: 'copper willow fathom rivet',
  password: 'harbour velvet quiet sundial',
};

/** A Case Co-ordinator the manager adds on the fixture home; test data only. */
export const caseCoordinator: NewStaff & NewStaffSignIn = {
  name: 'Grace Okafor',
  username: 'gokafor',
  email: 'grace.okafor@example.org',
  role: 'Case Co-ordinator',
  temporaryPassword: 'copper kettle drizzle harbour',
  password: 'velvet thunder orchid canal',
};

/** A member of care staff the manager adds on the fixture home; test data only. */
export const careStaff: NewStaff & NewStaffSignIn = {
  name: 'Carys Bennett',
  username: 'cbennett',
  email: 'carys.bennett@example.org',
  role: 'Care staff',
  temporaryPassword: 'pebble saffron quarry lantern',
  password: 'orbit meadow tundra violin',
};

/** A fixture home (the small one, seed 1, unless told otherwise), its manager signed in. */
export async function signInToFixture(
  app: AppDriver,
  start: FixtureStart = { size: 'small', seed: 1 },
): Promise<SeedSummary> {
  const summary = seedSummarySchema.parse(await app.startWithFixture(start));
  await new SignInPage(app.page).signIn(summary.signIn.username, summary.signIn.password);
  await expect(new AppFrame(app.page).signedInAs).toBeVisible();
  return summary;
}

/**
 * The small fixture home, its manager signed in, with the page's clock set to `opening` first:
 * the seeder ends the home's records on the page's today, so that is checked to be `opening`'s.
 */
export async function signInToFixtureAt(app: AppDriver, opening: Date): Promise<SeedSummary> {
  await app.page.clock.install({ time: opening });
  const summary = await signInToFixture(app);
  expect(summary.endDate).toBe(londonWallClock(opening).date);
  return summary;
}

/** The manager adds each person on Staff accounts, and is told each can now sign in. */
export async function addStaffAccounts(page: Page, people: readonly NewStaff[]): Promise<void> {
  await new AppFrame(page).open('Staff accounts');
  const accounts = new StaffAccountsPage(page);
  for (const person of people) {
    await accounts.add(person);
    await expect(accounts.confirmation).toContainText(`${person.name} can now sign in`);
  }
}

/** A first sign-in with a temporary password, changed on the spot. */
export async function firstSignIn(page: Page, person: NewStaffSignIn): Promise<void> {
  await new SignInPage(page).signIn(person.username, person.temporaryPassword);
  await page.getByLabel('Temporary password').fill(person.temporaryPassword);
  await page.getByLabel('New password', { exact: true }).fill(person.password);
  await page.getByLabel('Type the new password again').fill(person.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  // Two password derivations (Argon2id) on a busy two-core machine: allow them a minute.
  await expect(new AppFrame(page).signedInAs).toContainText(person.name, { timeout: 60_000 });
}

/** Whoever is signed in signs out, and someone just added signs in for the first time. */
export async function switchToNewStaff(page: Page, person: NewStaffSignIn): Promise<void> {
  await signOut(page);
  await firstSignIn(page, person);
}

/**
 * On the Young people screen, the manager names members of staff on one young person's record
 * (the first listed, or the first placed today: "Since …"), by the role's label ("Personal
 * Tutor"), and saves. Returns the young person's name as the list shows it.
 */
export async function nameStaffOnYoungPerson(
  page: Page,
  staffByRole: Readonly<Record<string, string>>,
  { placedToday = false }: { readonly placedToday?: boolean } = {},
): Promise<string> {
  const rows = placedToday ? page.getByRole('row').filter({ hasText: /Since \d/ }) : page;
  const edit = rows.getByRole('button', { name: /^Edit .*’s details$/ }).first();
  const youngPerson = ((await edit.getAttribute('aria-label')) ?? '').replace(/^Edit (.*)’s details$/, '$1');
  await edit.click();
  for (const [role, name] of Object.entries(staffByRole))
    await page.getByLabel(role, { exact: true }).selectOption({ label: name });
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'details are saved' })).toBeVisible();
  return youngPerson;
}
