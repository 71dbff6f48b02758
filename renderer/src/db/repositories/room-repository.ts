import { roomFormSchema, roomSchema, type Room } from '@shared/schemas/visits';
import { requirePermission } from '@shared/rules/access';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Failure, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';
import { auditLog } from './audit-log-repository';
import { Refusal } from './refusal';

export type RoomError = 'forbidden' | 'invalid' | 'duplicate-name' | 'not-found';

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/**
 * The rooms staff book for visits (Settings → Rooms, the manager's). A room's name is not personal
 * data, so rows are stored plain. A room is never deleted, because past visits name it: the
 * manager withdraws it from booking, and can make it bookable again.
 */
export function roomRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const audit = auditLog(db);
  const auditor = (session: Session) => ({ actorId: session.staff.id, auditKey: session.auditKey });

  async function save(
    session: Session,
    room: Room,
    action: string,
    isNew: boolean,
  ): Promise<Result<Room, RoomError>> {
    try {
      await audit.write(
        auditor(session),
        [{ action, recordType: 'room', recordId: room.id }],
        [db.rooms],
        async () => {
          // Checked inside the transaction so two people adding "Family room" at once cannot both succeed.
          const clash = (await db.rooms.toArray()).find(
            (other) => other.id !== room.id && sameName(other.name, room.name),
          );
          if (clash)
            throw new Refusal(
              fail('duplicate-name', `There is already a room called “${clash.name}”. Choose another name.`, {
                name: `There is already a room called “${clash.name}”.`,
              }).error,
            );
          if (!isNew && !(await db.rooms.get(room.id)))
            throw new Refusal(fail('not-found', 'That room is no longer in the list.').error);
          await db.rooms.put(room);
        },
        clock(),
      );
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.failure as Failure<RoomError> };
      throw error;
    }
    return ok(room);
  }

  return {
    /** Every room, bookable ones and withdrawn ones, in name order. Anyone may read the list. */
    async list(): Promise<Room[]> {
      return (await db.rooms.orderBy('name').toArray()).map((row) => roomSchema.parse(row));
    },

    async listBookable(): Promise<Room[]> {
      return (await this.list()).filter((room) => room.isActive);
    },

    async add(session: Session, input: unknown): Promise<Result<Room, RoomError>> {
      const allowed = requirePermission(session.roles, 'settings:manage');
      if (!allowed.ok) return fail('forbidden', 'Only the Registered Manager can change the rooms list.');
      const form = roomFormSchema.safeParse(input);
      if (!form.success) return fail('invalid', 'Some details need correcting.', fieldMessages(form.error));
      return save(
        session,
        roomSchema.parse({ id: crypto.randomUUID(), name: form.data.name, isActive: true }),
        'room.added',
        true,
      );
    },

    async rename(session: Session, id: string, input: unknown): Promise<Result<Room, RoomError>> {
      const allowed = requirePermission(session.roles, 'settings:manage');
      if (!allowed.ok) return fail('forbidden', 'Only the Registered Manager can change the rooms list.');
      const form = roomFormSchema.safeParse(input);
      if (!form.success) return fail('invalid', 'Some details need correcting.', fieldMessages(form.error));
      const current = await db.rooms.get(id);
      if (!current) return fail('not-found', 'That room is no longer in the list.');
      return save(session, { ...current, name: form.data.name }, 'room.renamed', false);
    },

    /** Withdraws a room from booking (its past visits keep it), or makes it bookable again. */
    async setBookable(session: Session, id: string, isActive: boolean): Promise<Result<Room, RoomError>> {
      const allowed = requirePermission(session.roles, 'settings:manage');
      if (!allowed.ok) return fail('forbidden', 'Only the Registered Manager can change the rooms list.');
      const current = await db.rooms.get(id);
      if (!current) return fail('not-found', 'That room is no longer in the list.');
      return save(session, { ...current, isActive }, isActive ? 'room.restored' : 'room.withdrawn', false);
    },

    /** A bulk path for imports and fixtures: rooms as they are, checked, in one transaction. */
    async addMany(rooms: readonly Room[]): Promise<void> {
      const checked = rooms.map((room) => roomSchema.parse(room));
      await db.transaction('rw', db.rooms, () => db.rooms.bulkPut(checked));
    },
  };
}
export type RoomRepository = ReturnType<typeof roomRepository>;
