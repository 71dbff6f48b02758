import { staffRoleLabels, type StaffMember } from '../schemas/staff';

/** What a rule that tells staff about something needs of an account: who, where to write, and in what roles. */
export type AlertAccount = {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly isActive: boolean;
  /** The account's roles in words, as the message names them ("Care staff, Personal Tutor"). */
  readonly roleLabel: string;
};

/** A staff account as the alert rules read it. */
export function alertAccountOf(member: StaffMember): AlertAccount {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    isActive: member.isActive,
    roleLabel: member.roles.map((role) => staffRoleLabels[role]).join(', '),
  };
}
