import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RowButton } from '../../../../renderer/src/ui/RowButton';
import { RowButtonCell } from '../../../../renderer/src/ui/RowButtonCell';

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

describe('the last cell of a row, with its one button', () => {
  function row(onClick: (() => void) | undefined) {
    render(
      <table>
        <tbody>
          <tr>
            <th scope="row">Sam Taylor</th>
            <RowButtonCell name="Edit Sam Taylor’s details" onClick={onClick}>
              Edit
            </RowButtonCell>
          </tr>
        </tbody>
      </table>,
    );
  }

  it('holds the row’s button for someone who may press it', async () => {
    const onClick = vi.fn();
    row(onClick);
    expect(screen.getAllByRole('cell')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Edit Sam Taylor’s details' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('leaves the cell out for someone who may not', () => {
    row(undefined);
    expect(screen.queryByRole('cell')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
