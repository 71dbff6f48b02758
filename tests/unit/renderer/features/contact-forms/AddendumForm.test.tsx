import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { contactFormRepository } from '../../../../../renderer/src/db/repositories/contact-form-repository';
import { AddendumForm } from '../../../../../renderer/src/features/contact-forms/AddendumForm';
import { buildCaseFilePlace, buildContactFormEntry } from '../../../../factories';
import { okValue } from '../../ok-value';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedYoungPerson } from '../seed-home';

let home: TestHome | undefined;
afterEach(() => closeTestHome(home));

/** A phone call the tutor recorded, signed and filed. */
async function filedForm() {
  home = await openTestHome();
  const millie = await seedYoungPerson(home);
  const forms = contactFormRepository(home.db);
  const form = okValue(
    await forms.start(home.tutor, millie.id, buildContactFormEntry({ initiatedBy: 'family' })),
  );
  const filedAt = new Date().toISOString();
  const filed = okValue(
    await forms.file(home.tutor, form.id, {
      pdf: new Uint8Array([37, 80, 68, 70]),
      sha256: 'a'.repeat(64),
      place: buildCaseFilePlace(),
      filedAt,
      caseFile: { state: 'written', relativePath: 'x.pdf', writtenAt: filedAt },
    }),
  );
  return { home, forms, filed };
}

describe('correcting a filed form', () => {
  it('a double press of “Start the addendum” starts one addendum, not two', async () => {
    const { home, forms, filed } = await filedForm();
    const user = userEvent.setup();
    renderSignedIn(<AddendumForm formId={filed.id} />, {
      db: home.db,
      session: home.tutor,
    });
    await user.click(await screen.findByRole('button', { name: 'Write an addendum' }));
    const amend = screen.getByRole('form', { name: 'Write an addendum' });
    await user.type(within(amend).getByLabelText('What does the addendum correct?'), 'It was Mum, not Dad.');

    await user.dblClick(within(amend).getByRole('button', { name: 'Start the addendum' }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/contact-forms\//));
    // Give a second press time to land, as it would on a busy office computer.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await forms.addendaOf(home.tutor, filed.id)).map((addendum) => addendum.reference)).toEqual([
      `${filed.reference}-A1`,
    ]);
  });
});
