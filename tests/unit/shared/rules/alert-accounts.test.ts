import { describe, expect, it } from 'vitest';
import { alertAccountOf } from '@shared/rules/alert-accounts';
import { buildStaffMember } from '../../../factories';

describe('a staff account as the alert rules read it', () => {
  it('keeps who they are and where to write, and names every role in words, in order', () => {
    const member = buildStaffMember({
      name: 'Sam Patel',
      email: 'sam.patel@home.example',
      roles: ['careStaff', 'personalTutor'],
      isActive: false,
    });
    expect(alertAccountOf(member)).toEqual({
      id: member.id,
      name: 'Sam Patel',
      email: 'sam.patel@home.example',
      isActive: false,
      roleLabel: 'Care staff, Personal Tutor',
    });
  });
});
