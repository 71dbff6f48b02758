import type { Locator, Page } from '@playwright/test';
import { expect, type AppDriver } from '../harness/fixtures';
import { AppFrame } from './app-frame';
import { DoorPage } from './door-page';
import { FirstRunSetupPage, type HomeDetails, type ManagerAccount } from './first-run-setup-page';
import { SignInPage } from './sign-in-page';
import { signOut, switchToNewStaff } from './staff-journey';
import { StaffAccountsPage, type NewStaff } from './staff-accounts-page';

/**
 * The home the journeys that start from an empty profile set up: Oakfield House, its manager, and
 * the steps a manager takes to get the door ready (staff accounts, a young person, her restrictions).
 */

export const home: HomeDetails = { name: 'Oakfield House', ofstedUrn: 'SC123456', timeZone: 'Europe/London' };
export const manager: ManagerAccount = {
  name: 'Priya Raman',
  username: 'praman',
  email: 'priya.raman@oakfield.example',
  password: 'lantern orchard pebble meadow',
};
export const careWorker = {
  name: 'Tom Hughes',
  username: 'thughes',
  email: 'tom.hughes@oakfield.example',
  role: 'Care staff',
  temporaryPassword: 'copper kettle drizzle harbour',
  password: 'velvet thunder orchid canal',
} as const;
/** The care worker as the manager adds them: their first password is a temporary one. */
export const careWorkerAccount: NewStaff = {
  name: careWorker.name,
  username: careWorker.username,
  email: careWorker.email,
  role: careWorker.role,
  temporaryPassword: careWorker.temporaryPassword,
};
export const tutor: NewStaff = {
  name: 'Grace Okafor',
  username: 'gokafor',
  email: 'grace.okafor@oakfield.example',
  role: 'Personal Tutor',
  temporaryPassword: 'meadow copper lantern drizzle',
};

export type RestrictionDetails = {
  name: string;
  otherNames?: string;
  description?: string;
  kind: string;
  conditions?: string;
  authority: string;
  reference: string;
  /** What is typed into "Review by (optional)", day/month/year as staff type it. */
  reviewOn?: string;
};

/** A father the court has barred from all contact. */
export const johnNoContact: RestrictionDetails = {
  name: 'John Smith',
  kind: 'No contact',
  authority: 'Court order',
  reference: 'LS26C09999',
};
/** A father who may visit only under supervision; what the order says is for those who arrange contact. */
export const deanSupervised: RestrictionDetails = {
  name: 'Dean Hughes',
  kind: 'Supervised contact only',
  conditions: 'Family room only. Ask him to leave if he is intoxicated',
  authority: 'Court order',
  reference: 'LS26C01234',
  description: 'Assault on the mother in 2024',
};
/** Dean comes for his contact visit with Millie and is signed in on his order's terms, the manager to supervise. */
export async function signInDeanToBeSupervised(door: DoorPage): Promise<void> {
  await door.signInOnTerms(
    { name: 'Dean Hughes', visiting: ['Millie Hughes'], reason: 'Contact visit', badge: '4' },
    manager.name,
  );
}
/** What a change to a restriction types over its terms. */
export type RestrictionTerms = {
  readonly kind?: string;
  readonly conditions?: string;
  readonly reference?: string;
};

/** On Millie's page, the manager changes Dean Hughes's restriction. */
export async function changeDean(page: Page, terms: RestrictionTerms): Promise<void> {
  await new AppFrame(page).open('Young people');
  await page.getByRole('link', { name: 'Millie Hughes' }).first().click();
  const card = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: /^Dean Hughes:/ }) })
    .first();
  await card.getByRole('button', { name: 'Change' }).click();
  const form = card.getByRole('form', { name: 'Change the restriction on Dean Hughes' });
  if (terms.kind) await form.getByLabel('What is restricted').selectOption({ label: terms.kind });
  if (terms.conditions !== undefined)
    await form.getByLabel('Conditions (optional unless “Other”)').fill(terms.conditions);
  if (terms.reference) await form.getByLabel('Reference').fill(terms.reference);
  await form.getByRole('button', { name: 'Save the change' }).click();
  await expect(page.getByText(/The restriction on Dean Hughes is changed/)).toBeVisible();
}

