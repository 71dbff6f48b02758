import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RowButton } from '../../../../renderer/src/ui/RowButton';

describe('a button on one row of a list', () => {
  it('shows its short word, is named for the row it acts on, and acts when pressed', async () => {
    const onClick = vi.fn();
    render(
      <ul>
        <li>
          Sam Taylor
          <RowButton name="Edit Sam Taylor’s details" onClick={onClick}>
            Edit
          </RowButton>
        </li>
      </ul>,
    );
    const button = screen.getByRole('button', { name: 'Edit Sam Taylor’s details' });
    expect(button).toHaveTextContent('Edit');
    expect(button).toHaveAttribute('type', 'button');
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
