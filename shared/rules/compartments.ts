import type { StaffRole } from '../schemas/staff';

/**
 * Need to know by keys (DESIGN.md, "Security"; rule 8): the home's records are sealed in
 * compartments, each under its own key, and an account is given only the keys of the compartments
 * its roles may read. A session that does not hold a compartment's key cannot open its records,
 * whatever code runs in the page.
 *
 * - `door`: what everyone on shift needs (names, the door check's instruction, the visitor
 *   register, visits, forms filed by anyone). Its key is the home's original data key.
 * - `casework`: what those who arrange and review contact need beyond that (a restriction's
 *   authority, reference and description, and its history).
 * - `manager`: the Registered Manager's alone (the disclosure log, sample monitoring).
 * - `declarations:<staff id>`: one person's boundary declarations (seeds 000-002): that person
 *   and the manager.
 */
export type Compartment = 'door' | 'casework' | 'manager' | `declarations:${string}`;

/** Roles whose work needs the casework compartment: they arrange and review contact. */
const caseworkRoles: readonly StaffRole[] = [
  'personalTutor',
  'caseCoordinator',
  'learningMentor',
  'registeredManager',
];

export function declarationsCompartment(staffId: string): Compartment {
  return `declarations:${staffId}`;
}

/** The person a declarations compartment belongs to, or undefined for any other compartment. */
export function declarationsOwner(compartment: string): string | undefined {
  return compartment.startsWith('declarations:') ? compartment.slice('declarations:'.length) : undefined;
}

/** The compartments that are shared by roles (not one person's own). */
export const sharedCompartments = ['door', 'casework', 'manager'] as const satisfies readonly Compartment[];

/**
 * Whether an account with these roles (and this id) may hold `compartment`'s key. Nobody who is
 * switched off holds any: their keys are deleted when they are switched off.
 */
export function mayHoldCompartment(
  account: { readonly id: string; readonly roles: readonly StaffRole[]; readonly isActive: boolean },
  compartment: string,
): boolean {
  if (!account.isActive) return false;
  const isManager = account.roles.includes('registeredManager');
  if (compartment === 'door') return true;
  if (compartment === 'casework') return account.roles.some((role) => caseworkRoles.includes(role));
  if (compartment === 'manager') return isManager;
  const owner = declarationsOwner(compartment);
  if (owner !== undefined) return owner === account.id || isManager;
  return false;
}

/**
 * The shared compartments an account may hold, and its own declarations'. A manager also holds
 * every colleague's declarations compartment: `mayHoldCompartment` answers for those.
 */
export function compartmentsFor(account: {
  readonly id: string;
  readonly roles: readonly StaffRole[];
  readonly isActive: boolean;
}): Compartment[] {
  if (!account.isActive) return [];
  return [
    ...sharedCompartments.filter((compartment) => mayHoldCompartment(account, compartment)),
    declarationsCompartment(account.id),
  ];
}
