import { describe, expect, it } from 'vitest';
import type { SyncHttpRequest } from '../../../../../shared/ipc/channels/sync';
import { parsePairingCode } from '../../../../../shared/sync/pairing-code';
import { openPairing } from '../../../../../shared/sync/pairing-envelope';
import { derivePairingKeys } from '../../../../../shared/sync/pairing-keys';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { addComputer, setUpSync } from '../../../../../renderer/src/db/sync/pairing-flow';
import { joinSyncHome } from '../../../../../renderer/src/db/sync/sync-home';
import { isJoining } from '../../../../../renderer/src/db/sync/sync-joining';
import { pumpChanges } from '../../../../../renderer/src/db/sync/sync-pump';
import {
  connectSync,
  publishRegistry,
  remoteOf,
  runSync,
} from '../../../../../renderer/src/db/sync/sync-runner';
import { joiningBatchSize, replicateOnce } from '../../../../../renderer/src/platform/sync/replicator';
import { couchTestRig, homeDatabase } from '../../../electron/services/sync/couch-test-rig';
import { pairedComputers } from '../paired-computer';
import { clearCheck, dawnMorris } from '../test-database';
import { testSession } from '../test-session';

/**
 * A computer still joining runs sync as the app does (`runSync`): it pulls the home one way, so
 * nothing of the mirror is offered back to the server meanwhile, and only then syncs live both
 * ways, its pull carrying on from the first pull's checkpoint rather than the start.
 */

const { couch, server, syncService, addition } = couchTestRig('family-links-joining-pull-');
const now = new Date();
const computer = pairedComputers(syncService);

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function quiet(requests: readonly unknown[]): Promise<void> {
  for (let count = -1; count !== requests.length;) {
    count = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const isPush = (request: SyncHttpRequest) =>
  request.method === 'POST' && ['/_revs_diff', '/_bulk_docs'].includes(request.path);
const isChanges = (request: SyncHttpRequest) => request.path === '/_changes';

describe('a joining computer’s first pull', () => {
  it('pulls one way first, then syncs both ways from where that pull ended', async () => {
    const office = await computer('office');
    const frontDesk = await computer('front-desk');
    const manager = await testSession(['registeredManager']);
    // This computer's manager's requests, and the server admin's sign-in they type.
    const { calls } = office;
    const admin = couch().admin;
    const visitors = visitorLogRepository(office.db, manager.cipher);
    expect((await visitors.signIn(manager, dawnMorris, clearCheck, '2026-12-01')).ok).toBe(true);
    const input = { server: server(), admin, createDatabase: true, name: 'Office' };
    expect((await setUpSync(office.db, calls, office.store, manager, input, now)).ok).toBe(true);
    const officeSync = await connectSync(office.db, office.api, office.store, office.mirrorOf);
    if (!officeSync) throw new Error('The office is not connected');
    await publishRegistry(officeSync);
    await pumpChanges(office.db, officeSync.mirror, officeSync.keys, officeSync.home.device);
    await replicateOnce(officeSync.mirror, remoteOf(officeSync));
    const issued = await addComputer(officeSync, calls, manager, addition('Front desk'), now);
    if (!issued.ok) throw new Error(issued.error.message);

    // The front desk takes its server user with the code and keeps the home's key: joining.
    const parsed = parsePairingCode(issued.value.text);
    if (!parsed.ok) throw new Error('The code does not parse');
    const keys = await derivePairingKeys(parsed.code, homeDatabase);
    const join = { server: server(), pairingId: parsed.code.pairingId, joinPassword: keys.joinPassword };
    const fetched = await frontDesk.api['sync:fetch-pairing'](join);
    if (!fetched.ok || fetched.value.outcome !== 'done') throw new Error('The pairing was not fetched');
    const pairing = await openPairing({
      keys,
      envelope: fetched.value.envelope,
      pairingId: parsed.code.pairingId,
      database: homeDatabase,
      now,
    });
    if (!pairing.ok || pairing.bundle.v === 1) throw new Error('The pairing does not open');
    await joinSyncHome(frontDesk.db, frontDesk.store, pairing.bundle, now);
    expect(await frontDesk.api['sync:complete-join'](join)).toMatchObject({ ok: true });
    expect(await isJoining(frontDesk.db)).toBe(true);

    const frontSync = await connectSync(frontDesk.db, frontDesk.api, frontDesk.store, frontDesk.mirrorOf);
    if (!frontSync) throw new Error('The front desk is not connected');
    const onServer = (await remoteOf(officeSync).info()).doc_count;
    const running = runSync(frontSync);
    try {
      const frontVisitors = visitorLogRepository(frontDesk.db, manager.cipher);
      await until(
        async () => (await frontVisitors.onSite()).length === 1,
        'the visitor to reach the front desk',
      );
      expect((await frontSync.mirror.info()).doc_count).toBeGreaterThanOrEqual(onServer);
      // Live both ways once the first pull is done: a document put in the mirror reaches the server.
      await frontSync.mirror.put({ _id: 'zz-live-check', kind: 'test' });
      await until(
        () =>
          remoteOf(officeSync)
            .get('zz-live-check')
            .then(() => true)
            .catch(() => false),
        'the mirror’s document to reach the server',
      );
    } finally {
      running.stop();
      // Requests already under way finish before the server closes after the tests.
      await quiet(frontDesk.requests);
    }

    const requests = frontDesk.requests;
    // Nothing was offered to the server until the one-way pull, in large batches, had finished.
    const firstPush = requests.findIndex(isPush);
    const joiningPulls = requests.flatMap((request, index) =>
      isChanges(request) && request.query.includes(`limit=${joiningBatchSize}`) ? [index] : [],
    );
    expect(joiningPulls.length).toBeGreaterThan(0);
    expect(firstPush).toBeGreaterThan(Math.max(...joiningPulls));
    // The live pull carries on from the first pull's checkpoint: the home is read from the start once.
    const fromStart = requests.filter(
      (request) => isChanges(request) && /(^|&)since=0(&|$)/.test(request.query),
    );
    expect(fromStart).toHaveLength(1);
  }, 60_000);
});
