import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { YoungPeopleScreen } from '../../../../../renderer/src/features/people/YoungPeopleScreen';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedRestriction, seedYoungPerson } from '../seed-home';

let home: TestHome | undefined;
afterEach(closeTestHome);

async function openRestriction() {
  home = await openTestHome();
  const millie = await seedYoungPerson(home);
  const restriction = await seedRestriction(home, {
    youngPersonId: millie.id,
    name: 'Dean Hughes',
    kind: 'noContact',
    effectiveFrom: '2026-01-12',
  });
  renderSignedIn(<YoungPeopleScreen youngPersonId={millie.id} />, { db: home.db, session: home.tutor });
  const card = await screen.findByRole('article', { name: 'Dean Hughes: No contact' });
  return {
    card,
    restriction,
    stored: async () =>
      (await restrictionRepository(home!.db).listForYoungPerson(home!.manager, millie.id)).restrictions[0],
  };
}

describe('ending a restriction', () => {
  it.each([
    ['nothing', ''],
    ['only spaces', '   '],
  ])('is refused at the reason when the reason is %s, and nothing changes', async (_what, typed) => {
    const user = userEvent.setup();
    const { card, stored } = await openRestriction();
    await user.click(within(card).getByRole('button', { name: 'End restriction' }));
    const reason = within(card).getByRole('textbox', { name: 'Why is it ending?' });
    if (typed) await user.type(reason, typed);
    await user.click(within(card).getByRole('button', { name: 'End restriction' }));

    expect(await within(card).findByText(/Say why the restriction is ending/)).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(within(card).queryByRole('button', { name: 'Yes, end the restriction' })).not.toBeInTheDocument();
    expect((await stored())?.endedAt).toBeUndefined();
  });

  it('asks to confirm, then ends it and keeps the reason', async () => {
    const user = userEvent.setup();
    const { card, stored } = await openRestriction();
    await user.click(within(card).getByRole('button', { name: 'End restriction' }));
    await user.type(
      within(card).getByRole('textbox', { name: 'Why is it ending?' }),
      'Court order discharged on 3 March',
    );
    await user.click(within(card).getByRole('button', { name: 'End restriction' }));
    expect((await stored())?.endedAt).toBeUndefined();

    await user.click(await within(card).findByRole('button', { name: 'Yes, end the restriction' }));

    expect(await screen.findByText(/has ended\. It stays in the register/)).toBeInTheDocument();
    const ended = await stored();
    expect(ended?.view === 'full' && ended.endedReason).toBe('Court order discharged on 3 March');
    expect(await within(card).findByText(/^Ended on/)).toBeInTheDocument();
  });
});
