import { describe, expect, it } from 'vitest';
import {
  applyHandover,
  checkHandover,
  colleaguesFor,
  handoverProblemText,
  holdingsOf,
  suggestedHandover,
  type HandoverItem,
  type HandoverRecords,
} from '../../../../shared/rules/handover';
import { handoverChoiceSchema, type HandoverChoice } from '../../../../shared/schemas/handover';
import type { StaffMember } from '../../../../shared/schemas/staff';
import { buildContactForm, buildPanGroup, buildStaffMember, buildYoungPerson } from '../../../factories';

// Grace is leaving: PT for Millie and Jay, CC for Ava, in Millie's PAN group, owes Millie's form,
// and has an action on a draft Sam is writing for Jay.
const manager = buildStaffMember({ name: 'Priya Raman', roles: ['registeredManager'] });
const grace = buildStaffMember({ name: 'Grace Okafor', roles: ['personalTutor', 'caseCoordinator'] });
const sam = buildStaffMember({ name: 'Sam Patel', roles: ['personalTutor'] });
const ola = buildStaffMember({ name: 'Ola Adams', roles: ['personalTutor', 'caseCoordinator'] });
const tom = buildStaffMember({ name: 'Tom Hughes', roles: ['careStaff'] });
const gone = buildStaffMember({ name: 'Lee Former', roles: ['personalTutor'], isActive: false });
const staff = [manager, grace, sam, ola, tom, gone];

const millie = buildYoungPerson({ preferredName: 'Millie', personalTutorId: grace.id });
const jay = buildYoungPerson({ firstName: 'Jay', preferredName: '', personalTutorId: grace.id });
const ava = buildYoungPerson({
  firstName: 'Ava',
  preferredName: '',
  personalTutorId: ola.id,
  caseCoordinatorId: grace.id,
});
const noah = buildYoungPerson({ firstName: 'Noah', preferredName: '', personalTutorId: sam.id });
const milliesGroup = buildPanGroup({
  youngPersonId: millie.id,
  members: [
    { id: crypto.randomUUID(), kind: 'staff', staffId: grace.id, topics: ['formFiled'] },
    {
      id: crypto.randomUUID(),
      kind: 'outside',
      name: 'Sam Social',
      role: 'Social worker',
      email: 'sam.social@council.example',
      topics: ['safeguardingConcern'],
    },
  ],
});
const graceOwes = buildContactForm({
  youngPersonId: millie.id,
  authorId: grace.id,
  staffIds: [grace.id],
  status: 'draft',
  filedAt: undefined,
});
const samsDraft = buildContactForm({
  youngPersonId: jay.id,
  authorId: sam.id,
  status: 'draft',
  filedAt: undefined,
  actions: [
    { action: 'Ring Mum about the weekend', ownerStaffId: sam.id, ownerName: '' },
    { action: 'Book the learning consultation', ownerStaffId: grace.id, ownerName: '' },
  ],
});
const records: HandoverRecords = {
  youngPeople: [millie, jay, ava, noah],
  panGroups: [milliesGroup],
  draftForms: [graceOwes, samsDraft],
};

const keyOf = (items: readonly HandoverItem[], matches: (item: HandoverItem) => boolean) => {
  const item = items.find(matches);
  if (!item) throw new Error('no such item');
  return item.key;
};

function choose(assignments: Record<string, string>): HandoverChoice {
  return handoverChoiceSchema.parse({
    leaverId: grace.id,
    assignments: Object.entries(assignments).map(([itemKey, toStaffId]) => ({ itemKey, toStaffId })),
  });
}

describe('what a leaver holds', () => {
  it('lists each young person by role, PAN places, forms owed and actions on drafts', () => {
    const items = holdingsOf(grace.id, records);
    expect(items.map((item) => [item.kind, item.youngPersonId])).toEqual([
      ['youngPerson', millie.id],
      ['youngPerson', jay.id],
      ['youngPerson', ava.id],
      ['panPlace', millie.id],
      ['owedForm', millie.id],
      ['formAction', jay.id],
    ]);
    expect(items.filter((item) => item.kind === 'youngPerson').map((item) => item.role)).toEqual([
      'personalTutor',
      'personalTutor',
      'caseCoordinator',
    ]);
  });

  it('leaves out filed forms: a signed record does not change', () => {
    const filed = buildContactForm({
      authorId: grace.id,
      actions: [{ action: 'Write to Dad', ownerStaffId: grace.id, ownerName: '' }],
    });
    expect(holdingsOf(grace.id, { youngPeople: [], panGroups: [], draftForms: [filed] })).toEqual([]);
  });

  it('finds nothing for someone who holds nothing', () => {
    expect(holdingsOf(tom.id, records)).toEqual([]);
  });
});

