// @vitest-environment node
// (Node's own WebCrypto and byte types: jsdom's realm makes WebCrypto refuse bytes made by atob.)
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { latestSchemaVersion } from '../../../../../renderer/src/db/schema-versions';
import { inputsMarkerId } from '../../../../../renderer/src/db/review-summary-invalidation';
import { tableDigests, type AnchorRebase } from '../../../../../renderer/src/db/backup/restore-backup';
import { writeBackup } from '../../../../../renderer/src/db/backup/write-backup';
import type { Session } from '../../../../../renderer/src/db/session';
import { generateHome } from '../../../../fixtures/generate-home';
import { loadFixture } from '../../../../fixtures/load-fixture';
import {
  addManagerKeys,
  type BackupRig,
  backupRig,
  loadedSource,
  managerUsernameOf,
  openedDb,
  restoreAsManager,
  rowsIn,
  withoutPendingAudit,
  writeManualBackup,
} from './backup-test-support';

const home = generateHome({ size: 'small', seed: 3 });
const managerUsername = managerUsernameOf(home);
const now = new Date('2026-11-29T21:30:00Z');

let source: FamilyLinksDb;
let session: Session;

beforeAll(async () => {
  ({ source, session } = await loadedSource('backup-source', home));
}, 120_000);

describe('a backup restored into an empty install gives back every table as stored', () => {
  it('has identical per-table hashes after the round trip, streamed in small chunks', async () => {
    const rig = await backupRig();
    // Small pages force many chunks, as 100k rows would.
    const written = await writeManualBackup(source, session.dataKey, rig.writes, { now, pageSize: 50 });
    expect(await rig.list()).toEqual([written.fileName]);

    const target = await openedDb('backup-target');
    const rebased: { readId: string; staffId: string }[] = [];
    const rebaseAnchor: AnchorRebase = ({ readId, staffId }) => {
      rebased.push({ readId, staffId });
      return Promise.resolve({ moved: true });
    };
    const restored = await restoreAsManager(home, {
      live: target,
      rig,
      fileName: written.fileName,
      rebaseAnchor,
    });
    if (!restored.ok) throw new Error(restored.error.message);

    const reopened = await openedDb('backup-target', target.factory);
    const before = await tableDigests(source);
    const after = await tableDigests(reopened);
    // Every table as stored, but for the one entry the restore leaves for the audit log.
    expect(withoutPendingAudit(after)).toEqual(withoutPendingAudit(before));
    // The anchor moves to the head the backup's header names, for the backup main opened, as the
    // manager whose password opened it (the main process's side: tests/unit/electron).
    const lastEntry = await source.audit.orderBy('seq').last();
    expect(restored.value.header.auditHead).toEqual(
      lastEntry ? { seq: lastEntry.seq, mac: lastEntry.mac } : null,
    );
    expect(rebased).toEqual([
      {
        readId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        staffId: session.staff.id,
      },
    ]);
    const left = (await reopened.pendingAudit.toArray()).filter(
      (entry) => entry.action === 'backup.restored',
    );
    expect(left).toHaveLength(1);
    expect(left[0]?.detail).toContain(`opened with ${managerUsername.toLowerCase()}'s password`);
    expect(before.get('visitorLog')?.rows).toBeGreaterThan(100);
    expect(restored.value.header.schemaVersion).toBe(latestSchemaVersion);
  }, 120_000);

  it('restores settings whose keys sort on both sides of the restore’s own marker row', async () => {
    // The marker (settings key restoreInProgress) sits among the settings the restore reads
    // back; it is the restore's, not the backup's, and must not count against it.
    const after = { key: 'zz-after-the-marker', value: 'kept' };
    await source.settings.put(after);
    try {
      const rig = await backupRig();
      const written = await writeManualBackup(source, session.dataKey, rig.writes, { now });
      const target = await openedDb('marker-target', new IDBFactory());
      const restored = await restoreAsManager(home, { live: target, rig, fileName: written.fileName });
      if (!restored.ok) throw new Error(restored.error.message);
      const reopened = await openedDb('marker-target', target.factory);
      const keys = (await reopened.settings.toArray()).map((row) => row.key);
      expect(keys).toContain(after.key);
      expect(keys.some((key) => key < 'restoreInProgress')).toBe(true);
      expect(keys).not.toContain('restoreInProgress');
    } finally {
      await source.settings.delete(after.key);
    }
  }, 60_000);

  it('leaves the derived review summaries out, so a restored install starts with none to go stale', async () => {
    const summaries = await openedDb('backup-summaries-source');
    await loadFixture(summaries, home, session);
    await addManagerKeys(summaries, session);
    await summaries.reviewSummaries.bulkPut([
      { id: '#inputs', token: 'before the backup' },
      { id: 'a-young-person|a-year|autumn', token: 'stands in for a summary' },
    ]);
    const rig = await backupRig();
    const written = await writeManualBackup(summaries, session.dataKey, rig.writes, { now });
    expect(written.manifest.tables.map((table) => table.name)).not.toContain('reviewSummaries');

    const target = await openedDb('backup-summaries-target');
    const restored = await restoreAsManager(home, { live: target, rig, fileName: written.fileName });
    if (!restored.ok) throw new Error(restored.error.message);
    const reopened = await openedDb('backup-summaries-target', target.factory);
    // Only the marker that the restore's own writes leave (a new token): no summary.
    expect((await reopened.reviewSummaries.toArray()).map((row) => row.id)).toEqual([inputsMarkerId]);
    expect(withoutPendingAudit(await tableDigests(reopened))).toEqual(
      withoutPendingAudit(await tableDigests(summaries)),
    );
  }, 120_000);

  it('keeps the last N backups, the oldest removed once the schedule has made N since', async () => {
    const rig = await backupRig();
    // Two kept, weekly: a backup leaves the folder once it is 14 days old and two newer ones exist.
    await rig.setKeep(2);
    const names: string[] = [];
    for (const day of ['01', '15', '29']) {
      const at = new Date(`2026-11-${day}T21:00:00Z`);
      const written = await writeBackup(source, session.dataKey, rig.writesAt(at.toISOString()), {
        reason: 'scheduled',
        appVersion: '0.1.0',
        now: at,
      });
      if (!written.ok) throw new Error(written.error.message);
      names.push(written.value.fileName);
    }
    expect(await rig.list()).toEqual(names.slice(1).sort());
  }, 60_000);
});

