// @vitest-environment node
// Node, not jsdom: hash-wasm's Argon2id and WebCrypto run natively there; fake-indexeddb is the store.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyHandover, holdingsOf } from '../../../../shared/rules/handover';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { accountRepository } from '../../../../renderer/src/db/repositories/account-repository';
import { contactFormRepository } from '../../../../renderer/src/db/repositories/contact-form-repository';
import { handoverRepository } from '../../../../renderer/src/db/repositories/handover-repository';
import { panGroupRepository } from '../../../../renderer/src/db/repositories/pan-group-repository';
import { staffRepository } from '../../../../renderer/src/db/repositories/staff-repository';
import { youngPeopleRepository } from '../../../../renderer/src/db/repositories/young-people-repository';
import { authService } from '../../../../renderer/src/security/auth-service';
import { freshDatabase } from '../db/test-database';
import { okValue } from '../ok-value';
import { addColleague, setUpOakfield } from './oakfield-home';
import { buildContactFormEntry } from '../../../factories';

let db: FamilyLinksDb;
afterEach(() => db?.close());

/**
 * Oakfield House: Priya the manager; Grace, a Personal Tutor who is leaving; Sam, another tutor.
 * Grace is PT for Millie and Jay, in Millie's PAN group, owes Millie's home-visit form, and has an
 * action on a draft Priya is writing about Jay.
 */
async function home() {
  db = freshDatabase();
  const auth = authService(db);
  const session = await setUpOakfield(auth);
  const account = (name: string, username: string) =>
    addColleague(auth, session, { name, username, roles: ['personalTutor'] });
  const grace = await account('Grace Okafor', 'gokafor');
  const sam = await account('Sam Patel', 'spatel');
  const people = youngPeopleRepository(db);
  const youngPerson = async (firstName: string, caseNumber: string) =>
    okValue(
      await people.save(session, {
        caseNumber,
        firstName,
        lastName: 'Hughes',
        dateOfBirth: '2012-03-14',
        placementStartsOn: '2025-09-01',
        personalTutorId: grace.id,
      }),
    );
  const millie = await youngPerson('Millie', 'FL-0001');
  const jay = await youngPerson('Jay', 'FL-0002');
  okValue(
    await panGroupRepository(db).addMember(session, millie.id, {
      kind: 'staff',
      staffId: grace.id,
      topics: ['formFiled'],
    }),
  );
  const forms = contactFormRepository(db);
  const [owed] = okValue(
    await forms.createDueForContact(session, {
      youngPersonIds: [millie.id],
      kind: 'homeVisit',
      contactEndedAt: '2026-11-19T18:00:00.000Z',
      authorId: grace.id,
    }),
  );
  const draft = okValue(
    await forms.start(
      session,
      jay.id,
      buildContactFormEntry({
        youngPersonViews: '',
        actions: [{ action: 'Book the learning consultation', ownerStaffId: grace.id, ownerName: '' }],
      }),
    ),
  );
  if (!owed) throw new Error('no form fell due');
  return { auth, session, grace, sam, millie, jay, owed, draft };
}

