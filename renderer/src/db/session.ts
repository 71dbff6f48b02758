import type { StaffMember, StaffRole } from '@shared/schemas/staff';
import type { CompartmentKeys } from './encryption/compartment-keys';
import type { RecordCipher } from './encryption/record-cipher';

/**
 * Who is signed in, and the keys their password unlocked. Held in memory only, and dropped on
 * lock or sign-out: nothing here is ever written anywhere.
 */
export type Session = {
  readonly staff: StaffMember;
  readonly roles: readonly StaffRole[];
  /** The door compartment's key (the home's first data key): everyone holds it. */
  readonly dataKey: CryptoKey;
  readonly auditKey: CryptoKey;
  /** The other compartments' keys this person's roles may hold (`shared/rules/compartments.ts`). */
  readonly compartments: CompartmentKeys;
  /** Seals and opens records with the door key and `compartments`. */
  readonly cipher: RecordCipher;
};

/**
 * Whose change it is, as the record writer needs it: the keys it is sealed and audited with, and
 * whose name it goes under. A session is one; so is an account unlocked only to back up an older
 * database before an upgrade.
 */
export type Author = Pick<Session, 'cipher' | 'auditKey'> & { readonly staff: Pick<StaffMember, 'id'> };
