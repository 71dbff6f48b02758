import { useState } from 'react';
import type { PasswordContext } from '@shared/rules/password-strength';
import { useTemporaryPassword } from './useTemporaryPassword';

/**
 * A button that makes a temporary password of random words and puts it in both password fields,
 * showing it once (with a copy button) so the manager can give it to the person in person.
 */
export function TemporaryPasswordMaker({
  context,
  onMade,
}: {
  readonly context: () => PasswordContext;
  readonly onMade: (password: string) => void;
}) {
  const { made, make } = useTemporaryPassword();
  const [copyNote, setCopyNote] = useState('');
  return (
    <div className="temporary-password">
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          void make(context()).then((password) => {
            setCopyNote('');
            if (password) onMade(password);
          })
        }
      >
        Make a temporary password
      </button>
      {made ? (
        <p role="status">
          Temporary password: <strong className="temporary-password__words">{made}</strong>{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              void navigator.clipboard.writeText(made).then(
                () => setCopyNote('Copied.'),
                () => setCopyNote('Could not copy: write it down instead.'),
              )
            }
          >
            Copy
          </button>{' '}
          <span className="muted">
            {copyNote || 'Give it to them in person. It is not shown again once you save.'}
          </span>
        </p>
      ) : null}
    </div>
  );
}
