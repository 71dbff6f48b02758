import { staffMemberSchema, type StaffMember } from '@shared/schemas/staff';
import type { FamilyLinksDb, StaffPlainKey } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { createSealedCodec } from '../sealed-codec';
import { DamagedRecordError } from '../row-binding';

/**
 * Staff rows keep their id, username, roles and whether they are active in the clear: the
 * sign-in screen must find an account before anyone has a key. Names and emails are sealed.
 */
export const staffCodec = createSealedCodec('staff', staffMemberSchema, [
  'id',
  'username',
  'roles',
  'isActive',
] satisfies StaffPlainKey[]);

/** The account's plain part: enough to sign in, nothing about the person. */
export type StaffLogin = Pick<StaffMember, 'id' | 'username' | 'roles' | 'isActive'>;

export function staffRepository(db: FamilyLinksDb) {
  return {
    /** Whether the home has any account yet (a new install has none, and is set up first). */
    async hasAnyone(): Promise<boolean> {
      return (await db.staff.count()) > 0;
    },

    async findLogin(username: string): Promise<StaffLogin | undefined> {
      const row = await db.staff.where('username').equals(username.trim().toLowerCase()).first();
      return row
        ? { id: row.id, username: row.username, roles: row.roles, isActive: row.isActive }
        : undefined;
    },

    /** One account's record for signing in: opened, missing, or damaged (changed outside the app). */
    async open(
      id: string,
      cipher: RecordCipher,
    ): Promise<
      | { kind: 'opened'; member: StaffMember }
      | { kind: 'missing' }
      | { kind: 'damaged'; error: DamagedRecordError }
    > {
      const row = await db.staff.get(id);
      if (!row) return { kind: 'missing' };
      try {
        return { kind: 'opened', member: await staffCodec.decode(row, cipher) };
      } catch (error) {
        if (error instanceof DamagedRecordError) return { kind: 'damaged', error };
        throw error;
      }
    },

    async count(): Promise<number> {
      return db.staff.count();
    },

    async get(id: string, cipher: RecordCipher): Promise<StaffMember | undefined> {
      const row = await db.staff.get(id);
      return row ? staffCodec.decode(row, cipher) : undefined;
    },

    /** Everyone, by name: every role needs colleagues' names (who admitted a visitor, who is PT). */
    async list(cipher: RecordCipher): Promise<StaffMember[]> {
      const rows = await db.staff.toArray();
      const staff = await Promise.all(rows.map((row) => staffCodec.decode(row, cipher)));
      return staff.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    },
  };
}
