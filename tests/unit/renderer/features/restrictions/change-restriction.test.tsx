import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { YoungPeopleScreen } from '../../../../../renderer/src/features/people/YoungPeopleScreen';
import { closeTestHome, openTestHome, renderSignedIn } from '../render-signed-in';
import { seedRestriction, seedYoungPerson } from '../seed-home';

afterEach(closeTestHome);

describe('changing a restriction', () => {
  it('keeps an empty end date as none, and takes the dates typed day/month/year', async () => {
    const user = userEvent.setup();
    const home = await openTestHome();
    const millie = await seedYoungPerson(home);
    await seedRestriction(home, { youngPersonId: millie.id });
    renderSignedIn(<YoungPeopleScreen youngPersonId={millie.id} />, { db: home.db, session: home.manager });

    const card = await screen.findByRole('article', { name: 'Dean Hughes: Supervised contact only' });
    await user.click(within(card).getByRole('button', { name: 'Change' }));
    const form = within(card).getByRole('form', { name: 'Change the restriction on Dean Hughes' });
    expect(within(form).getByRole('textbox', { name: 'Applies until (optional)' })).toHaveValue('');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'What is restricted' }), 'noContact');
    await user.type(within(form).getByRole('textbox', { name: 'Next review by (optional)' }), '1/9/2099');
    await user.click(within(form).getByRole('button', { name: 'Save the change' }));

    expect(await screen.findByText(/The restriction on Dean Hughes is changed from/)).toBeInTheDocument();
    await waitFor(async () => {
      const [changed] = (await restrictionRepository(home.db).listForYoungPerson(home.manager, millie.id))
        .restrictions;
      expect(changed).toMatchObject({ kind: 'noContact', reviewOn: '2099-09-01' });
      expect(changed?.effectiveTo).toBeUndefined();
    });
  });
});
