import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DoorScreen } from '../../../../../renderer/src/features/door/DoorScreen';
import { staffCodec } from '../../../../../renderer/src/db/repositories/staff-repository';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { draftRepository } from '../../../../../renderer/src/db/repositories/draft-repository';
import { emptyDoorForm } from '../../../../../renderer/src/features/door/door-form';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedRestriction, seedYoungPerson } from '../seed-home';

let home: TestHome | undefined;
afterEach(() => closeTestHome(home));

const barred = {
  name: 'John Smith',
  aliases: [],
  kind: 'noContact',
  conditions: '',
  authority: 'courtOrder',
  authorityReference: 'LS26C09999',
  description: 'Do not discuss.',
} as const;

async function openDoor(as: 'careWorker' | 'manager' | 'tutor') {
  home = await openTestHome();
  const millie = await seedYoungPerson(home);
  // The colleagues' accounts, so the door can name who supervises and who admitted a visitor.
  for (const session of [home.manager, home.tutor, home.careWorker])
    await home.db.staff.put(await staffCodec.encode(session.staff, session.cipher));
  return {
    home,
    millie,
    user: userEvent.setup(),
    view: renderSignedIn(<DoorScreen />, { db: home.db, session: home[as] }),
  };
}

describe('the front door', () => {
  it('asks a care worker to check the ID of a near spelling, and blocks once they treat them as the barred person, without showing the court order', async () => {
    const { home, millie, user } = await openDoor('careWorker');
    await seedRestriction(home, { ...barred, youngPersonId: millie.id });
    const form = await screen.findByRole('form', { name: 'Sign a visitor in' });

    await user.type(within(form).getByLabelText('Visitor’s name'), 'Jon Smyth');
    const idCheck = await screen.findByRole('region', { name: 'Check their ID' });
    expect(idCheck).toHaveTextContent('Jon Smyth is close to John Smith (near spelling).');
    expect(idCheck).not.toHaveTextContent('LS26C09999');
    expect(screen.queryByText('No restrictions found for this name.')).not.toBeInTheDocument();

    await user.click(within(idCheck).getByRole('button', { name: 'Treat them as John Smith' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Do not admit. Speak to the duty manager.');
    expect(alert).not.toHaveTextContent('LS26C09999');
    expect(alert).not.toHaveTextContent('Court order');
    expect(within(form).getByRole('button', { name: 'Sign in' })).toBeDisabled();
    expect(within(alert).getByRole('button', { name: 'Record as turned away' })).toBeEnabled();
    expect(within(form).queryByRole('group', { name: 'Override and admit' })).not.toBeInTheDocument();

    // Someone else's name is quietly clear.
    await user.clear(within(form).getByLabelText('Visitor’s name'));
    await user.type(within(form).getByLabelText('Visitor’s name'), 'Dawn Morris');
    expect(await screen.findByText('No restrictions found for this name.')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('never says "no restrictions found" for one word, and Enter in the name field signs nobody in', async () => {
    const { home, user } = await openDoor('careWorker');
    const form = await screen.findByRole('form', { name: 'Sign a visitor in' });
    await user.type(within(form).getByLabelText('Reason for the visit'), 'Visiting');
    await user.type(within(form).getByLabelText('Visitor’s name'), 'Imran{Enter}');
    expect(await screen.findByText('Type their full name to check it.')).toBeInTheDocument();
    expect(screen.queryByText('No restrictions found for this name.')).not.toBeInTheDocument();
    expect(await visitorLogRepository(home.db, home.manager.cipher).onSite()).toHaveLength(0);

    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(
      await within(form).findByText('Type their full name (first name and surname) so it can be checked.'),
    ).toBeInTheDocument();
    expect(await visitorLogRepository(home.db, home.manager.cipher).onSite()).toHaveLength(0);
  });

  it('clears the last visitor’s “signed in” confirmation when the next name is typed', async () => {
    const { user } = await openDoor('careWorker');
    const form = await screen.findByRole('form', { name: 'Sign a visitor in' });
    await user.type(within(form).getByLabelText('Visitor’s name'), 'Dawn Morris');
    await user.type(within(form).getByLabelText('Reason for the visit'), 'Visiting');
    await screen.findByText('No restrictions found for this name.');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/^Dawn Morris signed in at \d\d:\d\d\.$/)).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Visitor’s name'), 'G');
    expect(screen.queryByText(/^Dawn Morris signed in at/)).not.toBeInTheDocument();
    expect(
      within(await screen.findByRole('list', { name: 'Visitors on site now' })).getByRole('button', {
        name: 'Sign Dawn Morris out',
      }),
    ).toBeInTheDocument();
  });

  it('lets the manager override a block only with a reason and a confirmation, and shows them the authority', async () => {
    const { home, millie, user } = await openDoor('manager');
    await seedRestriction(home, { ...barred, youngPersonId: millie.id });
    const form = await screen.findByRole('form', { name: 'Sign a visitor in' });
    await user.type(within(form).getByLabelText('Visitor’s name'), 'John Smith');
    await user.type(within(form).getByLabelText('Reason for the visit'), 'Says he has a parcel');
    expect(await screen.findByRole('alert')).toHaveTextContent('Court order, reference LS26C09999');

    await user.click(within(form).getByRole('button', { name: 'Override and admit' }));
    expect(await within(form).findByText('Say why you are overriding the restriction.')).toBeInTheDocument();
    // The focus goes to what needs doing, not left on the button.
    await waitFor(() =>
      expect(within(form).getByLabelText('Why are you overriding the restriction?')).toHaveFocus(),
    );
    await user.type(
      within(form).getByLabelText('Why are you overriding the restriction?'),
      'Order discharged this morning; social worker confirmed by phone',
    );
    await user.click(within(form).getByRole('button', { name: 'Override and admit' }));
    await waitFor(() => expect(within(form).getByLabelText(/I have checked who this is/)).toHaveFocus());
    await user.click(within(form).getByLabelText(/I have checked who this is/));
    await user.click(within(form).getByRole('button', { name: 'Override and admit' }));

    expect(await screen.findByText(/^John Smith signed in at \d\d:\d\d\.$/)).toBeInTheDocument();
    const [entry] = await visitorLogRepository(home.db, home.manager.cipher).onSite();
    expect(entry?.restrictionCheck).toBe('overridden');
    expect(entry?.overrideReason).toBe('Order discharged this morning; social worker confirmed by phone');
  });

  it('needs a supervisor and “I have read this” for a supervised-only visitor', async () => {
    const { home, millie, user } = await openDoor('careWorker');
    await seedRestriction(home, {
      youngPersonId: millie.id,
      name: 'Dean Hughes',
      aliases: ['Deano'],
      kind: 'supervisedOnly',
    });
    const form = await screen.findByRole('form', { name: 'Sign a visitor in' });

    await user.type(within(form).getByLabelText('Visitor’s name'), 'Deano');
    await user.click(within(form).getByLabelText('Millie Hughes'));
    await user.type(within(form).getByLabelText('Reason for the visit'), 'Supervised contact');
    const panel = await screen.findByRole('region', { name: 'Restricted: read before signing in' });
    expect(panel).toHaveTextContent('Deano was matched to Dean Hughes (also known as Deano).');
    expect(panel).toHaveTextContent('Supervised contact only.');

    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(
      await within(form).findByText('Tick “I have read this” once you have read the restriction.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(panel).getByLabelText('I have read this')).toHaveFocus());
    await user.click(within(panel).getByLabelText('I have read this'));
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(form).findByText('Choose who will supervise this visit.')).toBeInTheDocument();
    await waitFor(() => expect(within(panel).getByLabelText('Who will supervise?')).toHaveFocus());
    expect(await visitorLogRepository(home.db, home.manager.cipher).onSite()).toHaveLength(0);

    await user.selectOptions(within(panel).getByLabelText('Who will supervise?'), home.manager.staff.id);
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/^Deano signed in at/)).toBeInTheDocument();
    await waitFor(async () => {
      const [entry] = await visitorLogRepository(home.db, home.manager.cipher).onSite();
      expect(entry?.supervisingStaffId).toBe(home.manager.staff.id);
    });
    const onSite = await screen.findByRole('list', { name: 'Visitors on site now' });
    expect(onSite).toHaveTextContent('Deano');
    // The condition stays in sight, in words, with who supervises.
    expect(onSite).toHaveTextContent('Supervised contact only.');
    expect(onSite).toHaveTextContent(`Supervised by ${home.manager.staff.name}`);
  });

  it('a kept sign-in that names a booked visit says so, and the booking can be let go', async () => {
    home = await openTestHome();
    const millie = await seedYoungPerson(home);
    // Left filled in from "Expected today" when the screen locked: the draft keeps the booking's id.
    await draftRepository(home.db, home.careWorker.cipher, home.careWorker.staff.id).save('door:sign-in', {
      ...emptyDoorForm,
      visitorName: 'Dawn Morris',
      visitingYoungPersonIds: [millie.id],
      visitId: crypto.randomUUID(),
    });
    const user = userEvent.setup();
    renderSignedIn(<DoorScreen />, { db: home.db, session: home.careWorker });
    const form = await screen.findByRole('form', { name: 'Sign a visitor in' });
    await waitFor(() => expect(within(form).getByLabelText('Visitor’s name')).toHaveValue('Dawn Morris'));
    // Back from another screen, not a lock: the notice does not say the screen locked.
    expect(
      screen.getByText('We kept what you were typing. Check it, then sign them in.'),
    ).toBeInTheDocument();

    expect(within(form).getByText(/^This sign-in is for a booked visit/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Not for this booked visit' }));
    expect(within(form).queryByRole('button', { name: 'Not for this booked visit' })).not.toBeInTheDocument();
  });
});
