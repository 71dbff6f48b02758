import { describe, expect, it } from 'vitest';
import { sealEnvelope } from '../../../../../shared/sync/sync-envelope';
import { homeSettingsRepository } from '../../../../../renderer/src/db/repositories/home-settings-repository';
import { outboxRepository } from '../../../../../renderer/src/db/repositories/outbox-repository';
import { auditHeadKey } from '../../../../../renderer/src/db/repositories/audit-chain-reads';
import { appliesTablesKey, applyIncoming } from '../../../../../renderer/src/db/sync/sync-applier';
import { pumpChanges } from '../../../../../renderer/src/db/sync/sync-pump';
import { exchange, homeRenamedOnBoth, oakHouse, send, twoComputers, type Computer } from '../sync-computers';
import { panAlertHome, queuePanAlert } from '../pan-alert-test-home';
import { okValue } from '../../ok-value';
import { homeSettingKeys } from '../../../../../shared/rules/sync-scope';
import { appliedSettingKeys } from '../../../../../renderer/src/db/sync/replicated-rows';
import { isReplicatedRow } from '../../../../../renderer/src/db/sync/change-log';
import { restoreMarkerKey } from '../../../../../renderer/src/db/backup/database-at-start';
import { signingAuthoritySettingKey } from '../../../../../renderer/src/db/encryption/signing-keys';
import { contactFormSettingsKey } from '../../../../../renderer/src/db/repositories/contact-form-settings-repository';

/**
 * The home's settings and its outbox between two computers (docs/sync-design.md, "Settings and
 * the outbox"): a home setting made on one shows on the other, a computer's own state never
 * leaves it, and an alert queued on one is listed everywhere but sent only by the computer that
 * queued it.
 */

const homeName = async (at: Computer) => (await homeSettingsRepository(at.db).get())?.name;

/** The settings changes waiting in a computer's change log, before they are pumped. */
const settingsLogged = async (at: Computer) =>
  (await at.db.syncChangeLog.toArray()).filter((row) => row.table === 'settings');

describe('the home’s settings between two computers', () => {
  it('a home name set on one computer shows on the other', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    okValue(await homeSettingsRepository(frontDesk.db).save(frontDesk.session, oakHouse));
    expect(await homeName(office)).toBeUndefined();
    await exchange(frontDesk, office, keys);
    expect(await homeName(office)).toBe('Oak House');
    // Applied from elsewhere, so the office does not send it back as its own change.
    expect(await settingsLogged(office)).toEqual([]);
    expect(await office.db.syncProblems.count()).toBe(0);
  });

  it('a computer’s own state (its audit head) never leaves it, and one sent by an older version is not applied', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    okValue(await homeSettingsRepository(frontDesk.db).save(frontDesk.session, oakHouse));
    okValue(await homeSettingsRepository(office.db).saveSecurity(office.session, { autoLockMinutes: 7 }));
    const frontHead = (await frontDesk.db.settings.get(auditHeadKey))?.value;
    const officeHead = (await office.db.settings.get(auditHeadKey))?.value;
    expect(frontHead).toBeDefined();
    expect(officeHead).not.toEqual(frontHead);
    expect((await settingsLogged(frontDesk)).map((row) => row.key)).toEqual(['home']);

    // An earlier version logged every settings row: the front desk's head, as it would have sent it.
    const n = (await frontDesk.db.syncDevice.get('this'))!.nextSeq + 100;
    await pumpChanges(frontDesk.db, frontDesk.mirror, keys, frontDesk.device);
    await frontDesk.mirror.bulkDocs([
      await sealEnvelope(keys, frontDesk.device, n, {
        table: 'settings',
        key: auditHeadKey,
        op: 'put',
        row: { key: auditHeadKey, value: frontHead },
        base: null,
        seen: {},
        at: new Date().toISOString(),
      }),
    ]);
    await exchange(frontDesk, office, keys);
    // Each keeps its own head; the home's settings went both ways.
    expect((await office.db.settings.get(auditHeadKey))?.value).not.toEqual(frontHead);
    expect((await frontDesk.db.settings.get(auditHeadKey))?.value).not.toEqual(officeHead);
    expect(await homeName(office)).toBe('Oak House');
    expect((await homeSettingsRepository(frontDesk.db).getSecurity()).autoLockMinutes).toBe(7);
    // Received (so no gap is reported), refused by nobody, applied nowhere.
    expect(await office.db.syncProblems.count()).toBe(0);
    expect(
      await office.db.syncApplied.where('[deviceId+n]').equals([frontDesk.device.deviceId, n]).count(),
    ).toBe(1);
  });

  it('the home name changed on both computers at once is a conflict, the same winner on both', async () => {
    const { frontDesk, office } = await homeRenamedOnBoth();
    const [frontConflicts, officeConflicts] = await Promise.all([
      frontDesk.db.syncConflicts.toArray(),
      office.db.syncConflicts.toArray(),
    ]);
    expect(frontConflicts.map((conflict) => conflict.id)).toEqual(['settings/home']);
    expect(officeConflicts.map((conflict) => conflict.id)).toEqual(['settings/home']);
    expect(await homeName(frontDesk)).toBe(await homeName(office));
  });

  it('a home setting refused by its own schema is not applied', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    await frontDesk.mirror.bulkDocs([
      await sealEnvelope(keys, frontDesk.device, 1, {
        table: 'settings',
        key: 'home',
        op: 'put',
        row: { key: 'home', value: { name: 'Oak House', ofstedUrn: 'not a URN' } },
        base: null,
        seen: {},
        at: new Date().toISOString(),
      }),
    ]);
    await frontDesk.mirror.replicate.to(office.mirror);
    expect(await applyIncoming(office.db, office.mirror, keys)).toMatchObject({ applied: 0, refused: 1 });
    expect(await homeName(office)).toBeUndefined();
    expect((await office.db.syncProblems.toArray()).map((problem) => problem.reason)).toEqual([
      'not-a-valid-row',
    ]);
  });

  it('a computer that held settings under an earlier version applies them once it takes them', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    okValue(await homeSettingsRepository(frontDesk.db).save(frontDesk.session, oakHouse));
    const numbers = (await settingsLogged(frontDesk)).map((row) => row.seq);
    await exchange(frontDesk, office, keys);
    // As the office was before: the settings changes received but held, the home's name missing.
    await office.db.transaction(
      'rw',
      [office.db.syncApplied, office.db.settings, office.db.syncVersions, office.db.syncState],
      async () => {
        const held = await office.db.syncApplied
          .where('deviceId')
          .equals(frontDesk.device.deviceId)
          .filter((row) => numbers.includes(row.n))
          .toArray();
        expect(held).toHaveLength(1);
        await office.db.syncApplied.bulkPut(held.map((row) => ({ ...row, held: 1 as const })));
        await office.db.settings.delete('home');
        await office.db.syncVersions.delete('settings/home');
        await office.db.syncState.put({
          key: appliesTablesKey,
          value: 'the tables an earlier version applied',
        });
      },
    );
    expect(await homeName(office)).toBeUndefined();
    const outcome = await applyIncoming(office.db, office.mirror, keys);
    expect(outcome).toMatchObject({ applied: 1, refused: 0, held: 0 });
    expect(await homeName(office)).toBe('Oak House');
    expect(await office.db.syncProblems.count()).toBe(0);
  });
});

