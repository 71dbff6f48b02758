import type { AccountKeys } from '@shared/schemas/keyring';
import type { FamilyLinksDb } from './database';
import { grantsForStored, mayHoldGrant, type GrantAccount } from './encryption/compartment-grants';
import { generateHomeCompartments, type CompartmentKeys } from './encryption/compartment-keys';
import type { Session } from './session';
import { staffCodec } from './repositories/staff-repository';

/**
 * The key side of changing an account (DESIGN: need to know by keys), worked out before the
 * change's transaction opens (it awaits WebCrypto) and written by the repository inside it:
 * - switched off: the keyring entry goes, at once, with every key it held wrapped (door, audit,
 *   compartments, signing). Switching the account on again needs a password reset, which gives
 *   it new keys.
 * - roles changed: the compartments its new roles may hold are given from the manager's session,
 *   and those they no longer allow are taken away. An account that has not signed in since
 *   compartments existed has no key pair yet: it is given them at the manager's next sign-in after
 *   its own.
 */
export type AccountKeyChange =
  | { readonly kind: 'keep' }
  | { readonly kind: 'put'; readonly keys: AccountKeys }
  | { readonly kind: 'revoke'; readonly staffId: string };

export async function keysAfterAccountChange(
  session: Pick<Session, 'auditKey' | 'compartments'>,
  account: GrantAccount,
  stored: AccountKeys | undefined,
): Promise<AccountKeyChange> {
  if (!stored) return { kind: 'keep' };
  if (!account.isActive) return { kind: 'revoke', staffId: account.id };
  const existing = (stored.grants ?? []).filter((grant) => mayHoldGrant(account, grant.name));
  const grants =
    (await grantsForStored(account, stored.keyPair, session.auditKey, session.compartments, existing)) ??
    existing;
  const same =
    grants.length === (stored.grants ?? []).length &&
    grants.every((grant, index) => grant === stored.grants?.[index]);
  return same ? { kind: 'keep' } : { kind: 'put', keys: { ...stored, grants } };
}

/**
 * A manager's compartment keys, with any the home does not have yet made now: a new home, or a
 * home that had only the one data key. A key some account already holds is never made again (a
 * second casework key would split the home's records); a manager without it is given it by a
 * manager who has it.
 */
export async function ensureHomeCompartments(
  db: FamilyLinksDb,
  held: CompartmentKeys,
): Promise<CompartmentKeys> {
  if (held.casework && held.manager && held.declarationsMaster) return held;
  const given = new Set<string>();
  for (const row of await db.accountKeys.toArray())
    for (const grant of row.grants ?? []) given.add(grant.name);
  const fresh = await generateHomeCompartments();
  return {
    ...held,
    ...(!held.casework && !given.has('casework') ? { casework: fresh.casework } : {}),
    ...(!held.manager && !given.has('manager') ? { manager: fresh.manager } : {}),
    ...(!held.declarationsMaster && !given.has('declarationsMaster')
      ? { declarationsMaster: fresh.declarationsMaster }
      : {}),
  };
}

/**
 * Every account's keys brought in line with its roles from a manager's session: compartments
 * given where missing, taken where no longer allowed, and switched-off accounts' entries removed
 * (those switched off before this existed). Returns only the entries that change.
 */
export async function reconcileAccountKeys(
  db: FamilyLinksDb,
  session: Pick<Session, 'auditKey' | 'compartments' | 'cipher'>,
): Promise<AccountKeyChange[]> {
  const changes: AccountKeyChange[] = [];
  for (const stored of await db.accountKeys.toArray()) {
    const row = await db.staff.get(stored.staffId);
    if (!row) continue;
    const member = await staffCodec.decode(row, session.cipher);
    const change = await keysAfterAccountChange(session, member, stored);
    if (change.kind !== 'keep') changes.push(change);
  }
  return changes;
}
