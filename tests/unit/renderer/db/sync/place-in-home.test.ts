import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { belongsToHome, placeInHome } from '../../../../../renderer/src/db/sync/place-in-home';
import { setUpFirstComputer } from '../../../../../renderer/src/db/sync/sync-home';
import { openDeviceKeyStore } from '../../../../../renderer/src/platform/sync/device-key-store';
import { openMirror } from '../../../../../renderer/src/platform/sync/replicator';
import { databasesClosedAfterEach, freshDatabase } from '../test-database';

/**
 * Where a computer stands in its home when its server settings are gone: what decides whether
 * setting sync up again connects it in its own place. (With a server and a joined computer:
 * pairing-flow.test.ts, which also has one removed.)
 */

const opened = databasesClosedAfterEach();
const now = new Date('2026-12-01T10:00:00.000Z');

function computer(name: string) {
  const db = freshDatabase({ name });
  opened.push(db);
  const store = openDeviceKeyStore(new IDBFactory());
  opened.push({ close: () => store.close() } as never);
  // A mirror of its own for each database name, as the app's are; empty until sync fills it.
  const mirrorOf = (database: string) => openMirror(`${name}-${database}-${crypto.randomUUID()}`);
  return { db, store, mirrorOf };
}

describe('a computer’s place in its home', () => {
  it('is none on a computer in no home yet, which sets up as the first computer', async () => {
    const office = computer('no-home');
    expect(await belongsToHome(office.db, office.store)).toBe(false);
    expect(await placeInHome(office.db, office.store, 'oak-house', office.mirrorOf)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('is the first computer’s own document, from what it signed, even with its mirror empty', async () => {
    const office = computer('first-again');
    const home = await setUpFirstComputer(office.db, office.store, 'fl-oak-house-aaaaaaaa', now, 'Office');
    expect(await belongsToHome(office.db, office.store)).toBe(true);
    // Looking leaves no empty mirror behind, whatever database name was typed.
    const mirror = office.mirrorOf('oak-house');
    const destroy = vi.spyOn(mirror, 'destroy');
    const place = await placeInHome(office.db, office.store, 'oak-house', () => mirror);
    expect(destroy).toHaveBeenCalledOnce();
    expect(place).toMatchObject({
      ok: true,
      value: { deviceId: home.deviceId, computerUser: 'fl-oak-house-aaaaaaaa', name: 'Office', isRoot: true },
    });

    // A mirror that holds the home's documents is kept as it is.
    const filled = office.mirrorOf('oak-house');
    await filled.put({ _id: 'somebody-else' });
    const kept = vi.spyOn(filled, 'destroy');
    await placeInHome(office.db, office.store, 'oak-house', () => filled);
    expect(kept).not.toHaveBeenCalled();
  });
});
