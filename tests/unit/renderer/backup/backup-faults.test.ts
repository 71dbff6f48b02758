// @vitest-environment node
// (Node's own WebCrypto and byte types: jsdom's realm makes WebCrypto refuse bytes made by atob.)
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { auditLog } from '../../../../renderer/src/db/repositories/audit-log-repository';
import { restoreBackup } from '../../../../renderer/src/db/backup/restore-backup';
import { writeBackup } from '../../../../renderer/src/db/backup/write-backup';
import type { Session } from '../../../../renderer/src/db/session';
import { generateHome } from '../../../fixtures/generate-home';
import { fixtureSession, loadFixture } from '../../../fixtures/load-fixture';
import { addManagerKeys, backupRig, managerPassword, openedDb, type BackupRig } from './backup-test-support';
import { mainProcessRebase } from '../../../../renderer/src/security/restore-anchor';

const home = generateHome({ size: 'small', seed: 5 });
const managerUsername = home.staff[0]?.username ?? '';

/** IndexedDB refuses writes after `allowed` more adds, as a full disk or a quota makes it. */
function failAddsAfter(allowed: number, name: 'QuotaExceededError' | 'AbortError') {
  const prototype = globalThis.IDBObjectStore.prototype as { add: (...args: unknown[]) => unknown };
  const original = prototype.add;
  let calls = 0;
  prototype.add = function (this: unknown, ...args: unknown[]) {
    calls += 1;
    if (calls > allowed) throw new DOMException('The disk is full (simulated).', name);
    return original.apply(this, args);
  };
  return () => {
    prototype.add = original;
  };
}

let source: FamilyLinksDb;
let session: Session;
let rig: BackupRig;
let fileName: string;
let restoreAdds: (() => void) | undefined;

beforeAll(async () => {
  source = await openedDb('faults-source');
  session = await fixtureSession(home);
  await loadFixture(source, home, session);
  await addManagerKeys(source, session);
  rig = await backupRig();
  const written = await writeBackup(source, session.dataKey, rig.port, {
    reason: 'manual',
    appVersion: '0.1.0',
    now: new Date('2026-11-29T22:00:00Z'),
    pageSize: 40,
  });
  if (!written.ok) throw new Error(written.error.message);
  fileName = written.value.fileName;
}, 120_000);

afterEach(() => {
  restoreAdds?.();
  restoreAdds = undefined;
});

describe('IndexedDB running out of space or aborting mid-write', () => {
  it.each([
    ['QuotaExceededError', 'storage-full', /ran out of space/],
    ['AbortError', 'write-failed', /could not be written/],
  ] as const)(
    'a restore hit by %s says so plainly and leaves the install empty, not half-restored',
    async (errorName, code, words) => {
      const target = await openedDb('faults-target', new IDBFactory());
      restoreAdds = failAddsAfter(150, errorName);
      const result = await restoreBackup({
        live: target,
        port: rig.port,
        source: { source: 'folder', fileName },
        username: managerUsername,
        password: managerPassword,
        rebaseAnchor: mainProcessRebase(),
      });
      restoreAdds();
      restoreAdds = undefined;
      expect(result).toMatchObject({
        ok: false,
        error: { code, message: expect.stringMatching(words) as unknown },
      });
      expect(result.ok ? '' : result.error.message).toContain('Nothing was restored');
      const reopened = await openedDb('faults-target', target.factory);
      const rows = (await Promise.all(reopened.tables.map((table) => table.count()))).reduce(
        (sum, count) => sum + count,
        0,
      );
      expect(rows).toBe(0);
    },
    60_000,
  );

  it('an audited change refused for lack of space writes neither the change nor its audit entry', async () => {
    const before = { audit: await source.audit.count(), people: await source.people.count() };
    restoreAdds = failAddsAfter(0, 'QuotaExceededError');
    const attempt = auditLog(source).write(
      { actorId: session.staff.id, auditKey: session.auditKey },
      [{ action: 'person.created', recordType: 'person', recordId: 'x' }],
      [source.people],
      async () => {
        await source.people.add({
          id: crypto.randomUUID(),
          sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(16) },
        });
      },
      new Date(),
    );
    await expect(attempt).rejects.toThrow();
    restoreAdds();
    restoreAdds = undefined;
    expect({ audit: await source.audit.count(), people: await source.people.count() }).toEqual(before);
  });
});
