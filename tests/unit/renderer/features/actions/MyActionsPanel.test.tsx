import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, calendarDateOf } from '../../../../../shared/home-time';
import { formActionSchema, type FormAction } from '../../../../../shared/schemas/form-actions';
import { formActionCodec } from '../../../../../renderer/src/db/repositories/form-action-repository';
import { HomeScreen } from '../../../../../renderer/src/features/home/HomeScreen';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedYoungPerson } from '../seed-home';

afterEach(closeTestHome);

async function seedAction(home: TestHome, overrides: Partial<FormAction>): Promise<FormAction> {
  const action = formActionSchema.parse({
    id: crypto.randomUUID(),
    formId: crypto.randomUUID(),
    formReference: 'CF-2026-ABC123',
    youngPersonId: crypto.randomUUID(),
    number: 1,
    action: 'Send Mum the photos',
    ownerStaffId: home.tutor.staff.id,
    ownerName: '',
    status: 'open',
    createdAt: new Date().toISOString(),
    ...overrides,
  });
  await home.db.formActions.put(await formActionCodec.encode(action, home.manager.cipher));
  return action;
}

describe('“My actions” on the home screen', () => {
  it('lists only the person’s own, overdue first, and closes one with a note, once however often it is pressed', async () => {
    const home = await openTestHome();
    const millie = await seedYoungPerson(home);
    const today = calendarDateOf(new Date(), 'Europe/London');
    await seedAction(home, {
      youngPersonId: millie.id,
      action: 'Book the room',
      dueOn: addDays(today, 3),
      number: 2,
    });
    await seedAction(home, {
      youngPersonId: millie.id,
      action: 'Send Mum the photos',
      dueOn: addDays(today, -1),
    });
    await seedAction(home, {
      youngPersonId: millie.id,
      action: 'Someone else’s',
      ownerStaffId: home.careWorker.staff.id,
    });

    renderSignedIn(<HomeScreen />, { db: home.db, session: home.tutor });
    // Read from the store: until then the panel says so, politely, to a screen reader too.
    expect(await screen.findByText('Checking your actions…')).toHaveAttribute('role', 'status');
    const panel = await screen.findByRole('region', { name: 'My actions' });
    const overdue = (await within(panel).findByRole('heading', { name: 'Overdue (1)' }))
      .nextElementSibling as HTMLElement;
    expect(within(overdue).getByText('Send Mum the photos')).toBeInTheDocument();
    expect(overdue).toHaveTextContent('For Millie Hughes');
    expect(overdue).toHaveTextContent('Overdue by 1 day');
    const due = within(panel).getByRole('heading', { name: 'Due (1)' }).nextElementSibling as HTMLElement;
    expect(due).toHaveTextContent('Book the room');
    expect(due).toHaveTextContent('Due in 3 days');
    expect(panel).not.toHaveTextContent('Someone else’s');

    const user = userEvent.setup();
    await user.click(within(panel).getByRole('button', { name: 'Mark done: CF-2026-ABC123 action 1' }));
    const form = within(panel).getByRole('form', { name: 'Mark done: CF-2026-ABC123 action 1' });
    expect(within(form).getByLabelText('What was done?')).toHaveFocus();
    await user.click(within(form).getByRole('button', { name: 'Mark as done' }));
    expect(await within(form).findByText('Enter a short note of what was done.')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('What was done?'), 'Posted them');
    await user.dblClick(within(form).getByRole('button', { name: 'Mark as done' }));

    expect(await within(panel).findByText('Marked done: CF-2026-ABC123 action 1.')).toHaveAttribute(
      'role',
      'status',
    );
    const done = (await within(panel).findByRole('heading', { name: 'Done in the last fortnight (1)' }))
      .nextElementSibling as HTMLElement;
    expect(done).toHaveTextContent('Posted them');
    const audited = (await home.db.audit.toArray()).filter((entry) => entry.action === 'form-action.done');
    expect(audited).toHaveLength(1);
  });
});
