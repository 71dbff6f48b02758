import { panGroupSchema, panMemberFormSchema, type PanGroup, type PanMember } from '@shared/schemas/pan';
import { validForm } from './permitted-form';
import { sameBytes } from '@shared/bytes';
import { can } from '@shared/rules/access';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb, PanGroupPlainKey } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { recordWriter } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';

// Members' names and email addresses are personal: sealed. The young person's id stays plain so
// the group is found by index.
export const panGroupCodec = createSealedCodec('panGroups', panGroupSchema, [
  'id',
  'youngPersonId',
] satisfies PanGroupPlainKey[]);

export type PanGroupError = 'forbidden' | 'invalid' | 'not-found' | 'duplicate' | 'changed';

/**
 * Each young person's PAN group (DESIGN: "the key adults to alert ... and which events each is
 * alerted about"). Kept by those who lead contact (`pan-group:manage`); the PT is always told and
 * is not stored as a member (see `panRecipients`).
 */
export function panGroupRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.panGroups, panGroupCodec);
  const records = recordWriter(db, clock);

  async function readRow(youngPersonId: string) {
    return db.panGroups.where('youngPersonId').equals(youngPersonId).first();
  }

  /** The change to make to the members, or a refusal with a reason. */
  type Edit = (members: readonly PanMember[]) => Result<PanMember[], PanGroupError>;

  async function change(
    session: Session,
    youngPersonId: string,
    action: string,
    detail: string,
    edit: Edit,
  ): Promise<Result<PanGroup, PanGroupError>> {
    if (!can(session.roles, 'pan-group:manage'))
      return fail(
        'forbidden',
        'Only a Personal Tutor, Case Co-ordinator or the manager can change a PAN group.',
      );
    if (!(await db.youngPeople.get(youngPersonId)))
      return fail('not-found', 'That young person’s record is no longer here.');
    const currentRow = await readRow(youngPersonId);
    const current = currentRow ? await panGroupCodec.decode(currentRow, session.cipher) : undefined;
    const edited = edit(current?.members ?? []);
    if (!edited.ok) return edited;
    const now = clock();
    const group = panGroupSchema.parse({
      id: current?.id ?? crypto.randomUUID(),
      youngPersonId,
      members: edited.value,
      updatedAt: now.toISOString(),
      updatedById: session.staff.id,
    });
    const written = await records.write(session, {
      at: now,
      events: [{ action, recordType: 'panGroup', recordId: group.id, detail }],
      writes: [store.put(group)],
      // Found by young person, not by id: a group made meanwhile by someone else counts as a change.
      async check() {
        const stored = await readRow(youngPersonId);
        const unchanged =
          stored && currentRow ? sameBytes(stored.sealed.iv, currentRow.sealed.iv) : !stored && !currentRow;
        return unchanged
          ? undefined
          : fail(
              'changed',
              'Someone else changed this PAN group a moment ago. Look at it again, then make your change.',
            );
      },
    });
    if (!written.ok) return written;
    return ok(group);
  }

  function duplicateOf(members: readonly PanMember[], candidate: PanMember): PanMember | undefined {
    return members.find((member) => {
      if (member.id === candidate.id) return false;
      if (member.kind === 'staff' && candidate.kind === 'staff') return member.staffId === candidate.staffId;
      if (member.kind === 'outside' && candidate.kind === 'outside')
        return member.email.toLowerCase() === candidate.email.toLowerCase();
      return false;
    });
  }

  function parseMember(input: unknown, id: string): Result<PanMember, PanGroupError> {
    const form = validForm(panMemberFormSchema, input);
    if (!form.ok) return form;
    return ok({ ...form.value, id, topics: [...new Set(form.value.topics)] });
  }

  return {
    /** The group as stored, for those who keep it; `undefined` when it has no members yet or for anyone else. */
    async get(session: Session, youngPersonId: string): Promise<PanGroup | undefined> {
      if (!can(session.roles, 'pan-group:manage')) return undefined;
      return this.forAlerts(session.cipher, youngPersonId);
    },

    /**
     * The group for working out who to alert. Not limited by role: whoever's action raised the
     * alert needs it, and nothing from it is shown to them.
     */
    async forAlerts(cipher: RecordCipher, youngPersonId: string): Promise<PanGroup | undefined> {
      const row = await readRow(youngPersonId);
      return row ? panGroupCodec.decode(row, cipher) : undefined;
    },

    addMember(session: Session, youngPersonId: string, input: unknown) {
      return change(session, youngPersonId, 'pan-group.member-added', kindOf(input), (members) => {
        const member = parseMember(input, crypto.randomUUID());
        if (!member.ok) return member;
        if (duplicateOf(members, member.value))
          return fail('duplicate', 'This person is already in the PAN group. Change their row instead.');
        return ok([...members, member.value]);
      });
    },

    updateMember(session: Session, youngPersonId: string, memberId: string, input: unknown) {
      return change(session, youngPersonId, 'pan-group.member-changed', kindOf(input), (members) => {
        if (!members.some((member) => member.id === memberId))
          return fail('not-found', 'That member is no longer in the PAN group.');
        const member = parseMember(input, memberId);
        if (!member.ok) return member;
        if (duplicateOf(members, member.value))
          return fail('duplicate', 'This person is already in the PAN group.');
        return ok(members.map((existing) => (existing.id === memberId ? member.value : existing)));
      });
    },

    removeMember(session: Session, youngPersonId: string, memberId: string) {
      return change(session, youngPersonId, 'pan-group.member-removed', '', (members) => {
        if (!members.some((member) => member.id === memberId))
          return fail('not-found', 'That member is no longer in the PAN group.');
        return ok(members.filter((member) => member.id !== memberId));
      });
    },
  };
}

function kindOf(input: unknown): string {
  const kind = typeof input === 'object' && input !== null ? (input as { kind?: unknown }).kind : undefined;
  return kind === 'staff' || kind === 'outside' ? kind : '';
}
