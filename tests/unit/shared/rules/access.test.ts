import { describe, expect, it } from 'vitest';
import {
  accessMatrix,
  can,
  declarationScope,
  reviewScope,
  visibleRestriction,
  visibleRestrictionFields,
  type Permission,
} from '../../../../shared/rules/access';
import type { Restriction } from '../../../../shared/schemas/registers';
import { staffRoles, type StaffRole } from '../../../../shared/schemas/staff';

const careWorker: StaffRole[] = ['careStaff'];
const tutor: StaffRole[] = ['personalTutor'];
const mentor: StaffRole[] = ['learningMentor'];
const coordinator: StaffRole[] = ['caseCoordinator'];
const manager: StaffRole[] = ['registeredManager'];

const courtOrder: Restriction = {
  id: '7b6f1c3e-8a41-4d55-9a3c-2f0e1d9b8c71',
  youngPersonId: '0c2d4e6f-1a3b-4c5d-8e7f-9a0b1c2d3e4f',
  name: 'Darren Pike',
  aliases: ['Daz'],
  description: 'Father. Was violent at the last contact centre visit.',
  kind: 'supervisedOnly',
  conditions: 'Supervised by two staff in the family room. Speak to the duty manager.',
  authority: 'courtOrder',
  authorityReference: 'Family Court ZW26C00412',
  effectiveFrom: '2026-09-01',
  reviewOn: '2027-03-01',
  recordedById: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  approvedById: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  endedReason: '',
};

describe('need to know, as the policy reads', () => {
  it.each<[string, StaffRole[], Permission, boolean]>([
    ['a care worker at the door sees the instruction', careWorker, 'restriction:read-instruction', true],
    [
      'a care worker at the door does not see the court order',
      careWorker,
      'restriction:read-authority',
      false,
    ],
    ['a learning mentor does not see the court order', mentor, 'restriction:read-authority', false],
    ['a personal tutor sees the authority and reference', tutor, 'restriction:read-authority', true],
    ['a case co-ordinator sees the authority and reference', coordinator, 'restriction:read-authority', true],
    ['the registered manager sees the authority and reference', manager, 'restriction:read-authority', true],
    ['only the manager approves a restriction: not a tutor', tutor, 'restriction:approve', false],
    ['the manager approves a restriction', manager, 'restriction:approve', true],
    ['a care worker cannot override a restriction at the door', careWorker, 'restriction:override', false],
    ['a case co-ordinator cannot override a restriction', coordinator, 'restriction:override', false],
    ['the manager can override a restriction', manager, 'restriction:override', true],
    ['a care worker cannot read other people’s declarations', careWorker, 'declaration:read-all', false],
    ['a tutor cannot read other people’s declarations', tutor, 'declaration:read-all', false],
    ['the manager reads everyone’s declarations', manager, 'declaration:read-all', true],
    ['a care worker signs visitors in', careWorker, 'visitor-log:sign-in', true],
    ['a tutor sees the young people they hold', tutor, 'my-young-people:view', true],
    ['a learning mentor sees the young people they hold', mentor, 'my-young-people:view', true],
    ['a case co-ordinator sees the young people they hold', coordinator, 'my-young-people:view', true],
    ['a care worker holds no young people as PT, CC or LM', careWorker, 'my-young-people:view', false],
    ['a learning mentor signs visitors in', mentor, 'visitor-log:sign-in', true],
    ['a care worker corrects a register entry with an amendment', careWorker, 'visitor-log:amend', true],
    ['a care worker does not change a young person’s details', careWorker, 'people:manage', false],
    ['a personal tutor keeps a young person’s family details', tutor, 'people:manage', true],
    ['a care worker files a contact form', careWorker, 'contact-form:file', true],
    ['a learning mentor files a contact form', mentor, 'contact-form:file', true],
    ['a case co-ordinator reviews their own young people', coordinator, 'review:view-own-young-people', true],
    ['a case co-ordinator does not review the whole home', coordinator, 'review:view-all', false],
    ['the manager reviews the whole home', manager, 'review:view-all', true],
    ['a care worker cannot see the audit log', careWorker, 'audit:view', false],
    ['the manager views and verifies the audit log', manager, 'audit:view', true],
    ['a tutor cannot manage staff accounts', tutor, 'staff:manage', false],
    ['the manager manages staff accounts', manager, 'staff:manage', true],
    ['a case co-ordinator cannot change settings', coordinator, 'settings:manage', false],
    ['only the manager monitors samples', tutor, 'sample:monitor', false],
    [
      'a care worker who is also a personal tutor sees the court order',
      ['careStaff', 'personalTutor'],
      'restriction:read-authority',
      true,
    ],
    ['a person with no roles can do nothing, not even sign visitors in', [], 'visitor-log:sign-in', false],
  ])('%s', (_case, roles, permission, expected) => {
    expect(can(roles, permission)).toBe(expected);
  });

  it('gives every role something to do, and the manager everything but what is “own” by nature', () => {
    for (const role of staffRoles)
      expect(Object.values(accessMatrix).some((roles) => roles.includes(role))).toBe(true);
    const managerLacks = (Object.keys(accessMatrix) as Permission[]).filter(
      (permission) => !can(manager, permission),
    );
    // The manager is named on no young person's record as PT, CC or LM: they have the home's view instead.
    expect(managerLacks).toEqual(['my-young-people:view', 'review:view-own-young-people']);
  });
});

describe('a restriction, as each person sees it', () => {
  it('a care worker at the door sees who and what to do, but not the court order', () => {
    const seen = visibleRestriction(courtOrder, careWorker);
    expect(seen).toMatchObject({
      view: 'instruction',
      name: 'Darren Pike',
      aliases: ['Daz'],
      kind: 'supervisedOnly',
    });
    expect(seen).toHaveProperty('conditions', courtOrder.conditions);
    for (const hidden of [
      'authority',
      'authorityReference',
      'description',
      'recordedById',
      'approvedById',
      'endedReason',
    ]) {
      expect(seen).not.toHaveProperty(hidden);
    }
    expect(JSON.stringify(seen)).not.toContain('ZW26C00412');
  });

  it('a personal tutor sees all of it', () => {
    expect(visibleRestriction(courtOrder, tutor)).toEqual({ view: 'full', ...courtOrder });
  });

  it('lists the fields each sees', () => {
    expect(visibleRestrictionFields(careWorker)).not.toContain('authorityReference');
    expect(visibleRestrictionFields(careWorker)).toContain('kind');
    expect(visibleRestrictionFields(manager)).toEqual(
      expect.arrayContaining(['kind', 'authority', 'authorityReference', 'description']),
    );
  });
});

describe('whose records', () => {
  it.each<[string, StaffRole[], string]>([
    ['a care worker reads only their own declarations', careWorker, 'own'],
    ['a case co-ordinator reads only their own declarations', coordinator, 'own'],
    ['the manager reads all declarations', manager, 'all'],
  ])('%s', (_case, roles, kind) => {
    expect(declarationScope(roles)).toEqual({ kind });
  });

  it.each<[string, StaffRole[], string]>([
    ['a care worker has no review figures', careWorker, 'none'],
    ['a case co-ordinator sees their own young people’s', coordinator, 'own'],
    [
      'a manager who is also a case co-ordinator sees the whole home',
      ['caseCoordinator', 'registeredManager'],
      'all',
    ],
  ])('%s', (_case, roles, kind) => {
    expect(reviewScope(roles)).toEqual({ kind });
  });
});
