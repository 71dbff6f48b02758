import { mayHoldCompartment } from '@shared/rules/compartments';
import type { AccountGrant, AccountKeyPair } from '@shared/schemas/keyring';
import type { StaffRole } from '@shared/schemas/staff';
import { grantKey, openAccountPrivateKey, openGrant, verifiedPublicKey } from './account-key-pair';
import { rotatableCompartments, type RotatableCompartment } from '@shared/schemas/key-rotation';
import {
  currentGeneration,
  declarationsKey,
  type CompartmentKeys,
  type GrantName,
  type OlderKey,
} from './compartment-keys';
import { unreachable } from '@shared/unreachable';

/** What deciding an account's grants reads of it: who it is, its roles, and whether it is switched on. */
export type GrantAccount = {
  readonly id: string;
  readonly roles: readonly StaffRole[];
  readonly isActive: boolean;
};

/** Whether an account with these roles may hold the key kept under grant `name`. */
export function mayHoldGrant(account: GrantAccount, name: GrantName): boolean {
  switch (name) {
    case 'door':
      return mayHoldCompartment(account, 'door');
    case 'casework':
      return mayHoldCompartment(account, 'casework');
    case 'manager':
    case 'declarationsMaster':
      return mayHoldCompartment(account, 'manager');
    case 'ownDeclarations':
      return account.isActive;
    default:
      return unreachable(name, 'grant');
  }
}

/** One key to give: which grant, which generation of it (1 for the first), and the key itself. */
type KeyToGive = { readonly name: GrantName; readonly generation: number; readonly key: CryptoKey };

/**
 * The keys of grant `name` that `from` can give `account`: for casework and manager, the newest
 * generation and any older one still held while records are being sealed again. None for the
 * door: its key is wrapped by each person's password (`createAccountKeys`), and a door grant is
 * made only when the manager changes the door key, and kept until the person signs in.
 */
async function keysToGive(
  name: GrantName,
  account: GrantAccount,
  from: CompartmentKeys,
): Promise<KeyToGive[]> {
  switch (name) {
    case 'door':
      return [];
    case 'casework':
    case 'manager': {
      const newest = from[name];
      const older = (from.older ?? []).filter((key) => key.name === name);
      return [
        ...(newest ? [{ name, generation: currentGeneration(from, name), key: newest }] : []),
        ...older.map(({ generation, key }) => ({ name, generation, key })),
      ];
    }
    case 'declarationsMaster':
      return from.declarationsMaster ? [{ name, generation: 1, key: from.declarationsMaster }] : [];
    case 'ownDeclarations': {
      const key = from.declarationsMaster
        ? await declarationsKey(from.declarationsMaster, account.id)
        : from.ownDeclarations?.staffId === account.id
          ? from.ownDeclarations.key
          : undefined;
      return key ? [{ name, generation: 1, key }] : [];
    }
    default:
      return unreachable(name, 'grant');
  }
}

const allGrants: readonly GrantName[] = [
  'door',
  'casework',
  'manager',
  'declarationsMaster',
  'ownDeclarations',
];

const generationOf = (grant: AccountGrant) => grant.generation ?? 1;

/**
 * The grants an account should hold now: every key its roles may hold, given from `from` (the
 * giver's session) where it lacks one (each generation of a key being changed, too); grants it
 * already holds and may still hold are kept as they are; grants its roles no longer allow are
 * dropped. A switched-off account holds none.
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
    const held = existing.filter((grant) => grant.name === name);
    grants.push(...held);
    for (const give of await keysToGive(name, account, from)) {
      if (held.some((grant) => generationOf(grant) === give.generation)) continue;
      // The first generation's grant names none, as grants made before keys could change.
      grants.push(
        await grantKey(
          name,
          give.key,
          { staffId: account.id, publicKey },
          give.generation > 1 ? give.generation : undefined,
        ),
      );
    }
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

/** What an account's keys open: its compartment keys, and its newest door key when a grant gave it. */
export type OpenedGrants = {
  readonly compartments: CompartmentKeys;
  /** The newest door key held, when newer than the one the password wraps (or that is gone). */
  readonly newerDoorKey?: { readonly generation: number; readonly key: CryptoKey };
};

/**
 * The compartment keys an account's grants give, opened with the key its password gave.
 * `wrappedDoor` is the door key the password itself opened, if any, with its generation: with the
 * door grants it decides which door key seals (the newest) and which only open (`older`).
 */
export async function openGrants(
  staffId: string,
  keyPair: AccountKeyPair | undefined,
  grants: readonly AccountGrant[] | undefined,
  kek: CryptoKey,
  wrappedDoor?: { readonly generation: number; readonly key: CryptoKey },
): Promise<OpenedGrants> {
  const privateKey =
    keyPair && grants?.length ? await openAccountPrivateKey(keyPair, kek, staffId) : undefined;
  const opened: { -readonly [Key in keyof CompartmentKeys]: CompartmentKeys[Key] } = {};
  const rotating: OlderKey[] = wrappedDoor ? [{ name: 'door', ...wrappedDoor }] : [];
  if (!privateKey) return { compartments: doorOnly(rotating) };
  for (const grant of grants ?? []) {
    const key = await openGrant(grant, privateKey, staffId);
    if (!key) continue;
    if (grant.name === 'ownDeclarations') opened.ownDeclarations = { staffId, key };
    else if (grant.name === 'declarationsMaster') opened.declarationsMaster = key;
    else rotating.push({ name: grant.name, generation: generationOf(grant), key });
  }
  // The newest generation of each key seals; older ones only open what is not yet sealed again.
  const generations: { -readonly [Name in RotatableCompartment]?: number } = {};
  const older: OlderKey[] = [];
  let newerDoorKey: OpenedGrants['newerDoorKey'];
  for (const name of rotatableCompartments) {
    const held = rotating.filter((key) => key.name === name).sort((a, b) => b.generation - a.generation);
    const [newest, ...rest] = held;
    if (!newest) continue;
    if (name === 'door') {
      if (newest.generation !== wrappedDoor?.generation) newerDoorKey = newest;
    } else opened[name] = newest.key;
    if (newest.generation > 1) generations[name] = newest.generation;
    older.push(...rest);
  }
  if (Object.keys(generations).length > 0) opened.generations = generations;
  if (older.length > 0) opened.older = older;
  return { compartments: opened, ...(newerDoorKey ? { newerDoorKey } : {}) };
}

/** The door's generations alone, for an account whose password opens no key pair (or holds no grant). */
function doorOnly(door: readonly OlderKey[]): CompartmentKeys {
  const [newest, ...rest] = [...door].sort((a, b) => b.generation - a.generation);
  if (!newest) return {};
  return {
    ...(newest.generation > 1 ? { generations: { door: newest.generation } } : {}),
    ...(rest.length > 0 ? { older: rest } : {}),
  };
}
