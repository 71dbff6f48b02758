import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseFileQueuePanel } from '../../../../../renderer/src/features/contact-forms/CaseFileQueuePanel';
import { closeTestHome, openTestHome, renderSignedIn } from '../render-signed-in';

afterEach(closeTestHome);

describe('copies waiting for the case file, with none waiting', () => {
  it('says it is checking, politely, and then that every copy is in the folder', async () => {
    const home = await openTestHome();
    renderSignedIn(<CaseFileQueuePanel />, { db: home.db, session: home.manager });
    const panel = screen.getByRole('region', { name: 'Copies waiting for the case file' });
    expect(within(panel).getByRole('status')).toHaveTextContent('Checking for copies waiting…');

    const none = await within(panel).findByText('None: every signed copy is in the case-file folder.');
    expect(none).toHaveClass('empty');
    expect(within(panel).queryByRole('status')).not.toBeInTheDocument();
  });
});
