import { describe, expect, it } from 'vitest';
import {
  isFamilyVisitor,
  latestAnswer,
  protocolAnswerText,
  protocolAskAtSignIn,
  protocolAskReasonText,
  type ProtocolAnswerSeen,
} from '../../../../shared/rules/visiting-protocol';
import { paragraphsFromText } from '../../../../shared/schemas/visiting-protocol';

const staffId = '2f0c8a9e-3d7b-4c1a-9e5f-0a1b2c3d4e5f';
const answer = (overrides: Partial<ProtocolAnswerSeen>): ProtocolAnswerSeen => ({
  version: 1,
  outcome: 'signed',
  at: '2026-12-04T10:00:00.000Z',
  staffId,
  ...overrides,
});

describe('does this visitor need to accept the visiting protocol now (seed 004 §4)', () => {
  it.each([
    ['no protocol has been published', undefined, true, undefined, 'noProtocol'],
    ['a professional or someone not in the register', 2, false, undefined, 'notFamily'],
    ['a family visitor who never answered', 2, true, undefined, 'ask:neverAccepted'],
    ['accepted an older version', 2, true, answer({ version: 1 }), 'ask:olderVersion'],
    [
      'declined the current version last time',
      2,
      true,
      answer({ version: 2, outcome: 'declined' }),
      'ask:declined',
    ],
    ['declined an older version', 2, true, answer({ version: 1, outcome: 'declined' }), 'ask:declined'],
    ['signed the current version', 2, true, answer({ version: 2 }), 'accepted'],
    [
      'had the current version read to them',
      2,
      true,
      answer({ version: 2, outcome: 'readToThem' }),
      'accepted',
    ],
  ] as const)('%s', (_, currentVersion, isFamily, last, expected) => {
    const ask = protocolAskAtSignIn({ currentVersion, isFamilyVisitor: isFamily, last });
    expect(ask.kind === 'ask' ? `ask:${ask.reason}` : ask.kind).toBe(expected);
    if (ask.kind === 'ask') expect(ask.version).toBe(currentVersion);
  });

  it('asks about the current version and says which one they accepted before', () => {
    const ask = protocolAskAtSignIn({
      currentVersion: 3,
      isFamilyVisitor: true,
      last: answer({ version: 2 }),
    });
    if (ask.kind !== 'ask') throw new Error('expected to ask');
    expect(protocolAskReasonText(ask)).toBe(
      'They accepted version 2 of the visiting protocol; it has changed since. Go through version 3 with them now.',
    );
  });
});

describe('who counts as a family visitor', () => {
  it.each([
    [[], false],
    [[{ category: 'professional' }], false],
    [[{ category: 'parent' }], true],
    [[{ category: 'professional' }, { category: 'friend' }], true],
    [[{ category: 'significantOther' }], true],
  ] as const)('%j → %s', (links, expected) => {
    expect(isFamilyVisitor(links)).toBe(expected);
  });
});

describe('the latest answer', () => {
  it('is the one given last, whatever the order stored', () => {
    const answers = [
      answer({ at: '2026-12-04T10:00:00.000Z', version: 1 }),
      answer({ at: '2026-12-06T10:00:00.000Z', version: 2, outcome: 'declined' }),
      answer({ at: '2026-12-05T10:00:00.000Z', version: 2 }),
    ];
    expect(latestAnswer(answers)?.outcome).toBe('declined');
    expect(latestAnswer([])).toBeUndefined();
  });
});

describe('the words shown on the register and the person’s page', () => {
  it.each([
    [answer({ version: 3 }), 'Accepted version 3 on 4 Dec 2026, signed'],
    [
      answer({ outcome: 'readToThem', version: 2 }),
      'Accepted version 2 on 4 Dec 2026, read to them by Sam Patel',
    ],
    [answer({ outcome: 'declined', version: 2 }), 'Declined version 2 on 4 Dec 2026, recorded by Sam Patel'],
    // 00:30 on 1 July in London is still 30 June in UTC: the home's own date is the one shown.
    [answer({ at: '2026-06-30T23:30:00.000Z' }), 'Accepted version 1 on 1 Jul 2026, signed'],
  ] as const)('%j', (given, expected) => {
    expect(protocolAnswerText(given, 'Sam Patel', 'Europe/London')).toBe(expected);
  });
});

describe('paragraphs from typed text', () => {
  it('splits at blank lines and keeps single line breaks inside a paragraph', () => {
    expect(paragraphsFromText('  Sign in at the door.\nShow ID.\n\n\n  Visits end by 8pm.  \n \n')).toEqual([
      'Sign in at the door.\nShow ID.',
      'Visits end by 8pm.',
    ]);
  });
});
