import { describe, expect, it } from 'vitest';
import {
  generateExchangeKeyPair,
  grantableComputers,
  makeKeyGrant,
  makeRekey,
  openKeyGrant,
  openRekey,
} from '../../../../shared/sync/rekey';
import { exportDevicePublicKey, generateDeviceKeyPair } from '../../../../shared/sync/sync-envelope';

/**
 * A re-key names the computers it could not be wrapped to (signed, so the server cannot add or
 * drop one), and a key grant gives one of them the re-key's key later: taken only by the computer
 * it names, and only from a computer the registry trusts.
 */

async function computer() {
  const signing = await generateDeviceKeyPair();
  const exchange = await generateExchangeKeyPair();
  const deviceId = crypto.randomUUID();
  return {
    deviceId,
    signer: { deviceId, ...signing },
    me: { deviceId, exchangePrivateKey: exchange.privateKey },
    exchangeKey: exchange.publicKeyText,
    publicKey: await exportDevicePublicKey(signing.publicKey),
  };
}

type Computer = Awaited<ReturnType<typeof computer>>;

const at = new Date('2026-12-05T10:00:00.000Z');

describe('computers waiting for a new sync key', () => {
  it('are named in the signed re-key, and a grant gives one of them its key', async () => {
    const office = await computer();
    const frontDesk = await computer();
    const staffRoom = await computer();
    const signers = new Map([
      [office.deviceId, office.publicKey],
      [frontDesk.deviceId, frontDesk.publicKey],
    ]);
    const newKey = crypto.getRandomValues(new Uint8Array(32));
    const rekey = await makeRekey(
      office.signer,
      {
        epoch: 2,
        newKey,
        previousKey: crypto.getRandomValues(new Uint8Array(32)),
        recipients: [{ deviceId: office.deviceId, exchangeKey: office.exchangeKey }],
        waiting: [frontDesk.deviceId],
      },
      at,
    );
    expect(rekey.waiting).toEqual([frontDesk.deviceId]);
    expect(await openRekey(rekey, signers, office.me)).toMatchObject({ ok: true, value: { epoch: 2 } });
    // The list is signed: the server can neither add a computer to it nor take one off.
    for (const waiting of [[frontDesk.deviceId, staffRoom.deviceId], [], undefined]) {
      const altered: Record<string, unknown> = { ...rekey, waiting };
      if (waiting === undefined) delete altered['waiting'];
      expect(await openRekey(altered, signers, office.me)).toMatchObject({
        ok: false,
        error: { code: 'bad-signature' },
      });
    }

    /** The new key granted to the front desk by `from`. */
    const grantToFrontDesk = (from: Computer) =>
      makeKeyGrant(
        from.signer,
        {
          epoch: 2,
          key: newKey,
          recipient: { deviceId: frontDesk.deviceId, exchangeKey: frontDesk.exchangeKey },
        },
        at,
      );
    const grant = await grantToFrontDesk(office);
    expect(grant._id).toBe(`rg_2_${frontDesk.deviceId}`);
    const opened = await openKeyGrant(grant, signers, frontDesk.me);
    expect(opened).toMatchObject({ ok: true, value: { epoch: 2 } });
    expect(opened.ok && [...opened.value.key]).toEqual([...newKey]);

    // Not for anyone else, not from a computer the registry does not trust, not altered.
    expect(await openKeyGrant(grant, signers, office.me)).toMatchObject({
      ok: false,
      error: { code: 'not-for-this-computer' },
    });
    const fromStaffRoom = await grantToFrontDesk(staffRoom);
    expect(await openKeyGrant(fromStaffRoom, signers, frontDesk.me)).toMatchObject({
      ok: false,
      error: { code: 'unknown-signer' },
    });
    expect(
      await openKeyGrant({ ...grant, epoch: 3, _id: `rg_3_${frontDesk.deviceId}` }, signers, frontDesk.me),
    ).toMatchObject({ ok: false, error: { code: 'bad-signature' } });
    expect(
      await openKeyGrant({ ...grant, _id: `rg_4_${frontDesk.deviceId}` }, signers, frontDesk.me),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-a-rekey' },
    });
  });
});

describe('computers that join after a re-key with a code made before it', () => {
  it('the re-key names the computers removed by then, signed, apart from those waiting', async () => {
    const office = await computer();
    const removed = await computer();
    const waiting = await computer();
    const signers = new Map([[office.deviceId, office.publicKey]]);
    const rekey = await makeRekey(
      office.signer,
      {
        epoch: 1,
        newKey: crypto.getRandomValues(new Uint8Array(32)),
        previousKey: crypto.getRandomValues(new Uint8Array(32)),
        recipients: [{ deviceId: office.deviceId, exchangeKey: office.exchangeKey }],
        waiting: [waiting.deviceId],
        removed: [removed.deviceId],
      },
      at,
    );
    expect(rekey.removed).toEqual([removed.deviceId]);
    expect(await openRekey(rekey, signers, office.me)).toMatchObject({ ok: true, value: { epoch: 1 } });
    // Neither stripped, emptied or added to, nor moved to the waiting list (or back).
    const alterations: Record<string, unknown>[] = [
      { removed: undefined },
      { removed: [] },
      { removed: [removed.deviceId, waiting.deviceId] },
      { removed: [waiting.deviceId], waiting: [removed.deviceId] },
      { removed: undefined, waiting: [waiting.deviceId, removed.deviceId] },
    ];
    for (const change of alterations) {
      const altered: Record<string, unknown> = { ...rekey, ...change };
      for (const field of ['removed', 'waiting']) if (altered[field] === undefined) delete altered[field];
      expect(await openRekey(altered, signers, office.me)).toMatchObject({
        ok: false,
        error: { code: 'bad-signature' },
      });
    }
  });

  it('grants only to a computer the re-key does not name, endorsed by one it gave its key to', () => {
    const [office, staffRoom, removed, waiting, joined, byRemoved, byWaiting, byMaker] = [
      'office',
      'staff-room',
      'removed',
      'waiting',
      'joined-since',
      'vouched-by-removed',
      'vouched-by-waiting',
      'vouched-by-maker',
    ];
    const rekey = {
      issuedBy: office,
      keys: { [office]: { iv: '', c: '' }, [staffRoom]: { iv: '', c: '' } },
      waiting: [waiting],
      removed: [removed],
    };
    // The registry as a computer knows it whose copy of the removal has not arrived: the removed
    // computer is still trusted there, and so is one it vouched for.
    const devices = [
      { deviceId: office, endorsedBy: office },
      { deviceId: staffRoom, endorsedBy: office },
      { deviceId: removed, endorsedBy: office },
      { deviceId: waiting, endorsedBy: office },
      { deviceId: joined, endorsedBy: staffRoom },
      { deviceId: byRemoved, endorsedBy: removed },
      { deviceId: byWaiting, endorsedBy: waiting },
      { deviceId: byMaker, endorsedBy: office },
    ];
    expect(grantableComputers(rekey, devices)).toEqual([waiting, joined, byMaker]);
    // A re-key made before it named the removed cannot tell them from a new computer: the waiting only.
    const { removed: _unnamed, ...older } = rekey;
    expect(grantableComputers(older, devices)).toEqual([waiting]);
    expect(grantableComputers({ ...older, waiting: undefined }, devices)).toEqual([]);
  });
});
