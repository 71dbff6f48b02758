import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UnexpectedErrorBanner } from '../../../../renderer/src/app/UnexpectedErrorBanner';
import { SyncServerUnreachable } from '../../../../renderer/src/platform/sync/ipc-fetch';
import type { Session } from '../../../../renderer/src/db/session';
import { SessionContext, type SessionApi } from '../../../../renderer/src/security/session-context';

function rejectUnhandled(reason: unknown): void {
  act(() => {
    const event = new Event('unhandledrejection', { cancelable: true }) as PromiseRejectionEvent;
    Object.defineProperty(event, 'reason', { value: reason });
    window.dispatchEvent(event);
  });
}

function failSomething(): void {
  rejectUnhandled(new Error('disk went away'));
}

function signedInAs(roles: Session['roles']): SessionApi {
  // Only the state is read by the banner; the rest of the API is never called here.
  return {
    state: { kind: 'signedIn', session: { roles } as Session, mustChangePassword: false },
  } as SessionApi;
}

describe('the safety net under every button', () => {
  it('says in plain words that an action failed, and can be dismissed', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<UnexpectedErrorBanner />);
    expect(screen.queryByRole('alert')).toBeNull();
    failSomething();
    expect(screen.getByRole('alert')).toHaveTextContent('What you typed is still here');
    expect(screen.getByRole('alert')).toHaveTextContent('tell the manager');
    expect(logged).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    logged.mockRestore();
  });

  it('tells a care worker to tell the manager, and the manager what to do instead', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const careWorker = render(
      <SessionContext.Provider value={signedInAs(['careStaff'])}>
        <UnexpectedErrorBanner />
      </SessionContext.Provider>,
    );
    failSomething();
    expect(screen.getByRole('alert')).toHaveTextContent('tell the manager');
    careWorker.unmount();

    render(
      <SessionContext.Provider value={signedInAs(['registeredManager'])}>
        <UnexpectedErrorBanner />
      </SessionContext.Provider>,
    );
    failSomething();
    expect(screen.getByRole('alert')).not.toHaveTextContent(/manager/i);
    expect(screen.getByRole('alert')).toHaveTextContent('restart Family Links');
    logged.mockRestore();
  });

  it('stays quiet when sync cannot reach its server, which sync itself retries', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<UnexpectedErrorBanner />);
    rejectUnhandled(new SyncServerUnreachable('Family Links could not reach the sync server.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(warned).toHaveBeenCalled();
    warned.mockRestore();
  });
});
