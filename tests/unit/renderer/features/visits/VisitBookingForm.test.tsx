import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { YoungPerson } from '../../../../../shared/schemas/people';
import type { VisitBookingFormInput } from '../../../../../shared/schemas/visits';
import { VisitBookingForm } from '../../../../../renderer/src/features/visits/VisitBookingForm';
import { useVisitActions } from '../../../../../renderer/src/features/visits/useVisitActions';
import type { VisitDirectory } from '../../../../../renderer/src/features/visits/useVisitDirectory';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedYoungPerson } from '../seed-home';

let home: TestHome | undefined;
afterEach(() => closeTestHome(home));

const london = 'Europe/London';

const nothingChosen: VisitBookingFormInput = {
  youngPersonIds: [],
  kind: 'familyVisit',
  personIds: [],
  staffIds: [],
  supervisingStaffId: '',
  roomId: '',
  date: '',
  startTime: '10:00',
  endTime: '12:00',
  transport: '',
  notes: '',
  repeat: 'none',
  repeatUntil: '',
};

function Booking({ youngPeople }: { readonly youngPeople: readonly YoungPerson[] }) {
  const actions = useVisitActions(london);
  const directory: VisitDirectory = {
    youngPeople,
    staff: [],
    rooms: [],
    youngPersonName: (id) => (youngPeople.some((person) => person.id === id) ? 'Millie Hughes' : ''),
    staffName: () => '',
    roomName: () => '',
  };
  return (
    <VisitBookingForm
      actions={actions}
      directory={directory}
      timeZone={london}
      today="2026-12-07"
      initial={nothingChosen}
      onDone={() => undefined}
    />
  );
}

describe('booking a visit with something missing', () => {
  it('takes the focus to the first problem, the young people, before the date below it', async () => {
    home = await openTestHome();
    const millie = await seedYoungPerson(home);
    const user = userEvent.setup();
    renderSignedIn(<Booking youngPeople={[millie]} />, { db: home.db, session: home.manager });
    const form = await screen.findByRole('form', { name: 'Book a visit' });

    await user.click(within(form).getByRole('button', { name: 'Book visit' }));

    const group = await within(form).findByRole('group', { name: 'Young people' });
    expect(group).toHaveAccessibleDescription(/Choose at least one young person/);
    await waitFor(() => expect(within(group).getByLabelText('Millie Hughes')).toHaveFocus());
  });
});
