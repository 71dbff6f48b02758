import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ColumnHeadings } from '../../../../renderer/src/ui/ColumnHeadings';

describe('a table’s column headings', () => {
  it('heads each column in order, a hidden heading included, so a cell is read with its heading', () => {
    render(
      <table>
        <caption>Visitors on site</caption>
        <ColumnHeadings headings={['Name', 'Badge', <span className="visually-hidden">Actions</span>]} />
        <tbody>
          <tr>
            <td>Sam Green</td>
            <td>4</td>
            <td>
              <button type="button">Sign out</button>
            </td>
          </tr>
        </tbody>
      </table>,
    );
    const table = screen.getByRole('table', { name: 'Visitors on site' });
    const headings = within(table).getAllByRole('columnheader');
    expect(headings.map((heading) => heading.textContent)).toEqual(['Name', 'Badge', 'Actions']);
    expect(headings.every((heading) => heading.getAttribute('scope') === 'col')).toBe(true);
    expect(within(table).getByRole('cell', { name: '4' })).toBeInTheDocument();
  });
});
