import type { Restriction } from '../schemas/registers';
import { staffRoles, type StaffRole } from '../schemas/staff';

/**
 * Need to know (DESIGN.md rule 8): a care-staff session cannot read another person's declarations
 * or the authority and reference of a restriction.
 *
 * The matrix below is the policy: each permission lists the roles that hold it. A person with
 * several roles holds everything any of them holds. Repositories ask `can` before reading or
 * writing, refuse with their own words for the person, and strip what the person may not see
 * (`visibleRestriction`).
 */

export type Permission =
  | 'staff:manage'
  | 'settings:manage'
  | 'audit:view'
  | 'restriction:read-instruction'
  | 'restriction:read-authority'
  | 'restriction:record'
  | 'restriction:approve'
  | 'restriction:override'
  | 'declaration:read-all'
  | 'declaration:read-own'
  | 'declaration:record-own'
  | 'visitor-log:sign-in'
  | 'visitor-log:amend'
  | 'people:manage'
  | 'contact-plan:manage'
  | 'contact-plan:read-agreement'
  | 'contact-form:file'
  | 'contact-form:read-all'
  | 'my-young-people:view'
  | 'review:view-own-young-people'
  | 'review:view-all'
  | 'sample:monitor'
  | 'review:open'
  | 'visit:book'
  | 'visit:read-notes'
  | 'pan-group:manage'
  | 'outbox:view-all'
  | 'sync:settle'
  | 'sync:review-problems'
  | 'sync:computers';

const everyone = staffRoles;
const managerOnly = ['registeredManager'] as const;
/** Those whose work needs the legal basis of a restriction: they arrange and review contact. */
const contactLeads = ['personalTutor', 'caseCoordinator', 'registeredManager'] as const;

export const accessMatrix: Readonly<Record<Permission, readonly StaffRole[]>> = {
  // Accounts, settings and the audit log are the registered manager's.
  'staff:manage': managerOnly,
  'settings:manage': managerOnly,
  'audit:view': managerOnly,
  // At the door everyone must see that a restriction applies and what to do (rule 6 and 8) ...
  'restriction:read-instruction': everyone,
  // ... but only those who arrange contact see the authority, its reference and the description.
  'restriction:read-authority': contactLeads,
  'restriction:record': contactLeads,
  // Approving a restriction, and overriding one at the door, are the manager's alone (rule 6).
  'restriction:approve': managerOnly,
  'restriction:override': managerOnly,
  // Declarations (seeds 000-002): each person their own; the manager all.
  'declaration:read-all': managerOnly,
  'declaration:read-own': everyone,
  'declaration:record-own': everyone,
  'visitor-log:sign-in': everyone,
  // A correction to the register is an amendment with a reason; any member of staff on duty may
  // make one, because the person who admitted the visitor is the one who knows what was wrong.
  'visitor-log:amend': everyone,
  // Young people's and families' details are kept by those who lead contact.
  'people:manage': contactLeads,
  // The contact plan is kept by those who lead contact; everyone on shift reads what was agreed
  // (kind, how often, where, supervision), and only they read who agreed it and its history.
  'contact-plan:manage': contactLeads,
  'contact-plan:read-agreement': contactLeads,
  // After any contact, whoever took part files the form.
  'contact-form:file': everyone,
  // Everyone reads the forms they wrote or took part in; those who lead contact read them all.
  'contact-form:read-all': contactLeads,
  // Each member of staff a young person's record names (PT, CC, LM) sees what they owe the young
  // people they hold (seed 004 §5.2.1, §5.2.2); whom they hold is decided by the record itself.
  'my-young-people:view': ['personalTutor', 'caseCoordinator', 'learningMentor'],
  // Termly figures: the CC for their own young people; the manager across the home.
  'review:view-own-young-people': ['caseCoordinator'],
  'review:view-all': managerOnly,
  'sample:monitor': managerOnly,
  // Opening the termly review at all: whose figures are shown is `reviewScope`'s to decide.
  'review:open': ['caseCoordinator', 'registeredManager'],
  // Anyone on shift books and updates visits; a visit's notes are for those who lead contact and the staff on it.
  'visit:book': everyone,
  'visit:read-notes': contactLeads,
  // A young person's PAN group (its members' emails included) is kept by those who lead contact.
  'pan-group:manage': contactLeads,
  // Every alert in the outbox, and retrying or cancelling any of them; others see the ones they raised.
  'outbox:view-all': managerOnly,
  // Which version of a record changed on two computers at once is kept is the manager's decision
  // (docs/sync-design.md, "Conflicts"), as approving a restriction is.
  'sync:settle': managerOnly,
  // What the sync server altered, invented or withheld is reported to the manager (docs/sync-design.md,
  // "What the server cannot do unnoticed"), who answers for the records' integrity.
  'sync:review-problems': managerOnly,
  // Which computers hold the home's records is the manager's decision, as staff accounts are.
  'sync:computers': managerOnly,
};