describe('the outbox between two computers', () => {
  it('an alert queued on one is listed on the other, and sent only by the first', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    const home = await panAlertHome(frontDesk.db);
    const queued = okValue(
      await queuePanAlert(frontDesk.db, home.manager, {
        youngPersonId: home.youngPerson.id,
        event: 'formFiled',
        reference: 'CF-1',
      }),
    );
    const [message] = queued.messages;
    if (!message) throw new Error('Filing the form queued no alert');
    expect(message.queuedOn).toBe(frontDesk.device.deviceId);
    await exchange(frontDesk, office, keys);

    const atFront = outboxRepository(frontDesk.db);
    const atOffice = outboxRepository(office.db);
    const listed = await atOffice.list(home.manager);
    expect(
      listed.map((listedMessage) => [listedMessage.id, listedMessage.state, listedMessage.isSentElsewhere]),
    ).toEqual([[message.id, 'queued', true]]);
    expect((await atFront.list(home.manager)).map((listedMessage) => listedMessage.isSentElsewhere)).toEqual([
      false,
    ]);

    // The office never takes it to send, nor lets anyone try it again, cancel it or mark it sent there.
    expect(await atOffice.dueIds()).toEqual([]);
    expect(await atOffice.claim(home.manager, message.id)).toBeUndefined();
    for (const refused of [
      await atOffice.retry(home.manager, message.id),
      await atOffice.cancel(home.manager, message.id),
      await atOffice.markSentFromMailClient(home.manager, message.id),
    ])
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(okValue(await atOffice.sendAllWaitingNow(home.manager))).toBe(0);

    // The front desk sends it; the office sees it sent.
    expect(await atFront.dueIds()).toEqual([message.id]);
    expect(await atFront.claim(home.manager, message.id)).toBeDefined();
    okValue(await atFront.recordSent(home.manager, message.id, '<m1@home.example>'));
    await exchange(frontDesk, office, keys);
    const after = await atOffice.list(home.manager);
    expect(after.map((listedMessage) => [listedMessage.state, listedMessage.serverMessageId])).toEqual([
      ['sent', '<m1@home.example>'],
    ]);
    expect(await office.db.syncProblems.count()).toBe(0);
    expect(await office.db.syncConflicts.count()).toBe(0);
  });

  it('a message queued before sync was set up is sent by the first computer only', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    const home = await panAlertHome(frontDesk.db);
    const [message] = okValue(
      await queuePanAlert(frontDesk.db, home.manager, {
        youngPersonId: home.youngPerson.id,
        event: 'formFiled',
        reference: 'CF-2',
      }),
    ).messages;
    if (!message) throw new Error('no alert');
    // As it was queued before sync: no computer named on it, its version the front desk's own.
    const stored = await frontDesk.db.outbox.get(message.id);
    const { queuedOn: _left, ...unnamed } = stored!;
    await frontDesk.db.outbox.put(unnamed);
    await send(frontDesk, office, keys);
    await applyIncoming(office.db, office.mirror, keys);
    expect(await outboxRepository(frontDesk.db).dueIds()).toEqual([message.id]);
    expect(await outboxRepository(office.db).dueIds()).toEqual([]);
  });
});

describe('the settings the applier takes', () => {
  it('knows the form of every home setting, and of nothing else', () => {
    expect([...appliedSettingKeys].sort()).toEqual([...homeSettingKeys].sort());
    // This computer's own state, wherever its key is named in the code.
    for (const key of [auditHeadKey, restoreMarkerKey, 'rowSeals', 'keyRotation:casework'])
      expect(isReplicatedRow('settings', key)).toBe(false);
    expect(isReplicatedRow('settings', signingAuthoritySettingKey)).toBe(true);
    expect(isReplicatedRow('settings', contactFormSettingsKey)).toBe(true);
  });
});
