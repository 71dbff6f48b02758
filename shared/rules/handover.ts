import type { ContactForm } from '../schemas/contact-forms';
import type { HandoverChoice } from '../schemas/handover';
import type { PanGroup } from '../schemas/pan';
import type { YoungPerson } from '../schemas/people';
import { staffRoleLabels, type StaffMember } from '../schemas/staff';
import { can } from './access';
import { unreachable } from '../unreachable';

/**
 * Handing over a leaver's work when their account is switched off (seed 000: work is not left
 * hanging when someone leaves; DESIGN: the PT drives each young person's contact and keeps their
 * PAN group, the CC reviews it, the Learning Mentor keeps the learning minimums).
 *
 * What a person holds: each young person they are PT, CC or Learning Mentor for (one item a
 * role), each PAN group they are a member of, each contact form they still owe (a draft, by its
 * young person), and each action on a draft form that is theirs to do. Actions on filed forms are
 * part of a signed record and do not change (DESIGN: filed forms are immutable).
 */

export const youngPersonRoles = ['personalTutor', 'caseCoordinator', 'learningMentor'] as const;
export type YoungPersonRole = (typeof youngPersonRoles)[number];

const roleField = {
  personalTutor: 'personalTutorId',
  caseCoordinator: 'caseCoordinatorId',
  learningMentor: 'learningMentorId',
} as const satisfies Record<YoungPersonRole, keyof YoungPerson>;

export type HandoverItem =
  | {
      readonly kind: 'youngPerson';
      readonly key: string;
      readonly youngPersonId: string;
      readonly role: YoungPersonRole;
    }
  | {
      readonly kind: 'panPlace';
      readonly key: string;
      readonly youngPersonId: string;
      readonly groupId: string;
      readonly memberId: string;
    }
  | {
      readonly kind: 'owedForm';
      readonly key: string;
      readonly youngPersonId: string;
      readonly formId: string;
      readonly reference: string;
      readonly dueAt: string;
    }
  | {
      readonly kind: 'formAction';
      readonly key: string;
      readonly youngPersonId: string;
      readonly formId: string;
      readonly reference: string;
      readonly actionIndex: number;
      readonly action: string;
    };

/** The records a handover reads and changes: young people, PAN groups, and contact forms not yet filed. */
export type HandoverRecords = {
  readonly youngPeople: readonly YoungPerson[];
  readonly panGroups: readonly PanGroup[];
  readonly draftForms: readonly ContactForm[];
};

/** Everything `leaverId` holds, young person by young person in the order given. */
export function holdingsOf(leaverId: string, records: HandoverRecords): HandoverItem[] {
  const items: HandoverItem[] = [];
  for (const youngPerson of records.youngPeople)
    for (const role of youngPersonRoles)
      if (youngPerson[roleField[role]] === leaverId)
        items.push({
          kind: 'youngPerson',
          key: `young-person:${youngPerson.id}:${role}`,
          youngPersonId: youngPerson.id,
          role,
        });
  for (const group of records.panGroups)
    for (const member of group.members)
      if (member.kind === 'staff' && member.staffId === leaverId)
        items.push({
          kind: 'panPlace',
          key: `pan-place:${group.id}:${member.id}`,
          youngPersonId: group.youngPersonId,
          groupId: group.id,
          memberId: member.id,
        });
  for (const form of records.draftForms) {
    if (form.status !== 'draft') continue;
    if (form.authorId === leaverId)
      items.push({
        kind: 'owedForm',
        key: `owed-form:${form.id}`,
        youngPersonId: form.youngPersonId,
        formId: form.id,
        reference: form.reference,
        dueAt: form.dueAt,
      });
    form.actions.forEach((action, actionIndex) => {
      if (action.ownerStaffId === leaverId)
        items.push({
          kind: 'formAction',
          key: `form-action:${form.id}:${actionIndex}`,
          youngPersonId: form.youngPersonId,
          formId: form.id,
          reference: form.reference,
          actionIndex,
          action: action.action,
        });
    });
  }
  return items;
}

/**
 * Whether `colleague` may take `item` over from `leaverId`: an active account other than the
 * leaver's, holding the role for a PT, CC or Learning Mentor post, and able to file contact forms
 * for a form still owed.
 */
export function mayTakeOver(item: HandoverItem, colleague: StaffMember, leaverId: string): boolean {
  if (!colleague.isActive || colleague.id === leaverId) return false;
  switch (item.kind) {
    case 'youngPerson':
      return colleague.roles.includes(item.role);
    case 'owedForm':
      return can(colleague.roles, 'contact-form:file');
    case 'panPlace':
    case 'formAction':
      return true;
    default:
      return unreachable(item, 'handover item');
  }
}

