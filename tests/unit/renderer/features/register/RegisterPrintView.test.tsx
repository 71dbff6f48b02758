import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayAndTime } from '@shared/home-time';
import { RegisterPrintView } from '../../../../../renderer/src/features/register/RegisterPrintView';
import { buildVisitorEntry } from '../../../../factories/register-factories';

afterEach(() => vi.restoreAllMocks());

const london = 'Europe/London';
const directory = {
  youngPeople: [],
  staff: [],
  people: [],
  youngPersonName: () => 'Jay',
  staffName: () => 'Sam Reed',
};

describe('the visitor register on paper', () => {
  it('heads its columns, says when each visitor left, and goes back on request', async () => {
    vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const onClose = vi.fn();
    render(
      <RegisterPrintView
        entries={[
          buildVisitorEntry({ visitorName: 'Karen Hughes' }),
          buildVisitorEntry({ visitorName: 'Lee Dunn', departedAt: undefined }),
          buildVisitorEntry({ visitorName: 'Pat Moss', kind: 'turnedAway', departedAt: undefined }),
        ]}
        directory={directory}
        clock={{ homeName: 'Oakfield House', timeZone: london }}
        from="2026-10-14"
        to="2026-10-14"
        printedAt="2026-10-14T17:00:00.000Z"
        onClose={onClose}
      />,
    );

    expect(screen.getByRole('heading', { name: 'Visitor register: Oakfield House' })).toHaveFocus();
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((heading) => heading.textContent),
    ).toEqual([
      'Visitor',
      'Arrived',
      'Left',
      'Visiting',
      'Reason',
      'Badge',
      'Admitted or turned away by',
      'Check',
    ]);
    const leftOf = (name: string) =>
      within(screen.getByRole('row', { name: new RegExp(`^${name}`) })).getAllByRole('cell')[1]?.textContent;
    expect(leftOf('Karen Hughes')).toBe(dayAndTime('2026-10-14T15:40:00.000Z', london));
    expect(leftOf('Lee Dunn')).toBe('Still on site');
    expect(leftOf('Pat Moss')).toBe('Turned away');

    await userEvent.click(screen.getByRole('button', { name: 'Back to the register' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
