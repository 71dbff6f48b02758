import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { YoungPeopleScreen } from '../../../../../renderer/src/features/people/YoungPeopleScreen';
import { closeTestHome, openTestHome, renderSignedIn } from '../render-signed-in';
import { seedYoungPerson } from '../seed-home';

afterEach(closeTestHome);

describe('recording a restriction', () => {
  it('shows each problem at its field and records nothing until they are put right', async () => {
    const user = userEvent.setup();
    const home = await openTestHome();
    const millie = await seedYoungPerson(home);
    renderSignedIn(<YoungPeopleScreen youngPersonId={millie.id} />, { db: home.db, session: home.tutor });
    const stored = async () =>
      (await restrictionRepository(home.db).listForYoungPerson(home.manager, millie.id)).restrictions;

    const record = await screen.findByRole('button', { name: 'Record a restriction' });
    await waitFor(() => expect(record).toBeEnabled());
    await user.click(record);
    await user.click(screen.getByRole('button', { name: 'Record restriction' }));

    expect(await screen.findByText('Enter the restricted person’s name.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'What is restricted' })).toHaveAccessibleDescription(
      /Choose what the restriction is\./,
    );
    expect(screen.getByRole('combobox', { name: 'Authority' })).toHaveAccessibleDescription(
      /Choose on whose authority it applies\./,
    );

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Dean Hughes');
    await user.type(screen.getByRole('textbox', { name: 'Other names (optional)' }), 'Deano, D Hughes');
    await user.selectOptions(screen.getByRole('combobox', { name: 'What is restricted' }), 'supervisedOnly');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Authority' }), 'courtOrder');
    await user.click(screen.getByRole('button', { name: 'Record restriction' }));

    const reference = screen.getByRole('textbox', { name: 'Reference' });
    await waitFor(() => expect(reference).toHaveAccessibleDescription(/Enter the reference/));
    expect(await stored()).toHaveLength(0);

    await user.type(reference, 'LS26C01234');
    await user.click(screen.getByRole('button', { name: 'Record restriction' }));

    expect(
      await screen.findByText(
        /The restriction on Dean Hughes is recorded\. It applies now and is waiting for the manager’s approval\./,
      ),
    ).toBeInTheDocument();
    const [saved] = await stored();
    expect(saved).toMatchObject({
      view: 'full',
      name: 'Dean Hughes',
      aliases: ['Deano', 'D Hughes'],
      kind: 'supervisedOnly',
      authorityReference: 'LS26C01234',
      youngPersonId: millie.id,
    });
    expect(saved?.view === 'full' && saved.approvedById).toBeUndefined();
  });

  it('takes its dates typed as day/month/year, a date typed over a filled one included', async () => {
    const user = userEvent.setup();
    const home = await openTestHome();
    const millie = await seedYoungPerson(home);
    renderSignedIn(<YoungPeopleScreen youngPersonId={millie.id} />, { db: home.db, session: home.tutor });
    const record = await screen.findByRole('button', { name: 'Record a restriction' });
    await waitFor(() => expect(record).toBeEnabled());
    await user.click(record);

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Dean Hughes');
    await user.selectOptions(screen.getByRole('combobox', { name: 'What is restricted' }), 'noContact');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Authority' }), 'carePlan');
    const from = screen.getByRole('textbox', { name: 'Applies from' });
    expect((from as HTMLInputElement).value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await user.tripleClick(from);
    await user.keyboard('01/03/2026');
    const until = screen.getByRole('textbox', { name: 'Applies until (optional)' });
    await user.type(until, '31/02/2027');
    await user.click(screen.getByRole('button', { name: 'Record restriction' }));

    await waitFor(() =>
      expect(until).toHaveAccessibleDescription(
        /There is no 31 February 2027\. Check the date it applies until\./,
      ),
    );
    expect(until).toHaveFocus();
    await user.clear(until);
    await user.type(until, '28/2/27');
    await user.type(screen.getByRole('textbox', { name: 'Review by (optional)' }), '1.9.2026');
    await user.click(screen.getByRole('button', { name: 'Record restriction' }));

    expect(await screen.findByText(/The restriction on Dean Hughes is recorded\./)).toBeInTheDocument();
    const [saved] = (await restrictionRepository(home.db).listForYoungPerson(home.manager, millie.id))
      .restrictions;
    expect(saved).toMatchObject({
      effectiveFrom: '2026-03-01',
      effectiveTo: '2027-02-28',
      reviewOn: '2026-09-01',
    });
  });
});
