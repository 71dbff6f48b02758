import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { uncheckedRestrictions } from '../../../../../shared/rules/contact-form-restrictions';
import type { RestrictedParticipant } from '../../../../../shared/schemas/contact-forms';
import { RestrictedParticipantsNotice } from '../../../../../renderer/src/features/contact-forms/RestrictedParticipantsNotice';

const markJones: RestrictedParticipant = {
  restrictionId: crypto.randomUUID(),
  name: 'Mark Jones',
  verdict: 'block',
  summary: 'No phone contact is allowed.',
};
const cannotBeRead = uncheckedRestrictions([crypto.randomUUID()])[0] ?? markJones;

describe('the notice of restricted people on a contact form', () => {
  it.each([
    ['saved', 'a restricted person', [markJones], 'A restricted person is recorded as taking part.'],
    [
      'saved',
      'a restriction not read',
      [cannotBeRead],
      'This contact could not be checked against a restriction.',
    ],
    ['saved', 'both', [markJones, cannotBeRead], 'A restricted person is recorded as taking part.'],
    [
      'beforeSaving',
      'a restriction not read',
      [cannotBeRead],
      'Before you save: a restriction on the register could not be read.',
    ],
  ] as const)('%s, %s: leads with what is known', (when, _who, participants, heading) => {
    render(<RestrictedParticipantsNotice participants={participants} when={when} />);
    expect(screen.getByText(heading)).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(participants.length);
  });

  it('shows nothing when nobody is restricted', () => {
    const { container } = render(<RestrictedParticipantsNotice participants={[]} />);
    expect(container.textContent).toBe('');
  });
});
