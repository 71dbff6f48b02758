import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UnexpectedErrorBanner } from '../../../../renderer/src/app/UnexpectedErrorBanner';

describe('the safety net under every button', () => {
  it('says in plain words that an action failed, and can be dismissed', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<UnexpectedErrorBanner />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => {
      const event = new Event('unhandledrejection') as PromiseRejectionEvent;
      Object.defineProperty(event, 'reason', { value: new Error('disk went away') });
      window.dispatchEvent(event);
    });
    expect(screen.getByRole('alert')).toHaveTextContent('What you typed is still here');
    expect(logged).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    logged.mockRestore();
  });
});
