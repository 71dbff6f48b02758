import { describe, expect, it } from 'vitest';
import {
  generateExchangeKeyPair,
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
