import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { RestrictionForm } from '../../../../../shared/schemas/registers';
import { YoungPeopleScreen } from '../../../../../renderer/src/features/people/YoungPeopleScreen';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedRestriction, seedYoungPerson } from '../seed-home';

let home: TestHome | undefined;
afterEach(closeTestHome);

const courtOrder: Partial<RestrictionForm> = {
  name: 'Dean Hughes',
  aliases: ['Deano'],
  kind: 'supervisedOnly',
  conditions: 'Family room only, with a member of staff present throughout.',
  authority: 'courtOrder',
  authorityReference: 'LS26C01234',
  description: 'Tall, short dark hair.',
  effectiveFrom: '2026-01-12',
};

describe('a young person’s restrictions', () => {
  it('shows a care worker what to do, but not the court order, its reference or the description', async () => {
    home = await openTestHome();
    const millie = await seedYoungPerson(home);
    await seedRestriction(home, { ...courtOrder, youngPersonId: millie.id });

    renderSignedIn(<YoungPeopleScreen youngPersonId={millie.id} />, {
      db: home.db,
      session: home.careWorker,
    });

    const card = await screen.findByRole('article', { name: 'Dean Hughes: Supervised contact only' });
    expect(within(card).getByText('In force')).toBeInTheDocument();
    expect(
      within(card).getByText('Family room only, with a member of staff present throughout.'),
    ).toBeInTheDocument();
    expect(within(card).getByText(/speak to the duty manager/)).toBeInTheDocument();
    expect(within(card).queryByText(/LS26C01234/)).not.toBeInTheDocument();
    expect(within(card).queryByText('Court order')).not.toBeInTheDocument();
    expect(within(card).queryByText(/Tall, short dark hair/)).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'History' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'End restriction' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record a restriction' })).not.toBeInTheDocument();
  });

  it('shows a Personal Tutor the authority and reference, and that it awaits the manager’s approval', async () => {
    home = await openTestHome();
    const millie = await seedYoungPerson(home);
    await seedRestriction(home, { ...courtOrder, youngPersonId: millie.id }, home.tutor);

    renderSignedIn(<YoungPeopleScreen youngPersonId={millie.id} />, { db: home.db, session: home.tutor });

    const card = await screen.findByRole('article', { name: 'Dean Hughes: Supervised contact only' });
    expect(within(card).getByText('Court order')).toBeInTheDocument();
    expect(within(card).getByText('LS26C01234')).toBeInTheDocument();
    expect(within(card).getByText(/Awaiting the manager’s approval/)).toBeInTheDocument();
    // Approving is the manager's alone.
    expect(within(card).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('lets the manager approve one a tutor recorded', async () => {
    home = await openTestHome();
    const millie = await seedYoungPerson(home);
    await seedRestriction(home, { ...courtOrder, youngPersonId: millie.id }, home.tutor);
    const user = userEvent.setup();

    renderSignedIn(<YoungPeopleScreen youngPersonId={millie.id} />, { db: home.db, session: home.manager });

    const card = await screen.findByRole('article', { name: 'Dean Hughes: Supervised contact only' });
    await user.click(within(card).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('The restriction on Dean Hughes is approved.')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(card).queryByText(/Awaiting the manager’s approval/)).not.toBeInTheDocument(),
    );
  });
});
