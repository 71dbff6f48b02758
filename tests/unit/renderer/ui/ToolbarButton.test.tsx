import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ToolbarButton } from '../../../../renderer/src/ui/ToolbarButton';

describe('the one button that starts a screen’s task', () => {
  it('starts the task when pressed', async () => {
    const onClick = vi.fn();
    render(<ToolbarButton onClick={onClick}>Add a young person</ToolbarButton>);
    const button = screen.getByRole('button', { name: 'Add a young person' });
    expect(button).toHaveClass('button');
    expect(button).not.toHaveClass('button--secondary');
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('stays off until what it needs has been read, and can be drawn as a lesser action', async () => {
    const onClick = vi.fn();
    render(
      <ToolbarButton isDisabled isSecondary onClick={onClick}>
        Edit details
      </ToolbarButton>,
    );
    const button = screen.getByRole('button', { name: 'Edit details' });
    expect(button).toBeDisabled();
    expect(button).toHaveClass('button', 'button--secondary');
    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });
});
