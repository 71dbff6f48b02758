import { describe, expect, it } from 'vitest';
import { panRecipients, panTopicOf, type PanStaffAccount } from '../../../../shared/rules/pan-recipients';
import { panEvents, type PanEvent, type PanGroup, type PanTopic } from '../../../../shared/schemas/pan';

const tutor: PanStaffAccount = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Tom Tutor',
  email: 'tom@home.example',
  isActive: true,
  roleLabel: 'Personal Tutor',
};
const coordinator: PanStaffAccount = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Cara Co',
  email: 'cara@home.example',
  isActive: true,
  roleLabel: 'Case Co-ordinator',
};
const leaver: PanStaffAccount = {
  id: '00000000-0000-4000-8000-000000000003',
  name: 'Lee Left',
  email: 'lee@home.example',
  isActive: false,
  roleLabel: 'Learning Mentor',
};
const manager: PanStaffAccount = {
  id: '00000000-0000-4000-8000-000000000004',
  name: 'Mo Manager',
  email: 'mo@home.example',
  isActive: true,
  roleLabel: 'Registered Manager',
  isRegisteredManager: true,
};
const formerManager: PanStaffAccount = {
  id: '00000000-0000-4000-8000-000000000005',
  name: 'Fay Former',
  email: 'fay@home.example',
  isActive: false,
  roleLabel: 'Registered Manager',
  isRegisteredManager: true,
};
const staff = new Map(
  [tutor, coordinator, leaver, manager, formerManager].map((account) => [account.id, account]),
);

const member = (
  id: number,
  topics: PanTopic[],
  who: Partial<{ staffId: string; email: string; name: string }>,
): PanGroup['members'][number] =>
  who.staffId
    ? { id: `10000000-0000-4000-8000-00000000000${id}`, kind: 'staff', staffId: who.staffId, topics }
    : {
        id: `10000000-0000-4000-8000-00000000000${id}`,
        kind: 'outside',
        name: who.name ?? 'Sam Social',
        role: 'Social worker',
        email: who.email ?? 'sam@council.example',
        topics,
      };

/** Who hears of `event` among the home's staff, from a PAN group of `members` (or no group yet). */
const outcomeOf = (
  event: PanEvent,
  members: PanGroup['members'] | undefined,
  personalTutorId: string | undefined,
) => panRecipients({ event, group: members && { members }, personalTutorId, staff });

const emails = (
  event: PanEvent,
  members: PanGroup['members'],
  personalTutorId: string | undefined = tutor.id,
) => outcomeOf(event, members, personalTutorId).recipients.map((recipient) => recipient.email);

describe('who hears about what in a PAN group', () => {
  it.each(panEvents.filter((event) => event !== 'visitorTurnedAway'))(
    'the Personal Tutor hears about every event (%s), even with nobody else in the group',
    (event) => {
      expect(emails(event, [])).toEqual(['tom@home.example']);
    },
  );

  it('the PT and the duty manager (each active Registered Manager) hear that a visitor was turned away', () => {
    const outcome = outcomeOf('visitorTurnedAway', undefined, tutor.id);
    expect(outcome.recipients.map(({ email, because }) => [email, because])).toEqual([
      ['tom@home.example', 'personalTutor'],
      ['mo@home.example', 'dutyManager'],
    ]);
  });

  it('tells a manager who is also the PT once', () => {
    expect(emails('visitorTurnedAway', [], manager.id)).toEqual(['mo@home.example']);
  });

  it('tells members who ticked it that a visitor was turned away, and not those who did not', () => {
    const members = [
      member(1, ['visitorTurnedAway'], { staffId: coordinator.id }),
      member(2, ['formFiled'], { email: 'sam@council.example' }),
    ];
    expect(emails('visitorTurnedAway', members)).toEqual([
      'tom@home.example',
      'mo@home.example',
      'cara@home.example',
    ]);
  });

  it.each([
    ['formFiled', 'formFiled', true],
    ['safeguardingConcern', 'safeguardingConcern', true],
    ['visitBooked', 'visitBookedOrCancelled', true],
    ['visitCancelled', 'visitBookedOrCancelled', true],
    ['restrictionAdded', 'restrictionChanged', true],
    ['restrictionChanged', 'restrictionChanged', true],
    ['restrictionEnded', 'restrictionChanged', true],
    ['formOverdue', 'formOverdue', true],
    ['formFiled', 'safeguardingConcern', false],
    ['visitBooked', 'formFiled', false],
    ['restrictionEnded', 'visitBookedOrCancelled', false],
  ] as const)(
    'a member who ticked only one choice: event %s, ticked %s, told = %s',
    (event, ticked, told) => {
      expect(emails(event, [member(1, [ticked], {})]).includes('sam@council.example')).toBe(told);
    },
  );

  it('covers every event with exactly one choice on the screen', () => {
    for (const event of panEvents) expect(typeof panTopicOf(event)).toBe('string');
  });

  it('reaches a staff member at their account’s email, and not at all once the account is switched off', () => {
    const outcome = outcomeOf(
      'formFiled',
      [
        member(1, ['formFiled'], { staffId: coordinator.id }),
        member(2, ['formFiled'], { staffId: leaver.id }),
      ],
      tutor.id,
    );
    expect(outcome.recipients.map((recipient) => recipient.email)).toEqual([
      'tom@home.example',
      'cara@home.example',
    ]);
    expect(outcome.skipped).toEqual([
      { memberId: '10000000-0000-4000-8000-000000000002', reason: 'inactive-account' },
    ]);
  });

  it('tells each address once, however many times it is listed (the PT listed as a member, an adult twice in another case)', () => {
    const members = [
      member(1, ['formFiled'], { staffId: tutor.id }),
      member(2, ['formFiled'], { email: 'SAM@council.example' }),
      member(3, ['formFiled'], { email: 'sam@council.example' }),
    ];
    expect(emails('formFiled', members)).toEqual(['tom@home.example', 'SAM@council.example']);
  });

  it('with no PT recorded, only members who asked are told, and the outcome says there is no PT', () => {
    const outcome = outcomeOf('formFiled', [member(1, ['formFiled'], {})], undefined);
    expect(outcome.hasNoPersonalTutor).toBe(true);
    expect(outcome.recipients.map((recipient) => recipient.because)).toEqual(['asked']);
  });

  it('a PT whose account is switched off is not told, and counts as no PT', () => {
    const outcome = outcomeOf('formFiled', undefined, leaver.id);
    expect(outcome.recipients).toEqual([]);
    expect(outcome.hasNoPersonalTutor).toBe(true);
  });
});
