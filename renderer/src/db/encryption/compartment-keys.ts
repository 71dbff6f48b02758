import { declarationsOwner } from '@shared/rules/compartments';
import type { AccountGrant } from '@shared/schemas/keyring';

/**
 * The keys of the compartments beyond the door (`shared/rules/compartments.ts`) that one session
 * holds. Each is given to an account only if its roles may read that compartment.
 *
 * - `casework` and `manager`: AES-GCM-256 keys, one per home.
 * - `declarationsMaster` (managers only): an HMAC-SHA-256 key from which each person's declarations
 *   key is derived (`declarationsKey`), so a manager opens everyone's declarations without holding
 *   a key per colleague, while each person is given only their own derived key.
 * - `ownDeclarations`: this person's own declarations key.
 */
export type CompartmentKeys = {
  readonly casework?: CryptoKey;
  readonly manager?: CryptoKey;
  readonly declarationsMaster?: CryptoKey;
  readonly ownDeclarations?: { readonly staffId: string; readonly key: CryptoKey };
};

/** The names under which an account's grants are kept (`grants` in its keyring entry). */
export type GrantName = AccountGrant['name'];

const encoder = new TextEncoder();

export function generateCompartmentKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export function generateDeclarationsMaster(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign']);
}

/** New keys for every compartment: a home set up now, or a home that had only the door key. */
export async function generateHomeCompartments(): Promise<
  Required<Pick<CompartmentKeys, 'casework' | 'manager' | 'declarationsMaster'>>
> {
  const [casework, manager, declarationsMaster] = await Promise.all([
    generateCompartmentKey(),
    generateCompartmentKey(),
    generateDeclarationsMaster(),
  ]);
  return { casework, manager, declarationsMaster };
}

/**
 * One person's declarations key: HMAC-SHA-256 of the master over their compartment's name, used as
 * an AES-256 key (HMAC with a random key is a PRF, so the result is as good as a random key).
 * Extractable so that the manager can give it to that person.
 */
export async function declarationsKey(master: CryptoKey, staffId: string): Promise<CryptoKey> {
  const raw = await crypto.subtle.sign('HMAC', master, encoder.encode(`declarations:${staffId}`));
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/**
 * Looks up a compartment's key in `keys`: the door is not here (the cipher holds it). Derived
 * declarations keys are kept per master, so each is worked out once per session.
 */
export function compartmentKeyLookup(keys: CompartmentKeys): {
  holds(compartment: string): boolean;
  keyOf(compartment: string): Promise<CryptoKey | undefined>;
} {
  const derived = new Map<string, Promise<CryptoKey>>();
  const holds = (compartment: string): boolean => {
    if (compartment === 'casework') return keys.casework !== undefined;
    if (compartment === 'manager') return keys.manager !== undefined;
    const owner = declarationsOwner(compartment);
    if (owner === undefined) return false;
    return keys.declarationsMaster !== undefined || keys.ownDeclarations?.staffId === owner;
  };
  return {
    holds,
    keyOf(compartment) {
      if (compartment === 'casework') return Promise.resolve(keys.casework);
      if (compartment === 'manager') return Promise.resolve(keys.manager);
      const owner = declarationsOwner(compartment);
      if (owner === undefined) return Promise.resolve(undefined);
      if (keys.ownDeclarations?.staffId === owner) return Promise.resolve(keys.ownDeclarations.key);
      const master = keys.declarationsMaster;
      if (!master) return Promise.resolve(undefined);
      let key = derived.get(owner);
      if (!key) {
        key = declarationsKey(master, owner);
        derived.set(owner, key);
      }
      return key;
    },
  };
}
