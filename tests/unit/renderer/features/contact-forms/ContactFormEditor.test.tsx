import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactFormEditor } from '../../../../../renderer/src/features/contact-forms/ContactFormEditor';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedYoungPerson } from '../seed-home';

let home: TestHome | undefined;
afterEach(() => closeTestHome(home));

const london = 'Europe/London';

/** Day/month/year in London, `days` from today. */
function ukDateFromToday(days: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: london,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(new Date(Date.now() + days * 86_400_000));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value;
  return `${part('day')}/${part('month')}/${part('year')}`;
}

/** A new phone-call form for Millie, as a Personal Tutor opens it from "My young people". */
async function openNewForm() {
  home = await openTestHome();
  const millie = await seedYoungPerson(home);
  const user = userEvent.setup();
  renderSignedIn(
    <ContactFormEditor
      formId={crypto.randomUUID()}
      existing={undefined}
      prefill={{ youngPersonId: millie.id, kind: 'phoneCall' }}
      timeZone={london}
    />,
    { db: home.db, session: home.tutor },
  );
  const form = await screen.findByRole('form', { name: 'Contact form' });
  await waitFor(() => expect(within(form).getByLabelText('Young person')).toHaveValue(millie.id));
  return { home, user, form };
}

/** The text of the message a field's aria-describedby points at, besides its hint. */
function messageOf(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((element) => element?.classList.contains('field__error'))
    .map((element) => element?.textContent ?? '')
    .join(' ');
}

describe('when the contact happened', () => {
  it('a start later than now is refused beside the date, with the focus there, and nothing is saved', async () => {
    const { home, user, form } = await openNewForm();
    const date = within(form).getByLabelText('Date');
    await user.type(date, ukDateFromToday(1));
    await user.type(within(form).getByLabelText('Started at'), '09:00');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(date).toHaveAttribute('aria-invalid', 'true'));
    expect(messageOf(date)).toMatch(/later than now.*Check the date and the time it started/);
    expect(date).toHaveFocus();
    expect(await home.db.contactForms.count()).toBe(0);
    // What was typed stays, to be corrected.
    expect(date).toHaveValue(ukDateFromToday(1));
  });

  it('a time the clocks skipped (01:30 on the spring-forward night) is refused, not saved as 02:30', async () => {
    const { home, user, form } = await openNewForm();
    await user.type(within(form).getByLabelText('Date'), '29/03/2026');
    const startedAt = within(form).getByLabelText('Started at');
    await user.type(startedAt, '01:30');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(startedAt).toHaveAttribute('aria-invalid', 'true'));
    expect(messageOf(startedAt)).toMatch(/does not exist on that day \(the clocks went forward\)/);
    expect(startedAt).toHaveFocus();
    expect(await home.db.contactForms.count()).toBe(0);
  });
});
