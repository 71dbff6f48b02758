import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OpeningPanel } from '../../../../renderer/src/ui/OpeningPanel';
import { Panel } from '../../../../renderer/src/ui/Panel';

describe('a titled panel', () => {
  it('is a region named by its heading, and its heading is not a stop for Tab', () => {
    render(
      <Panel titleId="sync-problems-title" title="Sync problems">
        <p>None</p>
      </Panel>,
    );
    const region = screen.getByRole('region', { name: 'Sync problems' });
    expect(region).toHaveClass('panel', { exact: true });
    const heading = screen.getByRole('heading', { level: 2, name: 'Sync problems' });
    expect(heading).toHaveAttribute('id', 'sync-problems-title');
    expect(heading).not.toHaveAttribute('tabindex');
    expect(region).toContainElement(screen.getByText('None'));
  });

  it('takes its level, classes and role from where it stands', () => {
    render(
      <Panel
        titleId="remove-title"
        title="Remove Office?"
        level={3}
        className="panel wide"
        role="alertdialog"
      >
        <p>It will be refused from now on.</p>
      </Panel>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Office?' });
    expect(dialog).toHaveClass('panel wide', { exact: true });
    expect(screen.getByRole('heading', { level: 3, name: 'Remove Office?' })).toBeInTheDocument();
  });
});

describe('a panel that opens on a screen', () => {
  it('puts the focus on its heading, which script can focus but Tab passes over', () => {
    render(
      <OpeningPanel titleId="filing-title" title="Sign and file CF-1">
        <p>Check the form first.</p>
      </OpeningPanel>,
    );
    const heading = screen.getByRole('heading', { level: 2, name: 'Sign and file CF-1' });
    expect(heading).toHaveFocus();
    expect(heading).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('region', { name: 'Sign and file CF-1' })).toHaveClass('panel', { exact: true });
  });
});
