import { randomUUID } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { argon2idFloor } from '../../../../shared/schemas/keyring';
import type { BackupHeader } from '../../../../shared/schemas/backup';
import { homeWithCertificates, mainRig, type MainRig } from '../main-rig';

// A backup counts towards how many are kept, and the main process cannot read its chunks to tell a
// real one from junk: what it checks is who began it (a colleague's proof, as for sending email).

const start = new Date('2026-11-23T10:00:00.000Z');
let home: {
  ca: Awaited<ReturnType<MainRig['createAuthority']>>;
  careWorker: Awaited<ReturnType<MainRig['issue']>>;
  /** Issued by another home's CA, which this computer does not know. */
  stranger: Awaited<ReturnType<MainRig['issue']>>;
};
beforeAll(async () => {
  const [ours, elsewhere] = await Promise.all([
    homeWithCertificates(start, { careWorker: { name: 'Sam Carer', roles: ['careStaff'] } }),
    homeWithCertificates(
      start,
      { stranger: { name: 'Lee Stranger', roles: ['registeredManager'] } },
      'Elm Lodge',
    ),
  ]);
  home = { ca: ours.ca, careWorker: ours.careWorker, stranger: elsewhere.stranger };
}, 120_000);

const realBackups = [
  'family-links-backup-2026-11-20T10-00-00Z-scheduled.flbackup',
  'family-links-backup-2026-11-21T10-00-00Z-manual.flbackup',
  'family-links-backup-2026-11-22T10-00-00Z-scheduled.flbackup',
];

/**
 * This computer knows the home's CA, keeps the last 3 backups, and holds 3 already, made a day
 * apart up to yesterday: with a daily schedule the oldest has had its 3 days, with a weekly one none
 * has had its 21.
 */
async function homeWithBackups(intervalDays = 7) {
  const rig = mainRig({ now: () => start });
  await rig.services.homeAuthority.learn(home.ca.authority.certificatePem, 'created');
  await rig.services.backup.setOptions({ keep: realBackups.length, intervalDays });
  const folder = join(rig.userData, 'backups');
  await mkdir(folder, { recursive: true });
  for (const name of realBackups) await writeFile(join(folder, name), 'a real backup');
  const files = async () => (await readdir(folder)).sort();
  return { rig, files };
}

const header = (): BackupHeader => ({
  format: 'family-links-backup',
  formatVersion: 2,
  backupId: randomUUID(),
  createdAt: start.toISOString(),
  reason: 'manual',
  schemaVersion: 30,
  appVersion: '0.1.0',
  tables: [],
  keyring: [
    {
      staffId: randomUUID(),
      username: 'pat.manager',
      isManager: true,
      salt: 'AAAA',
      kdf: { algorithm: 'argon2id', ...argon2idFloor, hashLength: 32 },
      wrappedDataKey: { iv: 'AAAA', data: 'AAAA' },
    },
  ],
  keyCheck: { iv: 'AAAA', data: 'AAAA' },
});
const junk = Buffer.from('not a sealed chunk at all').toString('base64');

const notPermitted = { ok: false, error: { code: 'not-permitted' } };
const unknownId = { ok: true, value: { outcome: 'failed', code: 'unknown-id' } };

describe('backup:begin', () => {
  it('refuses a page that sends no proof, a made-up proof, a proof from another home’s CA, and a replayed one; nothing is written or pruned', async () => {
    const { rig, files } = await homeWithBackups();
    const request = { header: header() };
    expect(await rig.call('backup:begin', request)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    const genuine = await rig.withProof(home.careWorker, 'backup:begin', request);
    const madeUp = { ...genuine, proof: { ...genuine.proof, nonce: 'ab'.repeat(32) } };
    expect(await rig.call('backup:begin', madeUp)).toMatchObject(notPermitted);
    const foreign = await rig.withProof(home.stranger, 'backup:begin', request);
    expect(await rig.call('backup:begin', foreign)).toMatchObject({
      ok: false,
      error: {
        code: 'not-permitted',
        message: expect.stringContaining('not issued by this home') as unknown,
      },
    });
    const replayed = await rig.withProof(home.careWorker, 'backup:begin', request);
    const first = await rig.value('backup:begin', replayed);
    if (first.outcome !== 'started') throw new Error(first.message);
    await rig.value('backup:abort', { writeId: first.writeId });
    expect(await rig.call('backup:begin', replayed)).toMatchObject({
      ok: false,
      error: { code: 'not-permitted', message: expect.stringContaining('sent twice') as unknown },
    });
    expect(await files()).toEqual(realBackups);
  });

  it('leaves every real backup in place when the wipe is tried: begin, one chunk of junk and finish, as many times as are kept', async () => {
    const { rig, files } = await homeWithBackups();
    for (let round = 0; round < realBackups.length + 1; round += 1) {
      const begun = await rig.call('backup:begin', { header: header() });
      expect(begun.ok).toBe(false);
      // The write id is whatever the page guesses: the service never handed one out.
      const writeId = randomUUID();
      expect(await rig.call('backup:append', { writeId, chunk: junk })).toMatchObject(unknownId);
      expect(await rig.call('backup:finish', { writeId })).toMatchObject(unknownId);
    }
    expect(await files()).toEqual(realBackups);
    expect((await rig.value('backup:get-settings', {})).lastBackupAt).toBeUndefined();
  });

  it('begins for a colleague signed in with the home’s certificate, and the write id it gives is used once', async () => {
    const { rig, files } = await homeWithBackups(1);
    const begun = await rig.value(
      'backup:begin',
      await rig.withProof(home.careWorker, 'backup:begin', { header: header() }),
    );
    if (begun.outcome !== 'started') throw new Error(begun.message);
    expect(await rig.value('backup:append', { writeId: begun.writeId, chunk: junk })).toEqual({
      outcome: 'appended',
    });
    const written = await rig.value('backup:finish', { writeId: begun.writeId });
    // Kept to three on a daily schedule: the oldest has had its three days, and goes.
    expect(written).toMatchObject({ outcome: 'written', removed: [realBackups[0]] });
    expect(await files()).toHaveLength(realBackups.length);
    // Finished: the same id appends, finishes and prunes nothing more.
    expect(await rig.call('backup:append', { writeId: begun.writeId, chunk: junk })).toMatchObject(unknownId);
    expect(await rig.call('backup:finish', { writeId: begun.writeId })).toMatchObject(unknownId);
    expect(await files()).toHaveLength(realBackups.length);
  });

  it('a colleague signed in cannot wipe them either: backups made in a hurry push none of the schedule’s span out', async () => {
    const { rig, files } = await homeWithBackups();
    for (let round = 0; round < realBackups.length + 1; round += 1) {
      const begun = await rig.value(
        'backup:begin',
        await rig.withProof(home.careWorker, 'backup:begin', { header: header() }),
      );
      if (begun.outcome !== 'started') throw new Error(begun.message);
      await rig.value('backup:append', { writeId: begun.writeId, chunk: junk });
      expect(await rig.value('backup:finish', { writeId: begun.writeId })).toMatchObject({
        outcome: 'written',
        removed: [],
      });
    }
    const kept = await files();
    expect(kept).toHaveLength(realBackups.length * 2 + 1);
    expect(kept).toEqual(expect.arrayContaining(realBackups));
  });
});
