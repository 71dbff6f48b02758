import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { peopleRepository } from '../../../../../renderer/src/db/repositories/people-repository';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { PeopleScreen } from '../../../../../renderer/src/features/people/PeopleScreen';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedRestriction, seedYoungPerson } from '../seed-home';

let home: TestHome | undefined;
afterEach(closeTestHome);

/** Adds someone to the family list as Millie's relative, as the manager; returns their id. */
async function seedPerson(testHome: TestHome, firstName: string, youngPersonId: string): Promise<string> {
  const saved = await peopleRepository(testHome.db).savePerson(testHome.manager, {
    person: { firstName, lastName: 'Hughes', aliases: [] },
    relationships: [
      { youngPersonId, relationship: 'Uncle', category: 'otherRelative', hasParentalResponsibility: false },
    ],
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value.person.id;
}

describe('the family list marks people with a restriction in force', () => {
  it('shows a care worker who is restricted for whom and how, never the order behind it', async () => {
    home = await openTestHome();
    const millie = await seedYoungPerson(home);
    const deanId = await seedPerson(home, 'Dean', millie.id);
    const garyId = await seedPerson(home, 'Gary', millie.id);
    await seedPerson(home, 'Karen', millie.id);
    await seedRestriction(home, { youngPersonId: millie.id, personId: deanId });
    const ended = await seedRestriction(home, {
      youngPersonId: millie.id,
      personId: garyId,
      name: 'Gary Hughes',
      aliases: [],
      kind: 'noContact',
    });
    const endedNow = await restrictionRepository(home.db).end(
      home.manager,
      ended.id,
      'The order was discharged.',
    );
    expect(endedNow.ok).toBe(true);

    renderSignedIn(<PeopleScreen />, { db: home.db, session: home.careWorker });

    const dean = await screen.findByRole('row', { name: /^Dean Hughes/ });
    expect(within(dean).getByText('Restricted')).toBeInTheDocument();
    expect(within(dean).getByRole('rowheader')).toHaveTextContent(
      'Restricted for Millie Hughes: Supervised contact only',
    );
    expect(dean).not.toHaveTextContent(/LS26C01234|Court order|Tall, short dark hair/);
    // Ended is no longer in force; never restricted is never marked.
    expect(within(screen.getByRole('row', { name: /^Gary Hughes/ })).queryByText('Restricted')).toBeNull();
    expect(within(screen.getByRole('row', { name: /^Karen Hughes/ })).queryByText('Restricted')).toBeNull();
  });

  it('marks someone the restriction names but was not linked to, and says so', async () => {
    home = await openTestHome();
    const millie = await seedYoungPerson(home);
    await seedPerson(home, 'Dean', millie.id);
    await seedRestriction(home, { youngPersonId: millie.id, kind: 'noContact' });

    renderSignedIn(<PeopleScreen />, { db: home.db, session: home.tutor });

    const dean = await screen.findByRole('row', { name: /^Dean Hughes/ });
    expect(await within(dean).findByText('Restricted')).toBeInTheDocument();
    expect(within(dean).getByRole('rowheader')).toHaveTextContent(
      'Restricted for Millie Hughes: No contact (the restriction gives their name)',
    );
  });
});
