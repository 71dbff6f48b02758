import { permittedForm } from './permitted-form';
import { roomFormSchema, roomSchema, type Room } from '@shared/schemas/visits';
import { can } from '@shared/rules/access';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { plainStore } from '../sealed-store';
import type { Session } from '../session';

export type RoomError = 'forbidden' | 'invalid' | 'duplicate-name' | 'not-found';

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/**
 * The rooms staff book for visits (Settings → Rooms, the manager's). A room's name is not personal
 * data, so rows are stored plain. A room is never deleted, because past visits name it: the
 * manager withdraws it from booking, and can make it bookable again.
 */
export function roomRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const records = recordWriter(db, clock);
  const rooms = plainStore(db.rooms);
  const refusal = 'Only the Registered Manager can change the rooms list.';
  const refused = () => fail('forbidden', refusal);

  async function save(
    session: Session,
    room: Room,
    action: string,
    isNew: boolean,
  ): Promise<Result<Room, RoomError>> {
    const written = await records.write(session, {
      events: [{ action, recordType: 'room', recordId: room.id }],
      writes: [rooms.put(room)],
      // Checked inside the transaction so two people adding "Family room" at once cannot both succeed.
      async check() {
        const clash = (await db.rooms.toArray()).find(
          (other) => other.id !== room.id && sameName(other.name, room.name),
        );
        if (clash)
          return fail(
            'duplicate-name',
            `There is already a room called “${clash.name}”. Choose another name.`,
            {
              name: `There is already a room called “${clash.name}”.`,
            },
          );
        if (!isNew && !(await db.rooms.get(room.id)))
          return fail('not-found', 'That room is no longer in the list.');
        return undefined;
      },
    });
    if (!written.ok) return written;
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
      const form = permittedForm(session, 'settings:manage', refusal, roomFormSchema, input);
      if (!form.ok) return form;
      return save(
        session,
        roomSchema.parse({ id: crypto.randomUUID(), name: form.value.name, isActive: true }),
        'room.added',
        true,
      );
    },

    async rename(session: Session, id: string, input: unknown): Promise<Result<Room, RoomError>> {
      const form = permittedForm(session, 'settings:manage', refusal, roomFormSchema, input);
      if (!form.ok) return form;
      const current = await db.rooms.get(id);
      if (!current) return fail('not-found', 'That room is no longer in the list.');
      return save(session, { ...current, name: form.value.name }, 'room.renamed', false);
    },

    /** Withdraws a room from booking (its past visits keep it), or makes it bookable again. */
    async setBookable(session: Session, id: string, isActive: boolean): Promise<Result<Room, RoomError>> {
      if (!can(session.roles, 'settings:manage')) return refused();
      const current = await db.rooms.get(id);
      if (!current) return fail('not-found', 'That room is no longer in the list.');
      return save(session, { ...current, isActive }, isActive ? 'room.restored' : 'room.withdrawn', false);
    },

    /** A bulk path for fixtures: rooms as they are, checked, in one transaction (not audited). */
    async addMany(session: Session, imported: readonly Room[]): Promise<void> {
      const checked = imported.map((room) => roomSchema.parse(room));
      await records.write(session, { events: [], writes: [rooms.putAll(checked)] });
    },
  };
}