describe('who may take an item over', () => {
  const items = holdingsOf(grace.id, records);
  it.each<[string, (item: HandoverItem) => boolean, StaffMember[]]>([
    [
      'a PT post goes to active Personal Tutors other than the leaver',
      (item) => item.kind === 'youngPerson' && item.role === 'personalTutor',
      [sam, ola],
    ],
    [
      'a CC post goes to active Case Co-ordinators',
      (item) => item.kind === 'youngPerson' && item.role === 'caseCoordinator',
      [ola],
    ],
    [
      'a PAN place goes to any active colleague',
      (item) => item.kind === 'panPlace',
      [manager, sam, ola, tom],
    ],
    [
      'an owed form goes to anyone who files forms',
      (item) => item.kind === 'owedForm',
      [manager, sam, ola, tom],
    ],
  ])('%s', (_, matches, expected) => {
    const item = items.find(matches);
    if (!item) throw new Error('no such item');
    expect(colleaguesFor(item, staff, grace.id).map((member) => member.name)).toEqual(
      expected.map((member) => member.name),
    );
  });
});

describe('checking a handover', () => {
  const items = holdingsOf(grace.id, records);
  const everything = (to: (item: HandoverItem) => string) =>
    choose(Object.fromEntries(items.map((item) => [item.key, to(item)])));

  it('accepts every item going to a colleague who may hold it', () => {
    const verdict = checkHandover(
      grace,
      staff,
      items,
      everything((item) =>
        item.kind === 'youngPerson' && item.role === 'caseCoordinator' ? ola.id : sam.id,
      ),
    );
    expect(verdict.kind).toBe('ok');
  });

  it('refuses when something is left without a colleague, naming it', () => {
    const withoutForm = everything((item) =>
      item.kind === 'youngPerson' && item.role === 'caseCoordinator' ? ola.id : sam.id,
    );
    const formKey = keyOf(items, (item) => item.kind === 'owedForm');
    const verdict = checkHandover(grace, staff, items, {
      ...withoutForm,
      assignments: withoutForm.assignments.filter((assignment) => assignment.itemKey !== formKey),
    });
    expect(verdict.kind === 'refused' ? verdict.problems.map((problem) => problem.code) : []).toEqual([
      'unassigned',
    ]);
    if (verdict.kind !== 'refused' || !verdict.problems[0]) throw new Error('expected a refusal');
    expect(
      handoverProblemText(verdict.problems[0], 'Grace Okafor', (id) =>
        id === millie.id ? 'Millie Hughes' : '?',
      ),
    ).toBe(`Choose a colleague for contact form ${graceOwes.reference} for Millie Hughes.`);
  });

  it.each<[string, string]>([
    ['a care worker as PT', tom.id],
    ['a switched-off colleague', gone.id],
    ['the leaver themselves', grace.id],
    ['someone with no account', crypto.randomUUID()],
  ])('refuses %s', (_, toStaffId) => {
    const ptKey = keyOf(items, (item) => item.kind === 'youngPerson' && item.youngPersonId === millie.id);
    const choice = everything((item) =>
      item.key === ptKey
        ? toStaffId
        : item.kind === 'youngPerson' && item.role === 'caseCoordinator'
          ? ola.id
          : sam.id,
    );
    const verdict = checkHandover(grace, staff, items, choice);
    expect(verdict.kind === 'refused' ? verdict.problems : []).toEqual([
      expect.objectContaining({ code: 'not-eligible', toStaffId }),
    ]);
  });

  it('refuses to switch off the last active manager, and accepts when another is active', () => {
    const onlyManager = buildStaffMember({ roles: ['registeredManager'] });
    const otherOff = buildStaffMember({ roles: ['registeredManager'], isActive: false });
    const refused = checkHandover(onlyManager, [onlyManager, otherOff, sam], [], {
      leaverId: onlyManager.id,
      assignments: [],
    });
    expect(refused.kind === 'refused' ? refused.problems : []).toEqual([{ code: 'last-manager' }]);
    const accepted = checkHandover(onlyManager, [onlyManager, manager], [], {
      leaverId: onlyManager.id,
      assignments: [],
    });
    expect(accepted.kind).toBe('ok');
  });

  it('refuses an account already switched off', () => {
    const verdict = checkHandover(gone, staff, [], { leaverId: gone.id, assignments: [] });
    expect(verdict.kind === 'refused' ? verdict.problems : []).toEqual([{ code: 'already-off' }]);
  });

  it('the choice names each item once', () => {
    const key = items[0]?.key ?? '';
    const parsed = handoverChoiceSchema.safeParse({
      leaverId: grace.id,
      assignments: [
        { itemKey: key, toStaffId: sam.id },
        { itemKey: key, toStaffId: ola.id },
      ],
    });
    expect(parsed.success).toBe(false);
  });
});

