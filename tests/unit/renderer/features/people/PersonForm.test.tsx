import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { peopleRepository } from '../../../../../renderer/src/db/repositories/people-repository';
import { PeopleScreen } from '../../../../../renderer/src/features/people/PeopleScreen';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedYoungPerson } from '../seed-home';

let home: TestHome | undefined;
afterEach(closeTestHome);

/** The add button waits for the young people list; clicking it before then would do nothing. */
async function openAddForm(user: ReturnType<typeof userEvent.setup>) {
  const add = await screen.findByRole('button', { name: 'Add a family member or friend' });
  await waitFor(() => expect(add).toBeEnabled());
  await user.click(add);
}

describe('the family and friends form', () => {
  it('refuses an empty first name at the field and saves nothing', async () => {
    const user = userEvent.setup();
    home = await openTestHome();
    renderSignedIn(<PeopleScreen />, { db: home.db, session: home.tutor });

    await openAddForm(user);
    await user.type(screen.getByRole('textbox', { name: 'Last name (optional)' }), 'Hughes');
    await user.click(screen.getByRole('button', { name: 'Remove relationship 1' }));
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    const firstName = screen.getByRole('textbox', { name: 'First name' });
    expect(await screen.findByText('Enter the first name.')).toBeInTheDocument();
    expect(firstName).toHaveAttribute('aria-invalid', 'true');
    expect(firstName).toHaveAccessibleDescription(/Enter the first name\./);
    expect(await peopleRepository(home.db).listPeople(home.manager)).toHaveLength(0);
  });

  it('saves a mum with her other names and her relationship, and finds her as you type', async () => {
    const user = userEvent.setup();
    home = await openTestHome();
    const millie = await seedYoungPerson(home, {
      firstName: 'Amelia',
      preferredName: 'Millie',
      lastName: 'Hughes',
    });
    renderSignedIn(<PeopleScreen />, { db: home.db, session: home.tutor });

    await openAddForm(user);
    await user.type(screen.getByRole('textbox', { name: 'First name' }), 'Karen');
    await user.type(screen.getByRole('textbox', { name: 'Last name (optional)' }), 'Hughes');
    await user.type(screen.getByRole('textbox', { name: 'Other names (optional)' }), 'Kaz, Karen Smith');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Young person' }), millie.id);
    await user.type(screen.getByRole('textbox', { name: /^Relationship/ }), 'Mum');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of relationship' }), 'parent');
    await user.click(screen.getByRole('checkbox', { name: 'Has parental responsibility' }));
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    expect(await screen.findByText('Karen Hughes’s details are saved.')).toBeInTheDocument();
    const [saved] = await peopleRepository(home.db).listPeople(home.manager);
    expect(saved).toMatchObject({ firstName: 'Karen', aliases: ['Kaz', 'Karen Smith'] });
    expect(await screen.findByRole('link', { name: 'Millie Hughes' })).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Find someone' }), 'kaz');
    expect(screen.getByRole('rowheader', { name: 'Karen Hughes' })).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Find someone' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find someone' }), 'dean');
    expect(screen.queryByRole('rowheader', { name: 'Karen Hughes' })).not.toBeInTheDocument();
  });

  it('is not offered to care staff', async () => {
    home = await openTestHome();
    renderSignedIn(<PeopleScreen />, { db: home.db, session: home.careWorker });
    expect(await screen.findByText(/Nobody is listed yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a family member or friend' })).not.toBeInTheDocument();
  });
});