/** A mother who may visit but must not take Millie away. */
export const karenMustNotCollect: RestrictionDetails = {
  name: 'Karen Hughes',
  kind: 'Must not collect the young person',
  authority: 'Police',
  reference: 'NWP-88',
};

export async function setUpHome(page: Page): Promise<void> {
  const setup = new FirstRunSetupPage(page);
  await setup.fill(home, manager);
  await setup.submit();
  await expect(new AppFrame(page).signedInAs).toContainText(manager.name);
}

/** A new home from an empty profile: first-run setup done, the manager signed in. */
export async function newHome(app: AppDriver): Promise<void> {
  await app.startEmpty();
  await setUpHome(app.page);
}

/** The manager signs in (from the sign-in screen) and opens `screen`. */
export async function managerSignsInTo(page: Page, screen: string): Promise<AppFrame> {
  await new SignInPage(page).signIn(manager.username, manager.password);
  const frame = new AppFrame(page);
  await frame.open(screen);
  return frame;
}

/** A young person as the manager types them into "Add a young person". */
export type NewYoungPerson = {
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName?: string;
  readonly dateOfBirth: string;
  readonly caseNumber: string;
  readonly placementStarted: string;
  readonly personalTutor?: string;
};

/** The manager adds a young person through the young people screen, and stays on its list. */
export async function addYoungPerson(page: Page, person: NewYoungPerson): Promise<void> {
  await new AppFrame(page).open('Young people');
  await page.getByRole('button', { name: 'Add a young person' }).click();
  const form = page.getByRole('form', { name: 'Add a young person' });
  await form.getByLabel('First name').fill(person.firstName);
  await form.getByLabel('Last name').fill(person.lastName);
  if (person.preferredName) await form.getByLabel('Preferred name (optional)').fill(person.preferredName);
  await form.getByLabel('Date of birth').fill(person.dateOfBirth);
  await form.getByLabel('Case number').fill(person.caseNumber);
  await form.getByLabel('Placement started').fill(person.placementStarted);
  if (person.personalTutor)
    await form.getByLabel('Personal Tutor').selectOption({ label: person.personalTutor });
  await form.getByRole('button', { name: 'Add young person' }).click();
}

/** The manager adds Millie through the young people screen (with her Personal Tutor, if given), and opens her page. */
export async function addMillie(page: Page, personalTutor?: string): Promise<void> {
  await addYoungPerson(page, {
    firstName: 'Amelia',
    lastName: 'Hughes',
    preferredName: 'Millie',
    dateOfBirth: '2012-03-14',
    caseNumber: 'FL-0001',
    placementStarted: '2025-09-01',
    ...(personalTutor ? { personalTutor } : {}),
  });
  await page.getByRole('link', { name: 'Millie Hughes' }).first().click();
}

/** A second young person, for journeys that need someone besides Millie. */
const jay: NewYoungPerson = {
  firstName: 'Jay',
  lastName: 'Mensah',
  dateOfBirth: '2011-07-02',
  caseNumber: 'FL-0002',
  placementStarted: '2025-09-01',
};

/** The manager adds Jay through the young people screen (with his Personal Tutor, if given); the list then shows him. */
export async function addJay(page: Page, personalTutor?: string): Promise<void> {
  await addYoungPerson(page, { ...jay, ...(personalTutor ? { personalTutor } : {}) });
  await expect(page.getByRole('link', { name: 'Jay Mensah' }).first()).toBeVisible();
}