describe('a restore is refused with a clear reason, and nothing is written', () => {
  let rig: BackupRig;
  let fileName: string;

  beforeAll(async () => {
    rig = await backupRig();
    const written = await writeManualBackup(source, session.dataKey, rig.writes, { now });
    fileName = written.fileName;
  }, 60_000);

  /** A restore with IndexedDB's adds changed is refused as damaged, and nothing is left. */
  /** Restoring with `options` is refused with `error`, and not one row is written. */
  async function expectRefused(options: Parameters<typeof restoreInto>[0], error: object) {
    const { result, rows } = await restoreInto(options);
    expect(result).toMatchObject({ ok: false, error });
    expect(rows).toBe(0);
  }

  async function expectRefusedAsDamaged(restoreAdds: () => void) {
    try {
      await expectRefused({}, { code: 'damaged' });
    } finally {
      restoreAdds();
    }
  }

  async function restoreInto(options: { username?: string; password?: string; name?: string } = {}) {
    const target = await openedDb('refusal-target', new IDBFactory());
    const result = await restoreAsManager(home, {
      live: target,
      rig,
      fileName: options.name ?? fileName,
      username: options.username,
      password: options.password,
    });
    const reopened = await openedDb('refusal-target', target.factory);
    const rows = await rowsIn(reopened);
    return { result, rows };
  }

  it('refuses a damaged file (one byte changed) by its checksum', async () => {
    const bytes = await rig.read(fileName);
    const damagedName = fileName.replace('-manual', '-manual-1');
    const copy = bytes.slice();
    const middle = Math.floor(copy.length / 2);
    copy[middle] = copy[middle] === 65 ? 66 : 65;
    await rig.write(damagedName, copy);
    await expectRefused(
      { name: damagedName },
      { code: 'damaged', message: expect.stringMatching(/damaged.*Nothing was restored/s) as unknown },
    );
  });

  it('refuses, as damaged, a restore in which IndexedDB did not keep a row as given', async () => {
    // One byte of one sealed visitor-log row changed on its way into the store, as a faulty
    // disk or browser might: the read-back of the rows just written must see it.
    const restoreAdds = changeAdds('visitorLog', (row) => {
      const sealed = row.sealed as { data: ArrayBuffer };
      const changed = new Uint8Array(sealed.data.slice(0));
      changed[0] = (changed[0] ?? 0) ^ 1;
      return { ...row, sealed: { ...sealed, data: changed.buffer } };
    });
    await expectRefusedAsDamaged(restoreAdds);
  });

  it('refuses, as damaged, a restore after which a table holds a row the backup did not', async () => {
    // Beside the first visitor-log row, a copy under a key after every other (outside any
    // range the restore wrote and read back): only the table's count can tell.
    const restoreAdds = changeAdds('visitorLog', (row, store) => {
      store.add({ ...row, id: 'zzzz-not-in-the-backup' });
      return row;
    });
    await expectRefusedAsDamaged(restoreAdds);
  });

  it('refuses a cut-short file', async () => {
    const bytes = await rig.read(fileName);
    const cutName = fileName.replace('-manual', '-manual-2');
    await rig.write(cutName, bytes.subarray(0, bytes.length - 500));
    await expectRefused({ name: cutName }, { code: 'damaged' });
  });

  it('refuses a password that does not open it', async () => {
    await expectRefused(
      { password: 'not the password at all' },
      { code: 'wrong-password', message: expect.stringContaining('do not open this backup') as unknown },
    );
  });

  it('refuses a backup from a newer version of the app, before asking for anything else', async () => {
    const bytes = new TextDecoder().decode(await rig.read(fileName)).split('\n');
    const header = JSON.parse(bytes[1] ?? '{}') as { schemaVersion: number };
    header.schemaVersion = latestSchemaVersion + 1;
    bytes[1] = JSON.stringify(header);
    const body = `${bytes.slice(0, -2).join('\n')}\n`;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
    const hex = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    const newerName = fileName.replace('-manual', '-manual-3');
    await rig.write(newerName, `${body}END ${hex}\n`);
    await expectRefused(
      { name: newerName, password: 'wrong too' },
      { code: 'newer-schema', message: expect.stringContaining('newer version of Family Links') as unknown },
    );
  });

  it('refuses to restore over an install that already holds records', async () => {
    const result = await restoreAsManager(home, { live: source, rig, fileName });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-empty' } });
    expect(await source.staff.count()).toBe(home.staff.length);
  });

  it('refuses a name that is not a backup in its folder (no paths)', async () => {
    const { result } = await restoreInto({ name: '../user-data/backup-settings.json' });
    expect(result).toMatchObject({ ok: false });
  });
});

/** IndexedDB stores the first row added to `storeName` as `change` gives it back (once); undoes the patch. */
function changeAdds(
  storeName: string,
  change: (row: Record<string, unknown>, store: IDBObjectStore) => Record<string, unknown>,
): () => void {
  const prototype = globalThis.IDBObjectStore.prototype as {
    add: (this: IDBObjectStore, value: unknown, ...rest: unknown[]) => IDBRequest;
  };
  const original = prototype.add;
  let changed = false;
  prototype.add = function (this: IDBObjectStore, value: unknown, ...rest: unknown[]) {
    if (changed || this.name !== storeName) return original.call(this, value, ...rest);
    changed = true;
    prototype.add = original;
    return original.call(this, change(value as Record<string, unknown>, this), ...rest);
  };
  return () => {
    prototype.add = original;
  };
}
