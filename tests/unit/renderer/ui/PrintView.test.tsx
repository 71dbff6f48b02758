import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrintView } from '../../../../renderer/src/ui/PrintView';

afterEach(() => vi.restoreAllMocks());

describe('a register as paper (fire roll, visitor register, a week of visits)', () => {
  it('asks the browser to print once on opening, puts focus on its heading, and prints again or goes back on request', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const onClose = vi.fn();
    render(
      <PrintView
        heading={<>Fire roll: Oakfield House</>}
        backLabel="Back to the front door"
        onClose={onClose}
      >
        <p>2 visitors on site.</p>
      </PrintView>,
    );

    const heading = screen.getByRole('heading', { level: 1, name: 'Fire roll: Oakfield House' });
    expect(heading).toHaveFocus();
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByText('2 visitors on site.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Print again' }));
    expect(print).toHaveBeenCalledTimes(2);
    await userEvent.click(screen.getByRole('button', { name: 'Back to the front door' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
