import { afterEach, describe, expect, it } from 'vitest';
import { watchRegistry } from '../../../../../renderer/src/db/sync/registry-feed';
import { openMirror } from '../../../../../renderer/src/platform/sync/replicator';

/** Until `predicate` holds, checking after each turn of the live feed; fails after a second. */
async function eventually(predicate: () => boolean): Promise<void> {
  for (let tries = 0; tries < 100 && !predicate(); tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(predicate()).toBe(true);
}

describe('watching the registry in the mirror', () => {
  const mirrors: ReturnType<typeof openMirror>[] = [];
  afterEach(async () => {
    await Promise.all(mirrors.splice(0).map((mirror) => mirror.destroy()));
  });

  it('tells of a registry document arriving, not of records, and stops when asked', async () => {
    const mirror = openMirror(`registry-watch-${crypto.randomUUID()}`);
    mirrors.push(mirror);
    let told = 0;
    const stop = watchRegistry(mirror, () => {
      told += 1;
    });

    await mirror.put({ _id: 'e_office_1', body: 'a sealed change' });
    await mirror.put({ _id: 'r_front-desk_removed', body: 'a signed removal' });
    await eventually(() => told === 1);
    // A record after it is not a registry change.
    await mirror.put({ _id: 'e_office_2', body: 'another sealed change' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(told).toBe(1);

    stop();
    await mirror.put({ _id: 'r_staff-room_endorsed', body: 'a signed endorsement' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(told).toBe(1);
  });
});
