import type { StaffMember } from '@shared/schemas/staff';
import type { CompartmentKeys } from './encryption/compartment-keys';
import type { HomeKeys } from './encryption/key-wrapping';
import {
  createRecordCipher,
  forgetCipherKeys,
  KeysDroppedError,
  replaceCipherCompartments,
} from './encryption/record-cipher';
import { forgetAuthoritySecret } from './encryption/authority-secrets';
import type { Session } from './session';

const droppers = new WeakMap<Session, () => void>();
const replacers = new WeakMap<Session, (compartments: CompartmentKeys, doorKey?: CryptoKey) => void>();

/**
 * A signed-in session whose keys can be dropped at once (`dropSessionKeys`). The keys are read
 * through the session rather than copied into it, so that once they are dropped nothing reached
 * through the session (a screen's hook, a write still waiting for its turn) can use them.
 */
export function sessionWithKeys(staff: StaffMember, keys: HomeKeys, compartments: CompartmentKeys): Session {
  let held: { keys: HomeKeys; compartments: CompartmentKeys } | undefined = { keys, compartments };
  const holding = () => {
    if (!held) throw new KeysDroppedError();
    return held;
  };
  const session: Session = {
    staff,
    roles: staff.roles,
    get dataKey() {
      return holding().keys.dataKey;
    },
    get auditKey() {
      return holding().keys.auditKey;
    },
    get compartments() {
      return holding().compartments;
    },
    cipher: createRecordCipher(keys.dataKey, compartments),
  };
  droppers.set(session, () => {
    held = undefined;
  });
  replacers.set(session, (next, doorKey) => {
    if (held) held = { keys: doorKey ? { ...held.keys, dataKey: doorKey } : held.keys, compartments: next };
  });
  return session;
}

/**
 * Gives a signed-in session new compartment keys (a key the manager has just changed, or an older
 * generation let go once nothing is sealed under it), for its cipher too; `doorKey` when the door
 * key itself is the one changed. Does nothing once the session's keys are dropped.
 */
export function replaceSessionCompartments(
  session: Session,
  compartments: CompartmentKeys,
  doorKey?: CryptoKey,
): void {
  replacers.get(session)?.(compartments, doorKey);
  replaceCipherCompartments(session.cipher, compartments, doorKey);
}

/**
 * Drops every key `session` holds, synchronously: the door, audit and compartment keys, its
 * cipher's, and the signing authority's secret a manager's session keeps. Call it before any
 * await when the screen locks or the person signs out (DESIGN: auto-lock; nothing readable stays
 * in memory). A seal or open already under way has its key and finishes; nothing started after
 * this can (`KeysDroppedError`). Sessions not made by `sessionWithKeys` lose their cipher's keys.
 */
export function dropSessionKeys(session: Session): void {
  droppers.get(session)?.();
  forgetCipherKeys(session.cipher);
  forgetAuthoritySecret(session);
}
