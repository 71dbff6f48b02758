import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { contactPlanRepository } from '../../../../../renderer/src/db/repositories/contact-plan-repository';
import { personCodec } from '../../../../../renderer/src/db/repositories/people-repository';
import { HomeScreen } from '../../../../../renderer/src/features/home/HomeScreen';
import { addDays, calendarDateOf } from '../../../../../shared/home-time';
import { buildPerson } from '../../../../factories';
import { closeTestHome, openTestHome, renderSignedIn } from '../render-signed-in';
import { seedYoungPerson } from '../seed-home';

afterEach(closeTestHome);

describe('the home screen’s contact plans to review', () => {
  it('lists a review coming up and a missed one for the manager, linking to the young person; care staff do not see it', async () => {
    const home = await openTestHome();
    const today = calendarDateOf(new Date(), 'Europe/London');
    const millie = await seedYoungPerson(home);
    const mum = buildPerson({ firstName: 'Karen', lastName: 'Hughes' });
    await home.db.people.add(await personCodec.encode(mum, home.manager.cipher));
    const plans = contactPlanRepository(home.db);
    const arrangement = {
      youngPersonId: millie.id,
      personId: mum.id,
      frequency: 'weekly',
      where: '',
      supervision: 'unsupervised',
      supervisedBy: '',
      wording: '',
      startsOn: addDays(today, -60),
      agreedBy: 'socialWorker',
      agreedByName: 'Jo Price',
      agreedOn: addDays(today, -61),
    };
    for (const [kind, reviewOn] of [
      ['phone', addDays(today, 6)],
      ['visitAtHome', addDays(today, -3)],
      ['video', addDays(today, 40)],
    ] as const) {
      const recorded = await plans.record(home.manager, { ...arrangement, kind, reviewOn });
      if (!recorded.ok) throw new Error(recorded.error.message);
    }

    const shown = renderSignedIn(<HomeScreen />, { db: home.db, session: home.manager });
    const panel = await screen.findByRole('region', { name: 'Contact plans to review' });
    const call = await within(panel).findByText(/phone call with Karen Hughes \(weekly\)\. Review by/);
    expect(within(call).getByRole('link', { name: 'Millie Hughes' })).toHaveAttribute(
      'href',
      `#/young-people/${millie.id}`,
    );
    expect(
      within(panel).getByText(/visit at the home with Karen Hughes \(weekly\)\. Review was due/),
    ).toBeVisible();
    expect(within(panel).queryByText(/video call/)).not.toBeInTheDocument();
    shown.unmount();

    renderSignedIn(<HomeScreen />, { db: home.db, session: home.careWorker });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('region', { name: 'Contact plans to review' })).not.toBeInTheDocument();
  });
});
