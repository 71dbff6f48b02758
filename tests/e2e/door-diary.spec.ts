import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { DoorPage } from './pages/door-page';
import { OutboxPage } from './pages/outbox-page';
import { expectFitsAtOfficeSizes } from './pages/screen-fit';
import { VisitsPage } from './pages/visits-page';
import { signInToFixtureAt } from './pages/staff-journey';
import { plusDays } from './harness/seed-summary';
import { unrestrictedFamily } from './harness/unrestricted-family';
import { seededHome } from './harness/seeded-home';

// 11:00 on a Tuesday in December (GMT, so the home's clock and UTC agree).
const today = '2026-12-08';
const opening = new Date(`${today}T11:00:00.000Z`);

test.describe('the diary at the door', () => {
  // A seeded home, bookings, the door, the outbox and the forms, axe on each, on two shared cores.
  test.setTimeout(300_000);

  test('care staff sign in an expected visitor from the list; their leaving ends the visit and makes the form due; an unbooked family visitor alerts the PT; a visit nobody came for is cancelled with a reason', async ({
    app,
    page,
  }) => {
    const home = seededHome(await signInToFixtureAt(app, opening));
    // A young person still placed with a PT, and a family member of theirs with no restriction at all.
    const pair = unrestrictedFamily(home, { placedAfter: plusDays(today, 30), withTutor: true });
    const { child, visitor } = pair;
    const tutor = home.staff.find((member) => member.id === pair.youngPerson.personalTutorId);
    if (!tutor) throw new Error('The PT is on the staff list');
    const room = home.rooms.find((candidate) => candidate.isActive);
    if (!room) throw new Error('Seed 1 has a room');

    const frame = new AppFrame(page);
    /** Today's visit starting at `time`, opened in Visits: its details. */
    const visitInDiary = async (time: RegExp) => {
      await frame.open('Visits');
      await visits.goTo(today);
      await visits.open(time);
      return visits.details;
    };

    // Two visits today: one this morning that nobody came to, and one at 11:30 with the PT on it.
    await frame.open('Visits');
    const visits = new VisitsPage(page);
    for (const [startTime, endTime, staff] of [
      ['08:00', '09:00', []],
      ['11:30', '12:30', [tutor.name]],
    ] as const) {
      await visits.bookButton.click();
      await visits.fill({
        youngPeople: [child],
        family: [visitor],
        staff,
        room: room.name,
        date: today,
        startTime,
        endTime,
      });
      await visits.submit();
      await expect(visits.banner).toContainText('Visit booked.');
    }

    await frame.open('Front door');
    const door = new DoorPage(page);
    await expect(door.heading).toBeVisible();
    const diary = page.getByRole('region', { name: /^Expected today/ });
    const list = diary.getByRole('list', { name: 'Visits expected today' });
    const visitAt = (time: string) =>
      list
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: new RegExp(`^${time}–`) }) });
    const morning = visitAt('08:00');
    const booked = visitAt('11:30');
    await expect(morning).toContainText('Not arrived');
    await expect(morning).toContainText(`${visitor} visiting ${child}`);
    await expect(booked).toContainText('Expected');
    await expect(booked).toContainText(`Room: ${room.name}.`);
    await app.expectAccessible('front door with today’s expected visitors');
    await expectFitsAtOfficeSizes(app, page, diary, 'expected today');

    // Keyboard: the booked visitor's button is reached with Tab and pressed with Enter.
    const signInBooked = booked.getByRole('button', { name: `Sign in ${visitor}`, exact: true });
    await signInBooked.focus();
    await expect(signInBooked).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(diary.getByRole('status')).toContainText(
      `${visitor} signed in at 11:00 for their booked visit.`,
    );
    await expect(booked).toContainText('Arrived 11:00');
    await expect(door.onSiteRow(visitor)).toContainText(`Visiting ${child}`);
    await app.screenshot('booked visitor arrived');

    // The visit shows arrived in Visits too.
    await expect(await visitInDiary(/11:30/)).toContainText('Arrived: signed in at the front door at 11:00');

    // Leaving ends the visit and makes its form due, counted from the sign-out, for the PT.
    await frame.open('Front door');
    await door.signOut(visitor);
    await expect(door.onSiteMessage).toContainText(
      `${visitor} signed out at 11:00. Their booked visit has ended.`,
    );
    const reference = /CF-\d{4}-[A-Z0-9]+/.exec((await door.onSiteMessage.textContent()) ?? '')?.[0];
    if (!reference) throw new Error('No contact form reference shown');
    await expect(booked).toContainText('Visit ended');
    await app.screenshot('booked visit ended at the door');
    await expect(await visitInDiary(/11:30/)).toContainText('Completed');
    await frame.open('Contact forms');
    await page.getByRole('form', { name: 'Find contact forms' }).getByLabel('Reference').fill(reference);
    const found = page.getByRole('region', { name: 'Contact forms, newest first' });
    await expect(found.getByRole('listitem').filter({ hasText: reference })).toContainText(tutor.name);
    await expect(found.getByRole('listitem').filter({ hasText: reference })).toContainText('Due');

    // The same family member comes back later without a booking: signed in as anyone is.
    await frame.open('Front door');
    await door.fill({ name: visitor, visiting: [child], reason: 'Dropped in with a birthday present' });
    await door.chooseRegistered(visitor);
    await door.signInButton.click();
    await expect(door.announcement).toContainText(`${visitor} signed in at`);
    await door.signOut(visitor);
    await expect(door.onSiteMessage).toContainText('A contact form is now due (CF-');
    await expect(door.onSiteMessage).toContainText('The young person’s Personal Tutor is being told');
    await app.screenshot('unbooked family visit signed out');
    await frame.open('Outbox');
    const outbox = new OutboxPage(page);
    await expect(outbox.heading).toBeVisible();
    await expect(
      outbox.rowsTo(tutor.email).filter({ hasText: 'a family member visited without a booking' }),
    ).toHaveCount(1);
    await app.expectAccessible('outbox with the PT’s alert');

    // The morning visit nobody came to: cancelled from the door, with a reason.
    await frame.open('Front door');
    await morning.getByRole('button', { name: 'Mark the 08:00 visit cancelled' }).click();
    const cancelForm = diary.getByRole('form', { name: 'Cancel the 08:00 visit' });
    await cancelForm.getByRole('button', { name: 'Mark cancelled' }).click();
    await expect(cancelForm).toContainText('Say why the visit is cancelled');
    await app.expectAccessible('cancelling a visit nobody came to');
    await cancelForm.getByLabel('Why is it cancelled?').fill('Mum phoned: car broke down');
    await app.screenshot('cancelling a not-arrived visit');
    await cancelForm.getByRole('button', { name: 'Mark cancelled' }).click();
    await expect(diary.getByRole('status')).toContainText('The 08:00 visit is marked cancelled.');
    await expect(morning).toHaveCount(0);
    await expect(await visitInDiary(/08:00/)).toContainText('Cancelled: Mum phoned: car broke down');
  });
  test('a booked visitor under a supervised-only restriction is not signed in by one press: the sign-in form asks for the warning to be read first', async ({
    app,
    page,
  }) => {
    const home = seededHome(await signInToFixtureAt(app, opening));
    const supervised = home.restrictions.find(
      (restriction) =>
        restriction.kind === 'supervisedOnly' &&
        !restriction.endedAt &&
        restriction.effectiveFrom <= today &&
        (!restriction.effectiveTo || today < restriction.effectiveTo) &&
        restriction.personId !== undefined &&
        home.relationships.some(
          (link) =>
            link.personId === restriction.personId && link.youngPersonId === restriction.youngPersonId,
        ) &&
        home.youngPeople.some(
          (person) =>
            person.id === restriction.youngPersonId &&
            (!person.placementEndsOn || person.placementEndsOn > plusDays(today, 30)),
        ),
    );
    const youngPerson = home.youngPeople.find((person) => person.id === supervised?.youngPersonId);
    const person = home.people.find((candidate) => candidate.id === supervised?.personId);
    if (!youngPerson || !person)
      throw new Error('Seed 1 has a supervised-only restriction on registered family');
    const child = `${youngPerson.preferredName || youngPerson.firstName} ${youngPerson.lastName}`;
    const visitor = [person.firstName, person.lastName].filter(Boolean).join(' ');

    const frame = new AppFrame(page);
    await frame.open('Visits');
    const visits = new VisitsPage(page);
    await visits.bookButton.click();
    await visits.fill({
      youngPeople: [child],
      family: [visitor],
      supervisor: 'Fixture Manager',
      date: today,
      startTime: '11:15',
      endTime: '12:15',
    });
    await visits.submit();
    await expect(visits.banner).toContainText('Visit booked.');

    await frame.open('Front door');
    const door = new DoorPage(page);
    const diary = page.getByRole('region', { name: /^Expected today/ });
    const booked = diary
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^11:15–/ }) });
    await expect(booked).toContainText('Supervised by Fixture Manager.');
    const onSiteBefore = await door.onSite.getByRole('listitem').count();
    await booked.getByRole('button', { name: `Sign in ${visitor}`, exact: true }).click();

    // Not signed in: the form has them, with the visit, and the restriction to read.
    await expect(door.form).toContainText(
      `${visitor}, booked for 11:15: finish the check below to sign them in.`,
    );
    await expect(door.visitorName).toHaveValue(visitor);
    await expect(door.warning).toBeVisible();
    await expect(door.whoWillSupervise).toHaveValue(/.+/);
    await expect(door.onSite.getByRole('listitem')).toHaveCount(onSiteBefore);
    await expect(booked).not.toContainText('Arrived');
    await app.checkScreen('booked visitor with a restriction in the sign-in form', {
      screenshot: 'booked supervised visitor in the form',
    });

    // The door's own rules: "I have read this" before signing in.
    await door.signInButton.click();
    await expect(door.warning).toContainText('Tick “I have read this”');
    await door.hasReadThis.check();
    await door.signInButton.click();
    await expect(door.announcement).toContainText(`${visitor} signed in at 11:`);
    await expect(booked).toContainText('Arrived 11:');
    await expect(door.onSiteRow(visitor)).toContainText('Fixture Manager');
    await app.screenshot('booked supervised visitor arrived');
  });
});
