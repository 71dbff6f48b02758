import { describe, expect, it } from 'vitest';
import {
  compartmentsFor,
  declarationsCompartment,
  declarationsOwner,
  mayHoldCompartment,
} from '../../../../shared/rules/compartments';
import type { StaffRole } from '../../../../shared/schemas/staff';

const me = 'a1b2c3d4-0000-4000-8000-000000000001';
const colleague = 'a1b2c3d4-0000-4000-8000-000000000002';

const account = (roles: StaffRole[], isActive = true) => ({ id: me, roles, isActive });

describe('which role holds which compartment key', () => {
  it.each<[string, StaffRole[], string, boolean]>([
    ['a care worker holds the door key', ['careStaff'], 'door', true],
    ['a care worker never holds the casework key', ['careStaff'], 'casework', false],
    ['a care worker never holds the manager key', ['careStaff'], 'manager', false],
    ['a care worker holds their own declarations key', ['careStaff'], declarationsCompartment(me), true],
    [
      'a care worker never holds a colleague’s declarations',
      ['careStaff'],
      declarationsCompartment(colleague),
      false,
    ],
    ['a Personal Tutor holds casework', ['personalTutor'], 'casework', true],
    ['a Case Co-ordinator holds casework', ['caseCoordinator'], 'casework', true],
    ['a Learning Mentor holds casework', ['learningMentor'], 'casework', true],
    ['a Personal Tutor does not hold the manager key', ['personalTutor'], 'manager', false],
    [
      'a tutor does not hold a colleague’s declarations',
      ['personalTutor'],
      declarationsCompartment(colleague),
      false,
    ],
    ['the manager holds casework', ['registeredManager'], 'casework', true],
    ['the manager holds the manager key', ['registeredManager'], 'manager', true],
    [
      'the manager holds a colleague’s declarations',
      ['registeredManager'],
      declarationsCompartment(colleague),
      true,
    ],
    ['care staff who are also a tutor hold casework', ['careStaff', 'personalTutor'], 'casework', true],
    ['an unknown compartment is nobody’s', ['registeredManager'], 'audit', false],
  ])('%s', (_, roles, compartment, expected) => {
    expect(mayHoldCompartment(account(roles), compartment)).toBe(expected);
  });

  it('gives a switched-off account nothing, whatever its roles', () => {
    const off = account(['registeredManager'], false);
    expect(compartmentsFor(off)).toEqual([]);
    for (const compartment of ['door', 'casework', 'manager', declarationsCompartment(me)])
      expect(mayHoldCompartment(off, compartment)).toBe(false);
  });

  it.each<[StaffRole[], string[]]>([
    [['careStaff'], ['door', declarationsCompartment(me)]],
    [['learningMentor'], ['door', 'casework', declarationsCompartment(me)]],
    [['registeredManager'], ['door', 'casework', 'manager', declarationsCompartment(me)]],
  ])('lists %j as %j', (roles, expected) => {
    expect(compartmentsFor(account(roles))).toEqual(expected);
  });

  it('reads the owner of a declarations compartment', () => {
    expect(declarationsOwner(declarationsCompartment(me))).toBe(me);
    expect(declarationsOwner('casework')).toBeUndefined();
  });
});
