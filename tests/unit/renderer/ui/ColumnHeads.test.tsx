import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ColumnHeads } from '../../../../renderer/src/ui/ColumnHeads';

function headsOf(hasActions: boolean | undefined) {
  render(
    <table>
      <caption>Staff accounts</caption>
      <ColumnHeads columns={['Name', 'Username']} hasActions={hasActions} />
      <tbody>
        <tr>
          <td>Sam</td>
          <td>sam</td>
          {hasActions ? <td /> : null}
        </tr>
      </tbody>
    </table>,
  );
  return within(screen.getByRole('table', { name: 'Staff accounts' })).getAllByRole('columnheader');
}

describe('a table’s head row', () => {
  it('names each column in order, with no Actions column unless the rows have buttons', () => {
    expect(headsOf(undefined).map((head) => head.textContent)).toEqual(['Name', 'Username']);
  });

  it('adds an Actions column that only screen readers announce', () => {
    const heads = headsOf(true);
    expect(heads.map((head) => head.textContent)).toEqual(['Name', 'Username', 'Actions']);
    expect(within(heads[2]!).getByText('Actions')).toHaveClass('visually-hidden');
  });
});
