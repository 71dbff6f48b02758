import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MailSettingsForm } from '../../../../../renderer/src/features/settings/MailSettingsForm';
import type { MailSettings } from '../../../../../shared/schemas/mail';

const settings: MailSettings = {
  host: 'smtp.home.example',
  port: 587,
  security: 'starttls',
  username: 'alerts@home.example',
  fromAddress: 'alerts@home.example',
  fromName: 'Family Links',
  caCertificatePem: '',
  attachSignedPdf: false,
};

function renderForm(view: { hasPassword: boolean; isSenderUnconfirmed: boolean }) {
  const full = { settings, passwordProtection: 'os' as const, ...view };
  const save = vi.fn(() =>
    Promise.resolve({
      ok: true as const,
      value: { outcome: 'saved' as const, view: { ...full, hasPassword: true, isSenderUnconfirmed: false } },
    }),
  );
  render(<MailSettingsForm view={full} save={save} onSaved={() => Promise.resolve()} />);
  return save;
}

describe('saving mail settings whose sender waits to be confirmed', () => {
  it('saves without the password typed again: the one kept for this server is bound to the sender saved', async () => {
    const user = userEvent.setup();
    const save = renderForm({ hasPassword: false, isSenderUnconfirmed: true });
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/A password is stored/);
    await user.click(screen.getByRole('button', { name: 'Save mail settings' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ settings }));
  });

  it('still asks for the password when none is kept at all', async () => {
    const user = userEvent.setup();
    const save = renderForm({ hasPassword: false, isSenderUnconfirmed: false });
    await user.click(screen.getByRole('button', { name: 'Save mail settings' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
        /Enter the password for this mail account/,
      ),
    );
    expect(save).not.toHaveBeenCalled();
  });
});