describe('the first suggestion', () => {
  it('gives PT posts to the least busy tutor, and a young person’s other items follow their new PT', () => {
    const items = holdingsOf(grace.id, records);
    const suggested = suggestedHandover(grace.id, staff, records, items);
    const to = (matches: (item: HandoverItem) => boolean) => suggested.get(keyOf(items, matches));
    // Ola is Ava's PT and Sam is Noah's: one each, so by name Ola first, then Sam (now fewer).
    expect(to((item) => item.kind === 'youngPerson' && item.youngPersonId === millie.id)).toBe(ola.id);
    expect(to((item) => item.kind === 'youngPerson' && item.youngPersonId === jay.id)).toBe(sam.id);
    expect(to((item) => item.kind === 'youngPerson' && item.role === 'caseCoordinator')).toBe(ola.id);
    expect(to((item) => item.kind === 'panPlace')).toBe(ola.id);
    expect(to((item) => item.kind === 'owedForm')).toBe(ola.id);
    expect(to((item) => item.kind === 'formAction')).toBe(sam.id);
  });

  it('suggests nobody when no colleague holds the role', () => {
    const items = holdingsOf(grace.id, records);
    const suggested = suggestedHandover(grace.id, [manager, grace, tom], records, items);
    expect(suggested.get(keyOf(items, (item) => item.kind === 'youngPerson'))).toBeUndefined();
  });
});

describe('applying a handover', () => {
  const items = holdingsOf(grace.id, records);
  const assignments = new Map(
    items.map((item) => [
      item.key,
      item.kind === 'youngPerson' && item.role === 'caseCoordinator'
        ? ola.id
        : item.kind === 'panPlace'
          ? ola.id
          : sam.id,
    ]),
  );

  it('changes each post, place, form and action, and nothing else', () => {
    const changes = applyHandover(records, items, assignments);
    expect(
      changes.youngPeople.map(({ record }) => [record.id, record.personalTutorId, record.caseCoordinatorId]),
    ).toEqual([
      [millie.id, sam.id, undefined],
      [jay.id, sam.id, undefined],
      [ava.id, ola.id, ola.id],
    ]);
    const group = changes.panGroups[0]?.record;
    expect(group?.members.map((member) => (member.kind === 'staff' ? member.staffId : member.name))).toEqual([
      ola.id,
      'Sam Social',
    ]);
    const forms = new Map(changes.forms.map(({ record }) => [record.id, record]));
    expect(forms.get(graceOwes.id)?.authorId).toBe(sam.id);
    // Grace took part in the contact: that stays true.
    expect(forms.get(graceOwes.id)?.staffIds).toEqual([grace.id]);
    expect(forms.get(samsDraft.id)?.authorId).toBe(sam.id);
    expect(forms.get(samsDraft.id)?.actions.map((action) => action.ownerStaffId)).toEqual([sam.id, sam.id]);
  });

  it('joins a PAN place to the colleague’s own row when they are already in the group', () => {
    const group = buildPanGroup({
      youngPersonId: millie.id,
      members: [
        { id: crypto.randomUUID(), kind: 'staff', staffId: grace.id, topics: ['formFiled', 'formOverdue'] },
        { id: crypto.randomUUID(), kind: 'staff', staffId: ola.id, topics: ['safeguardingConcern'] },
      ],
    });
    const withGroup = { ...records, panGroups: [group] };
    const placeItems = holdingsOf(grace.id, withGroup).filter((item) => item.kind === 'panPlace');
    const changes = applyHandover(
      withGroup,
      placeItems,
      new Map(placeItems.map((item) => [item.key, ola.id])),
    );
    expect(changes.panGroups[0]?.record.members).toEqual([
      expect.objectContaining({
        staffId: ola.id,
        topics: ['safeguardingConcern', 'formFiled', 'formOverdue'],
      }),
    ]);
  });
});

describe('a handover choice', () => {
  it('names the second row that hands over the same thing again', () => {
    const itemKey = `young-person:${crypto.randomUUID()}:personalTutor`;
    const result = handoverChoiceSchema.safeParse({
      leaverId: grace.id,
      assignments: [
        { itemKey, toStaffId: sam.id },
        { itemKey, toStaffId: manager.id },
      ],
    });
    expect(
      result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
    ).toEqual([['assignments.1.itemKey', 'Each thing they hold goes to one colleague.']]);
  });
});
