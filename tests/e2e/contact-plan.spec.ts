import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { ContactPlanSection } from './pages/contact-plan-section';
import { DoorPage } from './pages/door-page';
import { expectFitsAtOfficeSizes } from './pages/screen-fit';
import { signInToFixture } from './pages/staff-journey';
import { VisitsPage } from './pages/visits-page';
import { plusDays } from './harness/seed-summary';
import { unrestrictedFamily } from './harness/unrestricted-family';
import { seededHome } from './harness/seeded-home';
import { planPeriodHolding } from '../../shared/rules/contact-plan-periods';

test.describe('the contact plan', () => {
  // A seeded home, axe on each screen and two window sizes, on two shared cores.
  test.setTimeout(300_000);

  test('a manager records a young person’s contact plan, changes it, and a booking outside it is warned in the plan’s words', async ({
    app,
    page,
  }) => {
    const summary = await signInToFixture(app);
    const home = seededHome(summary);
    // A young person still placed, and a family member of theirs with no restriction at all.
    const pair = unrestrictedFamily(home, { placedAfter: plusDays(summary.endDate, 60) });
    const { child: youngPersonName, visitor: personName } = pair;
    const frame = new AppFrame(page);
    await frame.open('Young people');
    await page.getByRole('link', { name: youngPersonName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: youngPersonName })).toBeVisible();

    const plan = new ContactPlanSection(page);
    const planStartsOn = plusDays(summary.endDate, -35);
    await plan.section.scrollIntoViewIfNeeded();
    await expect(plan.section).toContainText(`No contact plan is recorded for ${youngPersonName} yet.`);

    // Half a form: nothing saved, each missing field says what it needs.
    await plan.addButton.click();
    await plan.form.getByLabel('Name', { exact: true }).fill('   ');
    await plan.form.getByLabel('Supervision', { exact: true }).selectOption('supervised');
    await plan.submit();
    await expect(plan.form).toContainText('Choose the kind of contact.');
    await expect(plan.form).toContainText('Enter who agreed it, by name.');
    await expect(plan.form).toContainText('Choose who the arrangement is with.');
    await app.checkScreen('contact plan form with problems', {
      screenshot: 'half-filled arrangement refused',
    });
    await plan.form.getByRole('button', { name: 'Cancel' }).click();

    await plan.addButton.click();
    await plan.fill({
      person: `${personName} (${pair.link.relationship})`,
      kind: 'Phone call',
      frequency: 'Weekly',
      supervision: 'Unsupervised',
      wording: `${pair.youngPerson.firstName} phones home on Sunday evenings.`,
      agreedBy: 'Social worker',
      agreedByName: 'Jo Price, placing authority social care',
      agreedOn: plusDays(summary.endDate, -40),
      startsOn: planStartsOn,
    });
    await app.expectAccessible('contact plan form filled in');
    await plan.submit();
    await expect(plan.banner).toContainText(`The arrangement with ${personName}`);
    const row = plan.table.getByRole('row').filter({ hasText: personName });
    await expect(row).toContainText('Weekly call, unsupervised');
    await expect(row).toContainText('phones home on Sunday evenings');
    await expect(row).toContainText('Agreed by social worker Jo Price');
    await expect(row).toContainText(/weekly call planned: \d+ of \d+ weeks/);
    await app.expectAccessible('young person’s page with a contact plan');
    await expectFitsAtOfficeSizes(app, page, plan.section, 'contact plan recorded');

    // A change is a new version; the first is kept.
    await row.getByRole('button', { name: /^Change the arrangement/ }).click();
    await plan.form.getByLabel('How often').selectOption({ label: 'Fortnightly' });
    await plan.submit();
    await expect(plan.banner).toContainText('(version 2); the earlier version is kept.');
    await expect(row).toContainText('Fortnightly call');
    await row.getByRole('button', { name: 'Earlier versions' }).click();
    await expect(plan.section.getByRole('region', { name: 'Earlier versions' })).toContainText(
      'Version 1, recorded',
    );
    await expect(plan.section.getByRole('region', { name: 'Earlier versions' })).toContainText('Weekly call');
    await app.expectAccessible('an arrangement’s earlier versions');
    await expectFitsAtOfficeSizes(app, page, plan.section, 'contact plan changed');

    // Booking a visit at the home with them: outside the plan, warned in its words, still bookable.
    await frame.open('Visits');
    const visits = new VisitsPage(page);
    await expect(visits.heading).toBeVisible();
    await visits.bookButton.click();
    await visits.fill({
      youngPeople: [youngPersonName],
      kind: 'Family visit at the home',
      family: [personName],
      room: 'Family room',
      date: plusDays(summary.endDate, 9),
      startTime: '07:00',
      endTime: '08:00',
    });
    const outside = visits.checks.getByRole('list', { name: 'Outside the contact plan' });
    await expect(outside).toContainText(
      `${youngPersonName}’s contact plan does not include a visit at the home with ${personName}. The plan agrees: Fortnightly call, unsupervised`,
    );
    await expect(outside).toContainText('phones home on Sunday evenings');
    await expect(visits.checks).toContainText('No clashes or restrictions stop it.');
    await app.expectAccessible('booking form warning outside the plan');
    await expectFitsAtOfficeSizes(app, page, visits.checks, 'booking outside the plan');
    await visits.submit();
    await expect(visits.banner).toContainText('booked');

    // A phone call keeps to the plan: no warning. The seeded home books calls of its own, so the
    // call goes in a fortnight of the plan that holds none between them.
    const callOn = [10, 24, 38, 52]
      .map((days) => plusDays(summary.endDate, days))
      .find((day) => {
        const fortnight = planPeriodHolding('fortnightly', planStartsOn, day);
        return !home.visits.some(
          (visit) =>
            visit.kind === 'phoneCall' &&
            visit.youngPersonIds.includes(pair.youngPerson.id) &&
            visit.personIds.includes(pair.person.id) &&
            // A day either side, for a call late in the evening in summer time.
            visit.startsAt.slice(0, 10) >= plusDays(fortnight.startsOn, -1) &&
            visit.startsAt.slice(0, 10) <= plusDays(fortnight.endsOn, 1),
        );
      });
    if (callOn === undefined) throw new Error('The seeded home leaves a fortnight free of calls');
    await visits.bookButton.click();
    await visits.fill({
      youngPeople: [youngPersonName],
      kind: 'Phone call',
      family: [personName],
      date: callOn,
      startTime: '18:00',
      endTime: '18:20',
    });
    await expect(visits.checks).toContainText('No clashes or restrictions stop it.');
    await expect(visits.checks.getByRole('list', { name: 'Outside the contact plan' })).toHaveCount(0);

    // At the door, the same family member chosen from the register: the plan agrees calls only,
    // so the person at the door is told to check before they go in (never a block).
    await frame.open('Front door');
    const door = new DoorPage(page);
    await expect(door.heading).toBeVisible();
    await door.fill({ name: personName, visiting: [youngPersonName], reason: 'Dropped in' });
    await door.chooseRegistered(personName);
    const planNote = door.form.getByRole('status', { name: 'What the contact plan agrees' });
    await expect(planNote).toContainText(
      `${youngPersonName}’s contact plan has no visits agreed with ${personName}. Check with the duty manager before they go in. The plan agrees: Fortnightly call`,
    );
    await expect(door.signInButton).toBeEnabled();
    await app.expectAccessible('door with the contact plan note');
    await expectFitsAtOfficeSizes(app, page, door.form, 'contact plan at the door');
  });
});