/** On Millie's page, opens "Record a restriction" and fills it in as the manager would; returns the form. */
export async function fillRestriction(page: Page, restriction: RestrictionDetails): Promise<Locator> {
  await page.getByRole('button', { name: 'Record a restriction' }).click();
  const form = page.getByRole('form', { name: 'Record a restriction' });
  await form.getByLabel('Name', { exact: true }).fill(restriction.name);
  if (restriction.otherNames) await form.getByLabel('Other names (optional)').fill(restriction.otherNames);
  if (restriction.description) await form.getByLabel('Description (optional)').fill(restriction.description);
  await form.getByLabel('What is restricted').selectOption({ label: restriction.kind });
  if (restriction.conditions)
    await form.getByLabel('Conditions (optional unless “Other”)').fill(restriction.conditions);
  await form.getByLabel('Authority').selectOption({ label: restriction.authority });
  await form.getByLabel('Reference').fill(restriction.reference);
  if (restriction.reviewOn) await form.getByLabel('Review by (optional)').fill(restriction.reviewOn);
  return form;
}

/** On Millie's page, records a restriction as the manager would. */
export async function recordRestriction(page: Page, restriction: RestrictionDetails): Promise<void> {
  const form = await fillRestriction(page, restriction);
  await form.getByRole('button', { name: 'Record restriction' }).click();
  await expect(form).toHaveCount(0);
}

/** A home with Millie and her restrictions, the manager signed in on the front door. */
export async function homeWithRestrictions(
  app: AppDriver,
  restrictions: readonly RestrictionDetails[],
  options: { readonly staff?: readonly NewStaff[]; readonly personalTutor?: string } = {},
): Promise<DoorPage> {
  await app.startEmpty();
  await setUpHome(app.page);
  if (options.staff && options.staff.length > 0) {
    await new AppFrame(app.page).open('Staff accounts');
    const accounts = new StaffAccountsPage(app.page);
    for (const member of options.staff) {
      await accounts.add(member);
      await expect(accounts.row(member.name)).toBeVisible();
    }
  }
  await addMillie(app.page, options.personalTutor);
  for (const restriction of restrictions) await recordRestriction(app.page, restriction);
  await new AppFrame(app.page).open('Front door');
  const door = new DoorPage(app.page);
  await expect(door.heading).toBeVisible();
  return door;
}

/** A new home from an empty profile: first-run setup done, the manager signed in and on `screen`. */
export async function newHomeOn(app: AppDriver, screen: string): Promise<AppFrame> {
  await newHome(app);
  const frame = new AppFrame(app.page);
  await frame.open(screen);
  return frame;
}

/** A home with no restrictions, the manager on the front door. */
export async function emptyDoor(app: AppDriver): Promise<DoorPage> {
  await newHomeOn(app, 'Front door');
  return new DoorPage(app.page);
}

/** A home with Millie, her restrictions and the care worker's account; the care worker then signs in for the first time. */
export async function homeWithCareWorker(
  app: AppDriver,
  restrictions: readonly RestrictionDetails[],
  options: { readonly staff?: readonly NewStaff[]; readonly personalTutor?: string } = {},
): Promise<DoorPage> {
  const door = await homeWithRestrictions(app, restrictions, {
    ...options,
    staff: [careWorkerAccount, ...(options.staff ?? [])],
  });
  await signInAsCareWorker(app.page);
  return door;
}

export async function switchUser(page: Page, username: string, password: string): Promise<void> {
  await signOut(page);
  await new SignInPage(page).signIn(username, password);
}

/** The care worker signs in for the first time, choosing their own password. */
export async function signInAsCareWorker(page: Page): Promise<void> {
  await switchToNewStaff(page, careWorker);
}

/** Every visible button, text field and tick box in `scope` smaller than a fingertip (44 px). */
export async function smallTargets(scope: Locator): Promise<string[]> {
  const small: string[] = [];
  const targets = scope.locator(
    'button, input:not([type="checkbox"]):not([type="hidden"]), select, textarea, label.checkbox',
  );
  for (const target of await targets.all()) {
    const box = await target.boundingBox();
    if (!box || (box.width === 0 && box.height === 0)) continue;
    if (box.height < 44 || box.width < 44) {
      const name = (await target.getAttribute('aria-label')) ?? (await target.innerText()).trim();
      small.push(`${name || 'a field'} (${Math.round(box.width)}x${Math.round(box.height)})`);
    }
  }
  return small;
}