export function can(roles: readonly StaffRole[], permission: Permission): boolean {
  return accessMatrix[permission].some((role) => roles.includes(role));
}

/** Always visible: enough to act on at the door ("restricted: supervised only, speak to the duty manager"). */
export const restrictionInstructionFields = [
  'id',
  'youngPersonId',
  'personId',
  'name',
  'aliases',
  'kind',
  'conditions',
  'effectiveFrom',
  'effectiveTo',
  'reviewOn',
  'endedAt',
  // What earlier versions said: the door reads the version in force on the day it checks.
  'earlierTerms',
] as const satisfies readonly (keyof Restriction)[];

/** Only with `restriction:read-authority`: the legal basis and the background. */
export const restrictionAuthorityFields = [
  'authority',
  'authorityReference',
  'description',
  'recordedById',
  'approvedById',
  'endedReason',
  'version',
  'changedById',
  'changedAt',
  'reviews',
] as const satisfies readonly (keyof Restriction)[];

export type RestrictionField =
  (typeof restrictionInstructionFields)[number] | (typeof restrictionAuthorityFields)[number];

export function visibleRestrictionFields(roles: readonly StaffRole[]): readonly RestrictionField[] {
  return can(roles, 'restriction:read-authority')
    ? [...restrictionInstructionFields, ...restrictionAuthorityFields]
    : restrictionInstructionFields;
}

/** A restriction as this person may see it: what is not theirs to know is not there at all. */
export type VisibleRestriction =
  | ({ readonly view: 'full' } & Restriction)
  | ({ readonly view: 'instruction' } & Pick<Restriction, (typeof restrictionInstructionFields)[number]>);

export function visibleRestriction(
  restriction: Restriction,
  roles: readonly StaffRole[],
): VisibleRestriction {
  if (can(roles, 'restriction:read-authority')) return { view: 'full', ...restriction };
  const shown: Partial<Restriction> = {};
  for (const field of restrictionInstructionFields) {
    if (restriction[field] !== undefined) Object.assign(shown, { [field]: restriction[field] });
  }
  return {
    view: 'instruction',
    ...(shown as Pick<Restriction, (typeof restrictionInstructionFields)[number]>),
  };
}

export type Scope = { readonly kind: 'all' } | { readonly kind: 'own' } | { readonly kind: 'none' };

/** Whose declarations this person may read: everyone's (manager) or their own. */
export function declarationScope(roles: readonly StaffRole[]): Scope {
  if (can(roles, 'declaration:read-all')) return { kind: 'all' };
  if (can(roles, 'declaration:read-own')) return { kind: 'own' };
  return { kind: 'none' };
}

/** Whose termly review figures this person may see: the home's (manager), their own young people's (CC), or none. */
export function reviewScope(roles: readonly StaffRole[]): Scope {
  if (can(roles, 'review:view-all')) return { kind: 'all' };
  if (can(roles, 'review:view-own-young-people')) return { kind: 'own' };
  return { kind: 'none' };
}
