import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { academicYearRepository } from '../../../../../renderer/src/db/repositories/academic-year-repository';
import { AcademicYearForm } from '../../../../../renderer/src/features/settings/AcademicYearForm';
import { buildAcademicYear } from '../../../../factories';
import { closeTestHome, openTestHome, renderSignedIn } from '../render-signed-in';

afterEach(closeTestHome);

describe('an academic year’s term dates', () => {
  it('are shown and typed as day/month/year, a date typed over a filled one kept whole', async () => {
    const user = userEvent.setup();
    const home = await openTestHome();
    const years = academicYearRepository(home.db);
    const { label, terms } = buildAcademicYear({ startYear: 2026 });
    const saved = await years.save(home.manager, { label, terms });
    if (!saved.ok) throw new Error(saved.error.message);
    const onDone = vi.fn();
    renderSignedIn(<AcademicYearForm repository={years} editing={saved.value} onDone={onDone} />, {
      db: home.db,
      session: home.manager,
    });

    const autumn = screen.getByRole('group', { name: 'Autumn term' });
    const starts = within(autumn).getByRole('textbox', { name: 'Autumn term starts' });
    const [year, month, day] = terms[0].startsOn.split('-');
    expect(starts).toHaveValue(`${day}/${month}/${year}`);
    await user.tripleClick(starts);
    await user.keyboard('01/09/2026');
    const halfTermEnds = within(autumn).getByRole('textbox', { name: 'Half term ends' });
    await user.tripleClick(halfTermEnds);
    await user.keyboard('30/10/2026x');
    await user.click(screen.getByRole('button', { name: 'Save academic year' }));

    await waitFor(() =>
      expect(halfTermEnds).toHaveAccessibleDescription(
        /Enter the day the autumn half term ends as day\/month\/year, for example 26\/10\/2026\./,
      ),
    );
    await user.type(halfTermEnds, '{Backspace}');
    await user.click(screen.getByRole('button', { name: 'Save academic year' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [stored] = await years.list();
    expect(stored?.terms[0]).toMatchObject({ startsOn: '2026-09-01', halfTermEndsOn: '2026-10-30' });
    expect(stored?.terms[1]).toEqual(terms[1]);
  });
});
