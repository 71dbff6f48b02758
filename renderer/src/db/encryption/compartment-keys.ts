import { declarationsOwner } from '@shared/rules/compartments';
import type { AccountGrant } from '@shared/schemas/keyring';
import { firstGeneration, type RotatableCompartment } from '@shared/schemas/key-rotation';

/**
 * The keys of the compartments beyond the door (`shared/rules/compartments.ts`) that one session
 * holds. Each is given to an account only if its roles may read that compartment.
 *
 * - `casework` and `manager`: AES-GCM-256 keys, one per home.
 * - `declarationsMaster` (managers only): an HMAC-SHA-256 key from which each person's declarations
 *   key is derived (`declarationsKey`), so a manager opens everyone's declarations without holding
 *   a key per colleague, while each person is given only their own derived key.
 * - `ownDeclarations`: this person's own declarations key.
 *
 * `casework` and `manager` are the newest generation of those keys (`generations`, the first when
 * absent): what is sealed now is sealed under it. While the manager's change of a key is still
 * sealing records again (`shared/rules/key-rotation.ts`), the older generation is in `older`, so
 * records not yet sealed again still open. The door's newest key is the cipher's own (the home's
 * data key); while the door key is being changed, its generation is in `generations` and its
 * older one in `older` like theirs.
 */
export type CompartmentKeys = {
  readonly casework?: CryptoKey;
  readonly manager?: CryptoKey;
  readonly declarationsMaster?: CryptoKey;
  readonly ownDeclarations?: { readonly staffId: string; readonly key: CryptoKey };
  readonly generations?: Partial<Readonly<Record<RotatableCompartment, number>>>;
  readonly older?: readonly OlderKey[];
};

/** A key of an older generation, kept only until every record sealed under it is sealed again. */
export type OlderKey = {
  readonly name: RotatableCompartment;
  readonly generation: number;
  readonly key: CryptoKey;
};

/** Which generation of `compartment`'s key these keys seal with now. */
export function currentGeneration(keys: CompartmentKeys, compartment: RotatableCompartment): number {
  return keys.generations?.[compartment] ?? firstGeneration;
}

/** The compartments whose keys, all generations, are kept here (the door's newest is the cipher's). */
function isKeptHere(compartment: string): compartment is 'casework' | 'manager' {
  return compartment === 'casework' || compartment === 'manager';
}

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
 * Looks up a compartment's key in `keys`: the door's newest is not here (the cipher holds it), but
 * an older door generation still held while the door key is being changed is. Derived
 * declarations keys are kept per master, so each is worked out once per session.
 */
export function compartmentKeyLookup(keys: CompartmentKeys): {
  holds(compartment: string): boolean;
  /** The key of `generation` (the newest when not given) of `compartment`. */
  keyOf(compartment: string, generation?: number): Promise<CryptoKey | undefined>;
  /** The generation sealing uses now: the first for compartments never changed. */
  generationOf(compartment: string): number;
} {
  const derived = new Map<string, Promise<CryptoKey>>();
  const holds = (compartment: string): boolean => {
    if (compartment === 'casework') return keys.casework !== undefined;
    if (compartment === 'manager') return keys.manager !== undefined;
    const owner = declarationsOwner(compartment);
    if (owner === undefined) return false;
    return keys.declarationsMaster !== undefined || keys.ownDeclarations?.staffId === owner;
  };
  const generationOf = (compartment: string) =>
    isKeptHere(compartment) || compartment === 'door'
      ? currentGeneration(keys, compartment)
      : firstGeneration;
  return {
    holds,
    generationOf,
    keyOf(compartment, generation) {
      if (isKeptHere(compartment) || compartment === 'door') {
        if (isKeptHere(compartment) && (generation === undefined || generation === generationOf(compartment)))
          return Promise.resolve(compartment === 'casework' ? keys.casework : keys.manager);
        const older = keys.older?.find((key) => key.name === compartment && key.generation === generation);
        return Promise.resolve(older?.key);
      }
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
