import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inMemoryProtectedStorage } from '../../../../electron/main/services/mail/in-memory-protected-storage';
import { createMainKey } from '../../../../electron/main/services/main-key';
import { createPendingAuditService } from '../../../../electron/main/services/pending-audit';
import type { PendingAuditEvent } from '../../../../shared/ipc/channels/audit';

const folders: string[] = [];
afterEach(async () =>
  Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true }))),
);

async function pendingIn() {
  const folder = await mkdtemp(join(tmpdir(), 'family-links-pending-'));
  folders.push(folder);
  let now = new Date('2026-11-23T09:00:00.000Z');
  const service = createPendingAuditService({
    folder,
    mainKey: createMainKey({ folder, protectedStorage: inMemoryProtectedStorage() }),
    now: () => now,
  });
  return { folder, service, tick: () => (now = new Date(now.getTime() + 1000)) };
}

const failedSignIn: PendingAuditEvent = {
  action: 'session.sign-in-failed',
  recordType: 'staff',
  recordId: 'abc',
};

/** A sealed row as the page stores it. */
async function sealed(service: Awaited<ReturnType<typeof pendingIn>>['service'], event = failedSignIn) {
  const reply = await service.seal(event);
  if (reply.outcome !== 'sealed') throw new Error(reply.message);
  return { event, ...reply.sealed };
}

describe('failed sign-ins recorded before anyone is signed in', () => {
  it('are stamped with the main process’s clock and a number, and check out when chained in', async () => {
    const { service, tick } = await pendingIn();
    const first = await sealed(service);
    tick();
    const second = await sealed(service, { action: 'session.sign-in-failed', detail: 'unknown username' });
    expect(first.at).toBe('2026-11-23T09:00:00.000Z');
    expect(second.n).toBe(first.n + 1);
    expect(await service.check({ rows: [first, second] })).toEqual({
      authentic: [true, true],
      missing: 0,
      isCountKnown: true,
    });
  });

  it('a row changed, or written without the main process, is reported as not authentic', async () => {
    const { service } = await pendingIn();
    const row = await sealed(service);
    const result = await service.check({
      rows: [
        { ...row, event: { ...row.event, recordId: 'someone-else' } },
        { ...row, at: '2026-01-01T00:00:00.000Z' },
        { event: failedSignIn, at: '2026-11-23T09:00:00.000Z' },
        { ...row, n: row.n + 5 },
      ],
    });
    expect(result.authentic).toEqual([false, false, false, false]);
  });

  it('rows removed while waiting are counted, and each number counts once', async () => {
    const { service } = await pendingIn();
    const kept = await sealed(service);
    await sealed(service);
    await sealed(service);
    expect(await service.check({ rows: [kept, kept] })).toEqual({
      authentic: [true, false],
      missing: 2,
      isCountKnown: true,
    });
    // Checked once: the next check counts only what was sealed since.
    const later = await sealed(service);
    expect(await service.check({ rows: [later] })).toMatchObject({ missing: 0 });
  });

  it('an edited counter is reported, not trusted', async () => {
    const { service, folder } = await pendingIn();
    const row = await sealed(service);
    await sealed(service);
    const path = join(folder, 'pending-audit.json');
    const counter = JSON.parse(await readFile(path, 'utf8')) as Record<string, number>;
    await writeFile(path, JSON.stringify({ ...counter, checkedThrough: (counter['nextN'] ?? 1) - 1 }));
    expect(await service.check({ rows: [row] })).toEqual({
      authentic: [true],
      missing: 0,
      isCountKnown: false,
    });
  });
});