/** The colleagues who may take `item` over, in the order given. */
export function colleaguesFor(
  item: HandoverItem,
  staff: readonly StaffMember[],
  leaverId: string,
): StaffMember[] {
  return staff.filter((colleague) => mayTakeOver(item, colleague, leaverId));
}

/**
 * A first suggestion for each item, for the manager to change: a PT, CC or mentor post goes to
 * the colleague in that role with the fewest young people in it now; a young person's PAN place,
 * owed form and actions follow whoever takes over the leaver's post for them (PT first), else go
 * to the young person's PT. Items with nobody to suggest are left out.
 */
export function suggestedHandover(
  leaverId: string,
  staff: readonly StaffMember[],
  records: HandoverRecords,
  items: readonly HandoverItem[],
): Map<string, string> {
  const load = new Map<string, number>();
  for (const youngPerson of records.youngPeople)
    for (const role of youngPersonRoles) {
      const holder = youngPerson[roleField[role]];
      if (holder) load.set(`${role}:${holder}`, (load.get(`${role}:${holder}`) ?? 0) + 1);
    }
  const suggestion = new Map<string, string>();
  const successorFor = new Map<string, string>();
  for (const item of items) {
    if (item.kind !== 'youngPerson') continue;
    const [least] = colleaguesFor(item, staff, leaverId).sort(
      (a, b) =>
        (load.get(`${item.role}:${a.id}`) ?? 0) - (load.get(`${item.role}:${b.id}`) ?? 0) ||
        a.name.localeCompare(b.name, 'en-GB'),
    );
    if (!least) continue;
    suggestion.set(item.key, least.id);
    load.set(`${item.role}:${least.id}`, (load.get(`${item.role}:${least.id}`) ?? 0) + 1);
    if (!successorFor.has(item.youngPersonId)) successorFor.set(item.youngPersonId, least.id);
  }
  const byId = new Map(staff.map((member) => [member.id, member]));
  for (const item of items) {
    if (item.kind === 'youngPerson') continue;
    const currentPt = records.youngPeople.find(
      (youngPerson) => youngPerson.id === item.youngPersonId,
    )?.personalTutorId;
    const candidate = [successorFor.get(item.youngPersonId), currentPt]
      .map((id) => (id ? byId.get(id) : undefined))
      .find((colleague) => colleague !== undefined && mayTakeOver(item, colleague, leaverId));
    if (candidate) suggestion.set(item.key, candidate.id);
  }
  return suggestion;
}

export type HandoverProblem =
  | { readonly code: 'already-off' }
  | { readonly code: 'last-manager' }
  | { readonly code: 'unassigned'; readonly item: HandoverItem }
  | { readonly code: 'not-eligible'; readonly item: HandoverItem; readonly toStaffId: string };

export type HandoverVerdict =
  | { readonly kind: 'ok'; readonly assignments: ReadonlyMap<string, string> }
  | { readonly kind: 'refused'; readonly problems: readonly HandoverProblem[] };

/**
 * Checks a manager's choice against what the leaver holds now: every item goes to a colleague who
 * may take it over, and the home keeps an active Registered Manager. Assignments for items the
 * leaver no longer holds are dropped: there is nothing left to hand over.
 */
export function checkHandover(
  leaver: StaffMember,
  staff: readonly StaffMember[],
  items: readonly HandoverItem[],
  choice: HandoverChoice,
): HandoverVerdict {
  const problems: HandoverProblem[] = [];
  if (!leaver.isActive) problems.push({ code: 'already-off' });
  const otherManagers = staff.filter(
    (member) => member.id !== leaver.id && member.isActive && member.roles.includes('registeredManager'),
  );
  if (leaver.roles.includes('registeredManager') && otherManagers.length === 0)
    problems.push({ code: 'last-manager' });
  const chosen = new Map(choice.assignments.map((assignment) => [assignment.itemKey, assignment.toStaffId]));
  const byId = new Map(staff.map((member) => [member.id, member]));
  const assignments = new Map<string, string>();
  for (const item of items) {
    const toStaffId = chosen.get(item.key);
    if (!toStaffId) {
      problems.push({ code: 'unassigned', item });
      continue;
    }
    const colleague = byId.get(toStaffId);
    if (!colleague || !mayTakeOver(item, colleague, leaver.id)) {
      problems.push({ code: 'not-eligible', item, toStaffId });
      continue;
    }
    assignments.set(item.key, toStaffId);
  }
  return problems.length > 0 ? { kind: 'refused', problems } : { kind: 'ok', assignments };
}

/** Plain words for the role a young person's item is about ("Personal Tutor"). */
export function youngPersonRoleLabel(role: YoungPersonRole): string {
  return staffRoleLabels[role];
}

