import { describe, expect, it } from 'vitest';
import {
  actionsToRaise,
  actionsToTrack,
  formActionReference,
  formActionStatus,
  formReferenceInAlert,
  mayMarkActionDone,
  overdueActionRecipients,
  type ActionAlertAccount,
} from '@shared/rules/form-actions';
import { overdueActionAlertText } from '@shared/rules/alert-text';

const london = 'Europe/London';

describe('an agreed action is due by a date on the home’s clock', () => {
  it.each([
    // [what, now (UTC), dueOn, expected]
    ['the day before', '2026-12-02T12:00:00.000Z', '2026-12-03', { kind: 'due', daysLeft: 1 }],
    ['the morning it is due', '2026-12-03T08:00:00.000Z', '2026-12-03', { kind: 'due', daysLeft: 0 }],
    [
      'the last minute of the day it is due',
      '2026-12-03T23:59:00.000Z',
      '2026-12-03',
      { kind: 'due', daysLeft: 0 },
    ],
    ['the first minute after', '2026-12-04T00:00:00.000Z', '2026-12-03', { kind: 'overdue', daysLate: 1 }],
    // In British Summer Time the home's day starts at 23:00 UTC the evening before.
    [
      'just after midnight in summer (still the day before in UTC)',
      '2026-06-10T23:30:00.000Z',
      '2026-06-10',
      { kind: 'overdue', daysLate: 1 },
    ],
    [
      'just before midnight in summer',
      '2026-06-10T22:30:00.000Z',
      '2026-06-10',
      { kind: 'due', daysLeft: 0 },
    ],
    [
      'a week late, across the October clock change',
      '2026-10-28T12:00:00.000Z',
      '2026-10-21',
      { kind: 'overdue', daysLate: 7 },
    ],
  ] as const)('%s', (_what, now, dueOn, expected) => {
    expect(formActionStatus({ status: 'open', dueOn }, now, london)).toMatchObject(expected);
  });

  it('an action with no date is open and never overdue; a done one is done whatever its date', () => {
    expect(formActionStatus({ status: 'open' }, '2030-01-01T00:00:00.000Z', london)).toEqual({
      kind: 'noDate',
    });
    expect(
      formActionStatus(
        { status: 'done', dueOn: '2026-01-01', doneAt: '2026-02-01T10:00:00.000Z' },
        '2026-12-01T00:00:00.000Z',
        london,
      ),
    ).toEqual({ kind: 'done', doneAt: '2026-02-01T10:00:00.000Z' });
  });
});

describe('which overdue actions are raised', () => {
  const now = '2026-12-04T09:00:00.000Z';
  const actions = [
    { name: 'overdue, never raised', status: 'open', dueOn: '2026-12-03' },
    {
      name: 'overdue, raised yesterday',
      status: 'open',
      dueOn: '2026-12-01',
      overdueRaisedAt: '2026-12-03T09:00:00.000Z',
    },
    { name: 'due today', status: 'open', dueOn: '2026-12-04' },
    { name: 'no date', status: 'open' },
    {
      name: 'done late, before anyone noticed',
      status: 'done',
      dueOn: '2026-11-01',
      doneAt: '2026-11-05T10:00:00.000Z',
    },
  ] as const;

  it('only those newly overdue: each is raised once, and never one done or not yet due', () => {
    expect(actionsToRaise(actions, now, london).map((action) => action.name)).toEqual([
      'overdue, never raised',
    ]);
  });

  it('is the home’s day, not UTC’s: at 00:30 BST the day before is already past', () => {
    const summer = [{ status: 'open', dueOn: '2026-07-01' }] as const;
    expect(actionsToRaise(summer, '2026-07-01T23:30:00.000Z', london)).toHaveLength(1);
    expect(actionsToRaise(summer, '2026-07-01T22:59:00.000Z', london)).toHaveLength(0);
  });
});

