import { X509Certificate } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import {
  addComputer,
  joinHome,
  listComputers,
  removeComputer,
  endorsePendingAdditions,
  setUpSync,
  type PullProgress,
} from '../../../../../renderer/src/db/sync/pairing-flow';
import { createPendingAdditions } from '../../../../../renderer/src/db/sync/pending-additions';
import { isJoining } from '../../../../../renderer/src/db/sync/sync-joining';
import { pumpChanges } from '../../../../../renderer/src/db/sync/sync-pump';
import { connectSync, publishRegistry, remoteOf } from '../../../../../renderer/src/db/sync/sync-runner';
import { openMirror, replicateOnce } from '../../../../../renderer/src/platform/sync/replicator';
import { belongsToHome } from '../../../../../renderer/src/db/sync/place-in-home';
import { couchTestRig } from '../../../electron/services/sync/couch-test-rig';
import { managerCallsTo, pairedComputer, pairedComputers } from '../paired-computer';
import { databasesClosedAfterEach, dawnMorris, signInVisitor } from '../test-database';
import { standInAccountKeys, testSession } from '../test-session';

/**
 * The pairing flows against a CouchDB-protocol server, two computers in one test as the home has
 * them: each with its own records, device keys, mirror and main process (its sync service).
 */

const { couch, server, syncService, addition, homeAuthorityPem } = couchTestRig('family-links-pairing-');
// The main process checks a code's expiry against its own clock.
const now = new Date();
const computer = pairedComputers(syncService);
const opened = databasesClosedAfterEach();

const actions = async (db: { audit: { toArray(): Promise<{ action: string }[]> } }) =>
  (await db.audit.toArray()).map((entry) => entry.action);

