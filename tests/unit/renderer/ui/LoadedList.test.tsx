import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LoadedList } from '../../../../renderer/src/ui/LoadedList';

function show(items: readonly string[] | undefined) {
  return render(
    <LoadedList items={items} loading="Checking the contact plans…" empty="No contact plan reviews due.">
      {(names) => (
        <ul>
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </LoadedList>,
  );
}

describe('a list read from the store', () => {
  it('says what it is doing while the list is still being read', () => {
    show(undefined);
    expect(screen.getByRole('status')).toHaveTextContent('Checking the contact plans…');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('says in words that the list is empty, rather than leaving a blank space', () => {
    show([]);
    expect(screen.getByText('No contact plan reviews due.')).toHaveClass('empty');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows the list once it has something in it', () => {
    show(['Jordan', 'Sam']);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Jordan', 'Sam']);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByText('No contact plan reviews due.')).not.toBeInTheDocument();
  });
});
