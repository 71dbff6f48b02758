import type { StaffMember, StaffRole } from '@shared/schemas/staff';
import type { RecordCipher } from './encryption/record-cipher';

/**
 * Who is signed in, and the keys their password unlocked. Held in memory only, and dropped on
 * lock or sign-out: nothing here is ever written anywhere.
 */
export type Session = {
  readonly staff: StaffMember;
  readonly roles: readonly StaffRole[];
  readonly dataKey: CryptoKey;
  readonly auditKey: CryptoKey;
  readonly cipher: RecordCipher;
};

/** What the data layer needs to know about the person asking: who they are and their roles. */
export type Actor = Pick<Session, 'roles'> & { readonly staffId: string };

export function actorOf(session: Session): Actor {
  return { staffId: session.staff.id, roles: session.roles };
}
