import { mayHoldCompartment } from '@shared/rules/compartments';
import type { AccountGrant, AccountKeyPair } from '@shared/schemas/keyring';
import type { StaffRole } from '@shared/schemas/staff';
import { grantKey, openAccountPrivateKey, openGrant, verifiedPublicKey } from './account-key-pair';
import { declarationsKey, type CompartmentKeys, type GrantName } from './compartment-keys';

/** What deciding an account's grants reads of it: who it is, its roles, and whether it is switched on. */
export type GrantAccount = {
  readonly id: string;
  readonly roles: readonly StaffRole[];
  readonly isActive: boolean;
};

/** Whether an account with these roles may hold the key kept under grant `name`. */
export function mayHoldGrant(account: GrantAccount, name: GrantName): boolean {
  switch (name) {
    case 'casework':
      return mayHoldCompartment(account, 'casework');
    case 'manager':
    case 'declarationsMaster':
      return mayHoldCompartment(account, 'manager');
    case 'ownDeclarations':
      return account.isActive;
    default: {
      const unknown: never = name;
      throw new Error(`Unknown grant: ${String(unknown)}`);
    }
  }
}

async function keyToGive(name: GrantName, account: GrantAccount, from: CompartmentKeys) {
  switch (name) {
    case 'casework':
      return from.casework;
    case 'manager':
      return from.manager;
    case 'declarationsMaster':
      return from.declarationsMaster;
    case 'ownDeclarations':
      if (from.declarationsMaster) return declarationsKey(from.declarationsMaster, account.id);
      return from.ownDeclarations?.staffId === account.id ? from.ownDeclarations.key : undefined;
    default: {
      const unknown: never = name;
      throw new Error(`Unknown grant: ${String(unknown)}`);
    }
  }
}

const allGrants: readonly GrantName[] = ['casework', 'manager', 'declarationsMaster', 'ownDeclarations'];

/**
 * The grants an account should hold now: every key its roles may hold, given from `from` (the
 * giver's session) where it lacks one; grants it already holds and may still hold are kept as
 * they are; grants its roles no longer allow are dropped. A switched-off account holds none.
 */
export async function grantsFor(
  account: GrantAccount,
  publicKey: CryptoKey,
  from: CompartmentKeys,
  existing: readonly AccountGrant[] = [],
): Promise<AccountGrant[]> {
  const grants: AccountGrant[] = [];
  for (const name of allGrants) {
    if (!mayHoldGrant(account, name)) continue;
    const held = existing.find((grant) => grant.name === name);
    if (held) {
      grants.push(held);
      continue;
    }
    const key = await keyToGive(name, account, from);
    if (key) grants.push(await grantKey(name, key, { staffId: account.id, publicKey }));
  }
  return grants;
}

/** `grantsFor`, for an account whose stored public key must first check under the audit key. */
export async function grantsForStored(
  account: GrantAccount,
  keyPair: AccountKeyPair | undefined,
  auditKey: CryptoKey,
  from: CompartmentKeys,
  existing: readonly AccountGrant[] = [],
): Promise<AccountGrant[] | undefined> {
  if (!keyPair) return undefined;
  const publicKey = await verifiedPublicKey(keyPair, account.id, auditKey);
  if (!publicKey) return undefined;
  return grantsFor(account, publicKey, from, existing);
}

/** The compartment keys an account's grants give, opened with the key its password gave. */
export async function openGrants(
  staffId: string,
  keyPair: AccountKeyPair | undefined,
  grants: readonly AccountGrant[] | undefined,
  kek: CryptoKey,
): Promise<CompartmentKeys> {
  if (!keyPair || !grants?.length) return {};
  const privateKey = await openAccountPrivateKey(keyPair, kek, staffId);
  if (!privateKey) return {};
  const opened: { -readonly [Key in keyof CompartmentKeys]: CompartmentKeys[Key] } = {};
  for (const grant of grants) {
    const key = await openGrant(grant, privateKey, staffId);
    if (!key) continue;
    if (grant.name === 'ownDeclarations') opened.ownDeclarations = { staffId, key };
    else opened[grant.name] = key;
  }
  return opened;
}