describe('setting up, adding, joining and removing computers', () => {
  it('a new computer joins with its code, pulls the home with progress, and once removed is refused', async () => {
    const office = await computer('office');
    const frontDesk = await computer('front-desk');
    const manager = await testSession(['registeredManager']);
    await office.db.accountKeys.put(standInAccountKeys(manager.staff.id));
    await signInVisitor(office.db, manager);

    // A care worker cannot set sync up; the manager can.
    const careWorker = await testSession(['careStaff']);
    // This computer's manager's requests, and the server admin's sign-in they type.
    const { calls } = office;
    const admin = couch().admin;
    const input = { server: server(), admin, createDatabase: true, name: 'Office' };
    expect(await setUpSync(office.db, calls, office.store, careWorker, input, now)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await setUpSync(office.db, calls, office.store, manager, input, now)).toMatchObject({
      ok: true,
    });
    expect(await actions(office.db)).toContain('sync.set-up');
    const officeSync = await connectSync(office.db, office.api, office.store, office.mirrorOf);
    if (!officeSync) throw new Error('The office is not connected');
    // Listed at once, before sync's first pass has put its registry document in the mirror.
    expect((await listComputers(officeSync)).map((device) => [device.name, device.isRoot])).toEqual([
      ['Office', true],
    ]);
    // The office's run of sync: its registry and its records to the server.
    const push = async () => {
      await publishRegistry(officeSync);
      await pumpChanges(office.db, officeSync.mirror, officeSync.keys, officeSync.home.device);
      await replicateOnce(officeSync.mirror, remoteOf(officeSync));
      await replicateOnce(remoteOf(officeSync), officeSync.mirror);
    };
    await push();

    expect(await addComputer(officeSync, calls, manager, addition('  '), now)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const issued = await addComputer(officeSync, calls, manager, addition('Front desk'), now);
    if (!issued.ok) throw new Error(issued.error.message);
    expect(issued.value.text).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4} {2}[a-z]+( [a-z]+){5}$/);
    // Kept by the app, not the panel: no panel is open while the front desk joins.
    const pending = createPendingAdditions();
    pending.add(issued.value);
    await endorsePendingAdditions(officeSync, calls, manager, pending, now);
    expect(pending.list()).toMatchObject([{ state: 'waiting' }]);

    // A wrong code is refused in words, and nothing is joined.
    const wrong = await joinHome(
      frontDesk.db,
      frontDesk.api,
      frontDesk.store,
      { server: server(), codeText: issued.value.text.replace(/ [a-z]+$/, ' river') },
      () => undefined,
      now,
      frontDesk.mirrorOf,
    );
    expect(wrong).toMatchObject({ ok: false });
    if (!wrong.ok) expect(wrong.error.message).toMatch(/code/i);
    expect(await isJoining(frontDesk.db)).toBe(false);
    expect(await frontDesk.homeAuthority.pinned()).toEqual({ state: 'none' });

    const progress: PullProgress[] = [];
    const joined = await joinHome(
      frontDesk.db,
      frontDesk.api,
      frontDesk.store,
      { server: server(), codeText: issued.value.text },
      (step) => progress.push(step),
      now,
      frontDesk.mirrorOf,
    );
    if (!joined.ok) throw new Error(joined.error.message);
    expect(joined.value.accounts).toBe(1);
    // Its main process trusts the home CA the code carried: a manager here is believed at once.
    expect(await frontDesk.homeAuthority.pinned()).toMatchObject({
      state: 'pinned',
      how: 'joined',
      fingerprint: new X509Certificate(homeAuthorityPem()).fingerprint256.replaceAll(':', '').toLowerCase(),
    });
    expect(await isJoining(frontDesk.db)).toBe(false);
    expect(progress[0]).toMatchObject({ stage: 'copying', done: 0 });
    expect(progress.at(-1)).toEqual({
      stage: 'applying',
      done: progress[0]?.total,
      total: progress[0]?.total,
    });
    expect(progress.every((step) => step.done <= step.total)).toBe(true);
    expect(progress.some((step) => step.stage === 'copying' && step.done > 0)).toBe(true);
    const frontVisitors = visitorLogRepository(frontDesk.db, manager.cipher);
    expect((await frontVisitors.onSite()).map((entry) => entry.visitorName)).toEqual([
      dawnMorris.visitorName,
    ]);
    // Nobody is signed in there yet: its own entry waits for the first sign-in.
    expect((await frontDesk.db.pendingAudit.toArray()).map((row) => row.action)).toContain('sync.joined');

    // The office's background look endorses it under the name the manager gave, and takes the
    // staff keyring down; once expired, a code's computer is not endorsed (checked below).
    await endorsePendingAdditions(officeSync, calls, manager, pending, now);
    expect(pending.list()).toMatchObject([{ state: 'joined', issued: { name: 'Front desk' } }]);
    await push();
    const computers = await listComputers(officeSync);
    expect(computers.map((device) => [device.name, device.isRoot]).sort()).toEqual([
      ['Front desk', false],
      ['Office', true],
    ]);
    expect(await actions(office.db)).toContain('sync.computer-added');
    const keyring = await remoteOf(officeSync)
      .get(`rk_${issued.value.pairingId}`)
      .catch(() => 'gone');
    expect(keyring).toBe('gone');

    // Removed: the server refuses its next request, and the registry names where its changes stop.
    const front = computers.find((device) => device.name === 'Front desk');
    if (!front) throw new Error('The front desk is not listed');
    const office2 = computers.find((device) => device.isRoot);
    if (!office2) throw new Error('The office is not listed');
    expect(await removeComputer(officeSync, calls, manager, admin, office2, now)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await removeComputer(officeSync, calls, careWorker, admin, front, now)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await removeComputer(officeSync, calls, manager, admin, front, now)).toMatchObject({
      ok: true,
    });
    expect(await actions(office.db)).toContain('sync.computer-removed');
    expect(
      (await listComputers(officeSync)).find((device) => device.deviceId === front.deviceId)?.removedFromSeq,
    ).toBeGreaterThan(0);
    const refused = await frontDesk.api['sync:http']({ method: 'GET', path: '/', query: '' });
    expect(refused).toMatchObject({ ok: true, value: { outcome: 'reply', status: 401 } });

    // A code past its expiry: the computer that joined with it is never endorsed.
    const staffRoom = await computer('staff-room');
    const late = await addComputer(officeSync, calls, manager, addition('Staff room'), now);
    if (!late.ok) throw new Error(late.error.message);
    pending.add(late.value);
    const joinedLate = await joinHome(
      staffRoom.db,
      staffRoom.api,
      staffRoom.store,
      { server: server(), codeText: late.value.text },
      () => undefined,
      now,
      staffRoom.mirrorOf,
    );
    if (!joinedLate.ok) throw new Error(joinedLate.error.message);
    const afterExpiry = new Date(new Date(late.value.expiresAt).getTime() + 1000);
    await endorsePendingAdditions(officeSync, calls, manager, pending, afterExpiry);
    expect(pending.list().find((addition) => addition.issued.name === 'Staff room')).toMatchObject({
      state: 'expired',
    });
    await endorsePendingAdditions(officeSync, calls, manager, pending, afterExpiry);
    await push();
    expect((await listComputers(officeSync)).map((device) => device.name)).not.toContain('Staff room');
    expect((await actions(office.db)).filter((action) => action === 'sync.computer-added')).toHaveLength(1);
  }, 90_000);

  it('a computer whose server settings are lost connects again as itself, and its removal still shuts it out', async () => {
    const manager = await testSession(['registeredManager']);
    const admin = couch().admin;
    // A database of its own: the first test's home holds the spec file's.
    const homeAgain = { ...server(), database: 'oak-house-again' };
    const office = await computer('office-again');
    await office.db.accountKeys.put(standInAccountKeys(manager.staff.id));
    const setUp = { server: homeAgain, admin, createDatabase: true, name: 'Office' };
    expect(await setUpSync(office.db, office.calls, office.store, manager, setUp, now)).toMatchObject({
      ok: true,
    });
    const officeSync = await connectSync(office.db, office.api, office.store, office.mirrorOf);
    if (!officeSync) throw new Error('The office is not connected');
    const sendRegistry = async () => {
      await publishRegistry(officeSync);
      await replicateOnce(officeSync.mirror, remoteOf(officeSync));
    };

    // The front desk joins; its main process is one that can be started again over its folder.
    const deskMain = await syncService();
    const frontDesk = pairedComputer('front-desk-again', deskMain, opened);
    const deskMirror = (database: string) => openMirror(`front-desk-again-${database}`);
    const issued = await addComputer(officeSync, office.calls, manager, addition('Front desk'), now);
    if (!issued.ok) throw new Error(issued.error.message);
    const pending = createPendingAdditions();
    pending.add(issued.value);
    const server1 = { server: homeAgain, codeText: issued.value.text };
    const joined = await joinHome(
      frontDesk.db,
      frontDesk.api,
      frontDesk.store,
      server1,
      () => undefined,
      now,
      deskMirror,
    );
    if (!joined.ok) throw new Error(joined.error.message);
    await endorsePendingAdditions(officeSync, office.calls, manager, pending, now);
    await sendRegistry();
    const deskSync = await connectSync(frontDesk.db, frontDesk.api, frontDesk.store, deskMirror);
    if (!deskSync) throw new Error('The front desk is not connected');
    await replicateOnce(remoteOf(deskSync), deskSync.mirror);
    await deskSync.mirror.close();
    const deskUser = deskSync.status.configured ? deskSync.status.computerUser : '';
    const users = async () =>
      ((await couch().call('GET', '/_users/_all_docs')).body as { rows: { id: string }[] }).rows
        .map((row) => row.id)
        .filter((id) => id.startsWith('org.couchdb.user:fl-'));
    const usersBefore = await users();

    // Its settings file is deleted and the app started again: it knows it belongs to the home.
    await rm(join(deskMain.folder, 'sync-settings.json'));
    const restarted = deskMain.reopen();
    const calls = managerCallsTo(restarted);
    const deskSetsUp = (through: typeof calls, input: typeof setUp) =>
      setUpSync(frontDesk.db, through, frontDesk.store, manager, input, now, deskMirror);
    expect(await restarted.getStatus()).toMatchObject({ configured: false });
    expect(await belongsToHome(frontDesk.db, frontDesk.store)).toBe(true);

    // Another database's name: this computer is not listed there, so nothing reaches the server.
    const start = couch().requests.length;
    const elsewhere = { ...setUp, server: { ...homeAgain, database: 'elm-house' }, name: '' };
    const wrong = await deskSetsUp(calls, elsewhere);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!wrong.ok) expect(wrong.error.message).toContain('elm-house');
    expect(couch().requests.slice(start)).toEqual([]);

    // The right one: the same user as before (no new one on the server), the same home and name.
    const again = { ...setUp, createDatabase: false, name: '' };
    const connected = await deskSetsUp(calls, again);
    expect(connected).toMatchObject({ ok: true, value: { configured: true, computerUser: deskUser } });
    expect(await users()).toEqual(usersBefore);
    expect(await actions(frontDesk.db)).toContain('sync.connected-again');
    expect(await actions(frontDesk.db)).not.toContain('sync.set-up');
    const listed = await listComputers(officeSync);
    expect(listed.map((device) => device.name).sort()).toEqual(['Front desk', 'Office']);
    expect(await restarted.http({ method: 'GET', path: '/', query: '' })).toMatchObject({ status: 200 });

    // Removed on the office: the user it connects as now is the one removed, so it is shut out.
    const desk = listed.find((device) => device.name === 'Front desk');
    if (!desk) throw new Error('The front desk is not listed');
    expect(await removeComputer(officeSync, office.calls, manager, admin, desk, now)).toMatchObject({
      ok: true,
    });
    expect(await restarted.http({ method: 'GET', path: '/', query: '' })).toMatchObject({ status: 401 });
    expect(await users()).not.toContain(`org.couchdb.user:${deskUser}`);

    // Lost again, it cannot come back: the server has no user for it, and its mirror, once it
    // has the removal, says so before asking.
    await rm(join(deskMain.folder, 'sync-settings.json'));
    const afterRemoval = managerCallsTo(deskMain.reopen());
    const refused = await deskSetsUp(afterRemoval, again);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await sendRegistry();
    const mirror = deskMirror(homeAgain.database);
    await replicateOnce(remoteOf(officeSync), mirror);
    await mirror.close();
    const known = await deskSetsUp(afterRemoval, again);
    expect(known).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!known.ok) expect(known.error.message).toContain('removed');
    expect(await users()).not.toContain(`org.couchdb.user:${deskUser}`);
  }, 90_000);
});