describe('who is told an action is overdue', () => {
  const account = (id: string, overrides: Partial<ActionAlertAccount> = {}): ActionAlertAccount => ({
    id,
    name: `Person ${id}`,
    email: `${id}@home.example`,
    isActive: true,
    roleLabel: 'Personal Tutor',
    ...overrides,
  });
  const staff = new Map(
    [account('owner'), account('cc'), account('pt'), account('gone', { isActive: false })].map((member) => [
      member.id,
      member,
    ]),
  );

  it.each([
    [
      'the owner and the CC',
      'owner',
      'cc',
      'pt',
      [
        ['owner', 'owner'],
        ['cc', 'caseCoordinator'],
      ],
    ],
    ['the owner once when they are the CC too', 'cc', 'cc', 'pt', [['cc', 'owner']]],
    [
      'the CC alone when the action went to someone outside the home',
      undefined,
      'cc',
      'pt',
      [['cc', 'caseCoordinator']],
    ],
    ['the owner alone when the young person has no CC', 'owner', undefined, 'pt', [['owner', 'owner']]],
    ['the PT when neither can be told', undefined, 'gone', 'pt', [['pt', 'personalTutor']]],
    ['nobody switched off', 'gone', undefined, undefined, []],
  ] as const)('%s', (_what, ownerStaffId, caseCoordinatorId, personalTutorId, expected) => {
    const told = overdueActionRecipients({ ownerStaffId, caseCoordinatorId, personalTutorId, staff });
    expect(told.map((recipient) => [recipient.id, recipient.because])).toEqual(expected);
  });

  it('the words carry initials and the reference, never what the action says', () => {
    const text = overdueActionAlertText({
      initials: 'M.H.',
      reference: 'CF-2026-0042 action 2',
      dueOnText: '3 Dec 2026',
      because: 'caseCoordinator',
    });
    expect(text.subject).toBe('Family Links: an agreed action is overdue for M.H. (CF-2026-0042 action 2)');
    expect(text.body).toContain('due by 3 Dec 2026');
    expect(text.body).toContain('Case Co-ordinator');
  });
});

describe('an overdue action’s reference', () => {
  it('is its form’s and its number, and the form’s is found in it again to link to', () => {
    const reference = formActionReference({ formReference: 'CF-2026-Q39CYE-A1', number: 12 });
    expect(reference).toBe('CF-2026-Q39CYE-A1 action 12');
    expect(formReferenceInAlert(reference)).toBe('CF-2026-Q39CYE-A1');
    expect(formReferenceInAlert('CF-2026-Q39CYE')).toBe('CF-2026-Q39CYE');
  });
});

describe('which of a filed form’s actions are tracked', () => {
  const agreed = (action: string, overrides: Record<string, string> = {}) => ({
    action,
    ownerName: '',
    ...overrides,
  });

  it('every action on a form, numbered as on the form', () => {
    const form = { actions: [agreed('Ring Mum'), agreed('Send photos', { dueOn: '2026-12-10' })] };
    expect(actionsToTrack(form, []).map((item) => [item.number, item.agreed.action])).toEqual([
      [1, 'Ring Mum'],
      [2, 'Send photos'],
    ]);
  });

  it('on an addendum, only what is new or changed: a repeated action is already tracked', () => {
    const earlier = [{ action: 'Ring Mum', ownerName: '', ownerStaffId: undefined, dueOn: undefined }];
    const addendum = {
      amendsFormId: crypto.randomUUID(),
      actions: [agreed('Ring Mum '), agreed('Ring Mum', { dueOn: '2026-12-10' }), agreed('Book the room')],
    };
    expect(actionsToTrack(addendum, earlier).map((item) => item.number)).toEqual([2, 3]);
  });
});

describe('who may mark an action done', () => {
  it.each([
    ['the owner', 'me', ['careStaff'], 'me', 'cc', true],
    ['the young person’s CC', 'cc', ['caseCoordinator'], 'owner', 'cc', true],
    ['another CC', 'cc2', ['caseCoordinator'], 'owner', 'cc', false],
    ['the manager', 'boss', ['registeredManager'], 'owner', 'cc', true],
    ['a colleague', 'other', ['personalTutor'], 'owner', 'cc', false],
  ] as const)('%s', (_who, staffId, roles, ownerStaffId, caseCoordinatorId, expected) => {
    expect(mayMarkActionDone({ staffId, roles }, { ownerStaffId }, caseCoordinatorId)).toBe(expected);
  });
});