/** Names a problem for the manager; `youngPersonName` names the young person an item is about. */
export function handoverProblemText(
  problem: HandoverProblem,
  leaverName: string,
  youngPersonName: (id: string) => string,
): string {
  switch (problem.code) {
    case 'already-off':
      return `${leaverName}’s account is already switched off.`;
    case 'last-manager':
      return `${leaverName} is the home’s only active Registered Manager. Give another account the manager role first.`;
    case 'unassigned':
      return `Choose a colleague for ${handoverItemText(problem.item, youngPersonName)}.`;
    case 'not-eligible':
      return `The colleague chosen cannot take ${handoverItemText(problem.item, youngPersonName)}. Choose another.`;
    default:
      return unreachable(problem, 'handover problem');
  }
}

/** What an item is, in words: "Millie Hughes as Personal Tutor", "contact form CF-… for Millie Hughes". */
export function handoverItemText(item: HandoverItem, youngPersonName: (id: string) => string): string {
  const name = youngPersonName(item.youngPersonId);
  switch (item.kind) {
    case 'youngPerson':
      return `${name} as ${youngPersonRoleLabel(item.role)}`;
    case 'panPlace':
      return `the place in ${name}’s PAN group`;
    case 'owedForm':
      return `contact form ${item.reference} for ${name}`;
    case 'formAction':
      return `an action on contact form ${item.reference} for ${name}`;
    default:
      return unreachable(item, 'handover item');
  }
}

/** One record changed by a handover, and which items changed it. */
export type HandedOver<Record> = { readonly record: Record; readonly items: readonly HandoverItem[] };

export type HandoverChanges = {
  readonly youngPeople: readonly HandedOver<YoungPerson>[];
  readonly panGroups: readonly HandedOver<PanGroup>[];
  readonly forms: readonly HandedOver<ContactForm>[];
};

/**
 * The records as they are after a checked handover. A PAN place given to a colleague who is
 * already in that group joins their row (told about everything either was told about) rather
 * than making a second row for the same person. Times and who made the change are the caller's.
 */
export function applyHandover(
  records: HandoverRecords,
  items: readonly HandoverItem[],
  assignments: ReadonlyMap<string, string>,
): HandoverChanges {
  const to = (item: HandoverItem) => {
    const colleague = assignments.get(item.key);
    if (!colleague) throw new Error(`No colleague chosen for ${item.key}: check the handover first`);
    return colleague;
  };
  const ofKind = <Kind extends HandoverItem['kind']>(kind: Kind) =>
    items.filter((item): item is Extract<HandoverItem, { kind: Kind }> => item.kind === kind);
  const roleItems = ofKind('youngPerson');
  const placeItems = ofKind('panPlace');
  const owedItems = ofKind('owedForm');
  const actionItems = ofKind('formAction');

  const youngPeople = records.youngPeople.flatMap((youngPerson) => {
    const mine = roleItems.filter((item) => item.youngPersonId === youngPerson.id);
    if (mine.length === 0) return [];
    const record = { ...youngPerson };
    for (const item of mine) record[roleField[item.role]] = to(item);
    return [{ record, items: mine }];
  });

  const panGroups = records.panGroups.flatMap((group) => {
    const mine = placeItems.filter((item) => item.groupId === group.id);
    if (mine.length === 0) return [];
    let members = [...group.members];
    for (const item of mine) {
      const colleague = to(item);
      const place = members.find((member) => member.id === item.memberId);
      if (!place || place.kind !== 'staff') continue;
      const already = members.find((member) => member.kind === 'staff' && member.staffId === colleague);
      members = already
        ? members
            .filter((member) => member.id !== place.id)
            .map((member) =>
              member.id === already.id
                ? { ...already, topics: [...new Set([...already.topics, ...place.topics])] }
                : member,
            )
        : members.map((member) => (member.id === place.id ? { ...place, staffId: colleague } : member));
    }
    return [{ record: { ...group, members }, items: mine }];
  });

  const forms = records.draftForms.flatMap((form) => {
    const owed = owedItems.filter((item) => item.formId === form.id);
    const actions = actionItems.filter((item) => item.formId === form.id);
    if (owed.length === 0 && actions.length === 0) return [];
    const [owedItem] = owed;
    const record: ContactForm = {
      ...form,
      ...(owedItem ? { authorId: to(owedItem) } : {}),
      actions: form.actions.map((action, index) => {
        const item = actions.find((candidate) => candidate.actionIndex === index);
        return item ? { ...action, ownerStaffId: to(item) } : action;
      }),
    };
    return [{ record, items: [...owed, ...actions] }];
  });

  return { youngPeople, panGroups, forms };
}
