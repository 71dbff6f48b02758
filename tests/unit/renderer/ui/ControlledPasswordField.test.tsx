import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ControlledPasswordField } from '../../../../renderer/src/ui/ControlledPasswordField';

function Renewal({ error }: { error?: string }) {
  const [password, setPassword] = useState('');
  return (
    <form aria-label="Renew my certificate">
      <ControlledPasswordField
        label="Your password"
        hint="The one you sign in with."
        error={error}
        value={password}
        onChange={setPassword}
      />
      <output>{password.length} typed</output>
    </form>
  );
}

describe('a password box held in the screen’s state', () => {
  it('is labelled, hides what is typed, offers the current password, and hands each change back', async () => {
    render(<Renewal />);
    const box = screen.getByLabelText('Your password');
    expect(box).toHaveAttribute('type', 'password');
    expect(box).toHaveAttribute('autocomplete', 'current-password');
    expect(box).toHaveAccessibleDescription('The one you sign in with.');
    await userEvent.type(box, 'correct horse');
    expect(box).toHaveValue('correct horse');
    expect(screen.getByText('13 typed')).toBeInTheDocument();
  });

  it('ties its error to the box, so a screen reader reads them together', () => {
    render(<Renewal error="Enter your password." />);
    const box = screen.getByLabelText('Your password');
    expect(box).toBeInvalid();
    expect(box).toHaveAccessibleDescription(/^The one you sign in with\. Error: ?Enter your password\.$/);
  });
});
