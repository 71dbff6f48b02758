// @vitest-environment node
// (Node's own WebCrypto and byte types: jsdom's realm makes WebCrypto refuse bytes made by atob.)
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { auditLog } from '../../../../../renderer/src/db/repositories/audit-log-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import { generateHome } from '../../../../fixtures/generate-home';
import {
  type BackupRig,
  backupRig,
  loadedSource,
  openedDb,
  restoreAsManager,
  rowsIn,
  writeManualBackup,
} from './backup-test-support';

const home = generateHome({ size: 'small', seed: 5 });

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
  ({ source, session } = await loadedSource('faults-source', home));
  rig = await backupRig();
  const written = await writeManualBackup(source, session.dataKey, rig.writes, {
    now: new Date('2026-11-29T22:00:00Z'),
    pageSize: 40,
  });
  fileName = written.fileName;
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
      const result = await restoreAsManager(home, { live: target, rig, fileName });
      restoreAdds();
      restoreAdds = undefined;
      expect(result).toMatchObject({
        ok: false,
        error: { code, message: expect.stringMatching(words) as unknown },
      });
      expect(result.ok ? '' : result.error.message).toContain('Nothing was restored');
      const reopened = await openedDb('faults-target', target.factory);
      const rows = await rowsIn(reopened);
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
