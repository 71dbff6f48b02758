import { describe, expect, it } from 'vitest';
import { communicationLine } from '../../../../shared/rules/communication';
import type { CommunicationNeeds } from '../../../../shared/schemas/communication';

describe('how a family member communicates, in one line', () => {
  it.each<[string, CommunicationNeeds, string]>([
    [
      'language, interpreter, channel and time',
      {
        language: 'Polish',
        needsInterpreter: true,
        preferredChannels: ['phone'],
        preferredTimes: 'after 6pm',
      },
      'Speaks Polish; needs an interpreter. Prefers phone calls after 6pm.',
    ],
    ['a language alone', { language: 'Welsh' }, 'Speaks Welsh.'],
    ['an interpreter with no language named', { needsInterpreter: true }, 'Needs an interpreter.'],
    [
      'several channels',
      { preferredChannels: ['video', 'letter', 'inPerson'] },
      'Prefers video calls, letters or meeting in person.',
    ],
    ['times with no channel', { preferredTimes: 'weekday mornings' }, 'Best times: weekday mornings.'],
    [
      'access needs, already ending in a full stop',
      { accessibilityNeeds: 'Uses a wheelchair; step-free access.' },
      'Access needs: Uses a wheelchair; step-free access.',
    ],
  ])('%s', (_case, needs, line) => {
    expect(communicationLine(needs)).toBe(line);
  });

  it('nothing when nothing is recorded, or only blanks', () => {
    expect(communicationLine({})).toBeUndefined();
    expect(
      communicationLine({
        language: '  ',
        needsInterpreter: false,
        preferredChannels: [],
        preferredTimes: '',
      }),
    ).toBeUndefined();
  });
});
