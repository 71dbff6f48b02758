import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contactFormRepository } from '../../../../../renderer/src/db/repositories/contact-form-repository';
import { FilingPanel } from '../../../../../renderer/src/features/contact-forms/FilingPanel';
import { buildContactFormEntry } from '../../../../factories';
import { okValue } from '../../ok-value';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedYoungPerson } from '../seed-home';

// jsdom draws nothing on a canvas: a pad that keeps the strokes it is given, so the keyboard pen
// (Space puts it down) signs the box as it does in the app.
vi.mock('signature_pad', () => ({
  default: class {
    private data: unknown[] = [];
    addEventListener() {}
    removeEventListener() {}
    off() {}
    clear() {
      this.data = [];
    }
    isEmpty() {
      return this.data.length === 0;
    }
    toData() {
      return this.data;
    }
    fromData(groups: unknown[]) {
      this.data = groups;
    }
    toDataURL() {
      return 'data:image/png;base64,iVBORw0KGgo=';
    }
  },
}));

// The test sessions hold no wrapped signing key to check a password against: the signer says what
// unlockSigner says for a wrong password.
vi.mock('../../../../../renderer/src/security/useSigner', () => ({
  useSigner: () => () =>
    Promise.resolve({
      ok: false,
      error: {
        code: 'wrong-password',
        message: 'That password is not right, so nothing was signed. Check Caps Lock is off and try again.',
      },
    }),
}));

let home: TestHome | undefined;
afterEach(() => closeTestHome(home));

async function formToFile() {
  home = await openTestHome();
  const millie = await seedYoungPerson(home);
  const form = okValue(
    await contactFormRepository(home.db).start(
      home.tutor,
      millie.id,
      buildContactFormEntry({ initiatedBy: 'family' }),
    ),
  );
  renderSignedIn(<FilingPanel form={form} timeZone="Europe/London" onFiled={vi.fn()} onCancel={vi.fn()} />, {
    db: home.db,
    session: home.tutor,
  });
}

describe('signing and filing a contact form', () => {
  it('moves the focus to the first thing to put right: the signature, then the password', async () => {
    const user = userEvent.setup();
    await formToFile();
    const signFile = screen.getByRole('button', { name: 'Sign and file' });
    const signature = screen.getByLabelText('Your signature');
    const password = screen.getByLabelText('Your password');

    await user.click(signFile);
    expect(signature).toHaveAccessibleDescription(expect.stringContaining('Sign in the box first.'));
    expect(password).toHaveAccessibleDescription(expect.stringContaining('Enter your password.'));
    await waitFor(() => expect(signature).toHaveFocus());

    await user.keyboard(' ');
    await user.click(signFile);
    expect(signature).not.toHaveAccessibleDescription(expect.stringContaining('Sign in the box first.'));
    await waitFor(() => expect(password).toHaveFocus());
  });

  it('moves the focus back to the password when it is wrong', async () => {
    const user = userEvent.setup();
    await formToFile();
    await user.click(screen.getByLabelText('Your signature'));
    await user.keyboard(' ');
    const password = screen.getByLabelText('Your password');
    await user.type(password, 'not my password at all');
    await user.click(screen.getByRole('button', { name: 'Sign and file' }));

    await waitFor(() =>
      expect(password).toHaveAccessibleDescription(expect.stringContaining('That password is not right')),
    );
    await waitFor(() => expect(password).toHaveFocus());
  });
});
