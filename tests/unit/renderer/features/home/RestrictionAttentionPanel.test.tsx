import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { addDays, calendarDateOf } from '../../../../../shared/home-time';
import { HomeScreen } from '../../../../../renderer/src/features/home/HomeScreen';
import { closeTestHome, openTestHome, renderSignedIn } from '../render-signed-in';
import { seedRestriction, seedYoungPerson } from '../seed-home';

afterEach(closeTestHome);

describe('the home screen’s restrictions to look at', () => {
  it('lists reviews due within 14 days and lapsed restrictions, each linking to the young person, for a care worker too', async () => {
    const home = await openTestHome();
    const today = calendarDateOf(new Date(), 'Europe/London');
    const millie = await seedYoungPerson(home);
    const jayden = await seedYoungPerson(home, { firstName: 'Jayden', preferredName: '' });
    await seedRestriction(home, {
      youngPersonId: millie.id,
      name: 'Dean Hughes',
      reviewOn: addDays(today, 5),
    });
    await seedRestriction(home, {
      youngPersonId: jayden.id,
      name: 'Lee Carter',
      kind: 'noContact',
      effectiveFrom: addDays(today, -90),
      effectiveTo: addDays(today, -1),
    });
    await seedRestriction(home, {
      youngPersonId: millie.id,
      name: 'Far Future Review',
      reviewOn: addDays(today, 40),
    });
    const ended = await seedRestriction(home, {
      youngPersonId: jayden.id,
      name: 'Already Ended',
      effectiveFrom: addDays(today, -90),
      effectiveTo: addDays(today, -2),
    });
    await restrictionRepository(home.db).end(home.manager, ended.id, 'Order discharged');

    renderSignedIn(<HomeScreen />, { db: home.db, session: home.careWorker });

    const panel = await screen.findByRole('region', { name: 'Restrictions to look at' });
    const due = await within(panel).findByText(/Dean Hughes, supervised contact only/);
    expect(within(due).getByRole('link', { name: 'Millie Hughes' })).toHaveAttribute(
      'href',
      `#/young-people/${millie.id}`,
    );
    const lapsed = within(panel).getByText(/Lee Carter, no contact/);
    expect(within(lapsed).getByRole('link', { name: 'Jayden Hughes' })).toHaveAttribute(
      'href',
      `#/young-people/${jayden.id}`,
    );
    expect(within(panel).queryByText(/Far Future Review/)).not.toBeInTheDocument();
    expect(within(panel).queryByText(/Already Ended/)).not.toBeInTheDocument();
  });

  it('says so when there is nothing to look at, without claiming the whole home is quiet', async () => {
    const home = await openTestHome();
    renderSignedIn(<HomeScreen />, { db: home.db, session: home.careWorker });
    const panel = await screen.findByRole('region', { name: 'Restrictions to look at' });
    expect(
      await within(panel).findByText(/^No reviews due in the next 14 days, no lapsed restrictions\.$/),
    ).toBeInTheDocument();
  });
});