describe('switching off a personal tutor who holds work', () => {
  it('hands every young person, PAN place, owed form and action to the colleague chosen, with the account off and its keys gone, in one go', async () => {
    const { auth, session, grace, sam, millie, jay, owed, draft } = await home();
    const held = okValue(await auth.leaverHoldings(session, grace.id));
    // Forms come in the order the status index gives them (by id): compare as a set.
    expect(held.items.map((item) => item.kind).sort()).toEqual([
      'formAction',
      'owedForm',
      'panPlace',
      'youngPerson',
      'youngPerson',
    ]);
    const off = await auth.switchOff(session, grace.id, {
      leaverId: grace.id,
      assignments: held.items.map((item) => ({ itemKey: item.key, toStaffId: sam.id })),
    });
    expect(off.ok && off.value.isActive).toBe(false);

    const people = youngPeopleRepository(db);
    expect((await people.get(session, millie.id))?.personalTutorId).toBe(sam.id);
    expect((await people.get(session, jay.id))?.personalTutorId).toBe(sam.id);
    const group = await panGroupRepository(db).get(session, millie.id);
    expect(group?.members).toEqual([expect.objectContaining({ kind: 'staff', staffId: sam.id })]);
    const forms = contactFormRepository(db);
    expect((await forms.owedBy(session, sam.id)).map((form) => form.id)).toEqual([owed.id]);
    expect(await forms.owedBy(session, grace.id)).toEqual([]);
    expect((await forms.get(session, draft.id))?.actions[0]?.ownerStaffId).toBe(sam.id);
    // Switching off still deletes the account's wrapped keys.
    expect(await accountRepository(db).keysOf(grace.id)).toBeUndefined();
    expect((await auth.signIn('gokafor', 'copper kettle drizzle harbour')).ok).toBe(false);

    const actions = (await db.audit.toArray()).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'account.updated',
        'account.keys-deleted',
        'handover.young-person',
        'handover.pan-place',
        'handover.contact-form',
        'handover.contact-form-action',
        'account.handed-over',
      ]),
    );
    expect(actions.filter((action) => action === 'handover.young-person')).toHaveLength(2);
  }, 60_000);

  it('refuses, writing nothing, while something is left without a colleague', async () => {
    const { auth, session, grace, sam, millie } = await home();
    const held = okValue(await auth.leaverHoldings(session, grace.id));
    const formKey = held.items.find((item) => item.kind === 'owedForm')?.key;
    const auditBefore = await db.audit.count();
    const refused = await auth.switchOff(session, grace.id, {
      leaverId: grace.id,
      assignments: held.items
        .filter((item) => item.key !== formKey)
        .map((item) => ({ itemKey: item.key, toStaffId: sam.id })),
    });
    expect(refused.ok ? undefined : refused.error.message).toMatch(
      /^Choose a colleague for contact form CF-\S+ for Millie Hughes\.$/,
    );
    expect(refused.ok ? undefined : Object.keys(refused.error.fields ?? {})).toEqual([formKey]);
    expect((await youngPeopleRepository(db).get(session, millie.id))?.personalTutorId).toBe(grace.id);
    expect(await accountRepository(db).keysOf(grace.id)).toBeDefined();
    expect(await db.audit.count()).toBe(auditBefore);
  }, 60_000);

  it('will not switch them off through a plain account change, which hands nothing over', async () => {
    const { auth, session, grace } = await home();
    const refused = await auth.updateAccount(session, grace.id, { isActive: false });
    expect(refused.ok ? undefined : refused.error.code).toBe('invalid');
    expect(await accountRepository(db).keysOf(grace.id)).toBeDefined();
  }, 60_000);

  it('refuses the whole switch-off when a record changed after it was read, leaving the account on', async () => {
    const { session, grace, sam, millie } = await home();
    const handover = handoverRepository(db);
    const read = await handover.read(session);
    const items = holdingsOf(grace.id, read.records);
    const assignments = new Map(items.map((item) => [item.key, sam.id]));
    // Someone else changes Millie's record meanwhile.
    okValue(
      await youngPeopleRepository(db).save(
        session,
        {
          caseNumber: 'FL-0001',
          firstName: 'Millie',
          lastName: 'Hughes',
          dateOfBirth: '2012-03-14',
          placementStartsOn: '2025-09-01',
          personalTutorId: grace.id,
          socialWorker: 'Priya Shah',
        },
        millie.id,
      ),
    );
    const steps = handover.steps(
      session,
      read,
      applyHandover(read.records, items, assignments),
      grace.id,
      assignments,
      new Date(),
    );
    const written = await accountRepository(db).switchOff(session, {
      member: { ...grace, isActive: false },
      keys: { kind: 'revoke', staffId: grace.id },
      writes: steps.writes,
      events: steps.events,
      at: new Date(),
    });
    expect(written.ok ? undefined : written.error.code).toBe('changed');
    expect((await staffRepository(db).get(grace.id, session.cipher))?.isActive).toBe(true);
    expect(await accountRepository(db).keysOf(grace.id)).toBeDefined();
    const stored = await youngPeopleRepository(db).get(session, millie.id);
    expect(stored?.socialWorker).toBe('Priya Shah');
    expect(stored?.personalTutorId).toBe(grace.id);
  }, 60_000);
});
