import { describe, expect, it } from 'vitest';
import {
  acceptsChange,
  computerNameSchema,
  deviceKeyDigest,
  endorseDevice,
  resolveRegistry,
  revokeDevice,
  type DeviceDocument,
} from '../../../../shared/sync/device-registry';
import { exportDevicePublicKey, generateDeviceKeyPair } from '../../../../shared/sync/sync-envelope';
import { base64UrlToBytes, bytesToBase64Url } from '../../../../shared/bytes';

const at = new Date('2026-12-01T10:00:00.000Z');

async function computer() {
  const pair = await generateDeviceKeyPair();
  return {
    deviceId: crypto.randomUUID(),
    computerUser: `fl-oak-house-${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`,
    privateKey: pair.privateKey,
    publicKey: await exportDevicePublicKey(pair.publicKey),
  };
}

/** The office (root) added the front desk; the front desk added the staff room. */
async function home() {
  const office = await computer();
  const frontDesk = await computer();
  const staffRoom = await computer();
  const documents = [
    await endorseDevice(office, office, at),
    await endorseDevice(office, frontDesk, at),
    await endorseDevice(frontDesk, staffRoom, at),
  ];
  return { office, frontDesk, staffRoom, documents, root: await deviceKeyDigest(office.publicKey) };
}

type Registry = Awaited<ReturnType<typeof resolveRegistry>>;

const reasons = (registry: Registry) => registry.refused.map((refusal) => refusal.reason).sort();

/** `deviceId` is marked removed from `fromSeq`: its changes before then still count, from then on not. */
function expectRemovedFrom(registry: Registry, deviceId: string, fromSeq: number) {
  expect(registry.devices.get(deviceId)).toMatchObject({ removedFromSeq: fromSeq });
  expect(acceptsChange(registry, deviceId, fromSeq - 1)).toBe(true);
  expect(acceptsChange(registry, deviceId, fromSeq)).toBe(false);
}

describe('the device registry', () => {
  it('trusts the root and every computer endorsed from it, whatever order the documents come in', async () => {
    const { office, frontDesk, staffRoom, documents, root } = await home();
    const registry = await resolveRegistry(root, [...documents].reverse());
    expect([...registry.devices.keys()].sort()).toEqual(
      [office.deviceId, frontDesk.deviceId, staffRoom.deviceId].sort(),
    );
    expect(registry.devices.get(office.deviceId)).toMatchObject({
      isRoot: true,
      publicKey: office.publicKey,
    });
    expect(registry.devices.get(staffRoom.deviceId)).toMatchObject({
      isRoot: false,
      endorsedBy: frontDesk.deviceId,
    });
    expect(registry.refused).toEqual([]);
    expect(acceptsChange(registry, staffRoom.deviceId, 1_000)).toBe(true);
  });

  it('carries the name the manager gave a computer, signed: the server cannot rename it', async () => {
    const { office, documents, root } = await home();
    const library = await computer();
    const named = await endorseDevice(office, { ...library, name: 'Library' }, at);
    const registry = await resolveRegistry(root, [...documents, named]);
    expect(registry.devices.get(library.deviceId)?.name).toBe('Library');
    expect(registry.devices.get(office.deviceId)?.name).toBeUndefined();
    const renamed = await resolveRegistry(root, [...documents, { ...named, name: 'Office' }]);
    expect(renamed.devices.has(library.deviceId)).toBe(false);
    expect(reasons(renamed)).toEqual(['bad-signature']);
    expect(computerNameSchema.safeParse('Front desk').success).toBe(true);
    expect(computerNameSchema.safeParse(' ').success).toBe(false);
    expect(computerNameSchema.safeParse('<script>').success).toBe(false);
  });

  it('trusts nobody under a root whose key is not the one in the pairing bundle', async () => {
    const { documents } = await home();
    const stranger = await computer();
    const registry = await resolveRegistry(await deviceKeyDigest(stranger.publicKey), documents);
    expect(registry.devices.size).toBe(0);
    expect(reasons(registry)).toEqual(['unknown-endorser', 'unknown-endorser', 'unknown-root']);
  });

  it('refuses a server’s own root document, even one claiming the root’s id', async () => {
    const { office, documents, root } = await home();
    const server = await computer();
    const impostor = await endorseDevice(
      { ...server, deviceId: office.deviceId },
      { ...server, deviceId: office.deviceId },
      at,
    );
    const registry = await resolveRegistry(root, [impostor, ...documents]);
    expect(registry.devices.get(office.deviceId)?.publicKey).toBe(office.publicKey);
    expect(reasons(registry)).toEqual(['unknown-root']);
  });

  it('refuses a forged endorsement: signed by a stranger, or altered after signing', async () => {
    const { office, documents, root } = await home();
    const stranger = await computer();
    const intruder = await computer();
    // The stranger signs in the office's name: the office's key does not verify it.
    const forged = await endorseDevice({ ...stranger, deviceId: office.deviceId }, intruder, at);
    // A genuine endorsement with the key swapped for the intruder's.
    const genuine = documents[1] as DeviceDocument;
    const swapped: DeviceDocument = { ...genuine, publicKey: intruder.publicKey };
    // A self-endorsed computer that is not the root vouches for nothing.
    const selfMade = await endorseDevice(stranger, stranger, at);
    const registry = await resolveRegistry(root, [
      ...documents.filter((doc) => doc !== genuine),
      forged,
      swapped,
      selfMade,
    ]);
    expect(registry.devices.has(intruder.deviceId)).toBe(false);
    expect(registry.devices.has(stranger.deviceId)).toBe(false);
    // Without its genuine endorsement the front desk is gone, and so is the staff room it added.
    expect([...registry.devices.keys()]).toEqual([office.deviceId]);
    expect(reasons(registry)).toEqual(['bad-signature', 'bad-signature', 'unknown-endorser', 'unknown-root']);
  });

  it('refuses a signature with one bit changed', async () => {
    const { frontDesk, documents, root } = await home();
    const genuine = documents[1] as DeviceDocument;
    const bytes = base64UrlToBytes(genuine.sig);
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    const altered = { ...genuine, sig: bytesToBase64Url(bytes) };
    const registry = await resolveRegistry(root, [documents[0], altered, documents[2]]);
    expect(registry.devices.has(frontDesk.deviceId)).toBe(false);
    expect(reasons(registry)).toContain('bad-signature');
  });

  it('refuses a removed computer’s later changes, and what it vouches for from then on', async () => {
    const { office, frontDesk, staffRoom, documents, root } = await home();
    const removal = await revokeDevice(office, { deviceId: frontDesk.deviceId, fromSeq: 41 }, at);
    const registry = await resolveRegistry(root, [...documents, removal]);
    expectRemovedFrom(registry, frontDesk.deviceId, 41);
    expect(acceptsChange(registry, frontDesk.deviceId, 900)).toBe(false);
    // The staff room was added by the front desk: it drops out until the office endorses it itself.
    expect(registry.devices.has(staffRoom.deviceId)).toBe(false);
    expect(reasons(registry)).toEqual(['revoked-endorser']);
    const endorsedAgain = await endorseDevice(office, staffRoom, at);
    const after = await resolveRegistry(root, [...documents, removal, endorsedAgain]);
    expect(after.devices.get(staffRoom.deviceId)).toMatchObject({ endorsedBy: office.deviceId });
    expect(after.refused).toEqual([]);
    // A removed computer cannot add anyone new either.
    const late = await endorseDevice(frontDesk, await computer(), at);
    expect(reasons(await resolveRegistry(root, [...documents, removal, late]))).toContain('revoked-endorser');
  });

  it('refuses removals by a stranger, by a removed computer, and of the root', async () => {
    const { office, frontDesk, staffRoom, documents, root } = await home();
    const stranger = await computer();
    const byStranger = await revokeDevice(stranger, { deviceId: frontDesk.deviceId, fromSeq: 1 }, at);
    const ofRoot = await revokeDevice(frontDesk, { deviceId: office.deviceId, fromSeq: 1 }, at);
    const removeFrontDesk = await revokeDevice(office, { deviceId: frontDesk.deviceId, fromSeq: 5 }, at);
    // The front desk, removed, tries to remove the staff room: it is removed first (nearer the root wins).
    const byRemoved = await revokeDevice(frontDesk, { deviceId: staffRoom.deviceId, fromSeq: 1 }, at);
    const registry = await resolveRegistry(root, [
      ...documents,
      byStranger,
      ofRoot,
      byRemoved,
      removeFrontDesk,
    ]);
    expect(registry.devices.get(office.deviceId)?.removedFromSeq).toBeUndefined();
    expect(registry.devices.get(frontDesk.deviceId)?.removedFromSeq).toBe(5);
    expect(reasons(registry)).toEqual([
      'revoked-endorser',
      'revoked-endorser',
      'revoked-endorser',
      'unknown-endorser',
    ]);
    expect(acceptsChange(registry, stranger.deviceId, 1)).toBe(false);
  });

  it('removes the root from another computer, whose place it takes', async () => {
    const { office, frontDesk, staffRoom, documents, root } = await home();
    const ofRoot = await revokeDevice(frontDesk, { deviceId: office.deviceId, fromSeq: 7 }, at);
    const registry = await resolveRegistry(root, [...documents, ofRoot]);
    expectRemovedFrom(registry, office.deviceId, 7);
    // The front desk stands on its own now, and the staff room it added stays.
    expect(registry.devices.get(frontDesk.deviceId)).toMatchObject({ isRoot: true });
    expect(acceptsChange(registry, staffRoom.deviceId, 1)).toBe(true);
    expect(registry.refused).toEqual([]);
    // The old root vouches for nobody now; the front desk adds computers.
    const byOldRoot = await endorseDevice(office, await computer(), at);
    const hall = await computer();
    const byFrontDesk = await endorseDevice(frontDesk, hall, at);
    const later = await resolveRegistry(root, [...documents, ofRoot, byOldRoot, byFrontDesk]);
    expect(reasons(later)).toEqual(['revoked-endorser']);
    expect(later.devices.has(hall.deviceId)).toBe(true);
    // Its place passes on again when the front desk is removed in turn.
    const ofFrontDesk = await revokeDevice(staffRoom, { deviceId: frontDesk.deviceId, fromSeq: 3 }, at);
    const hallAgain = await endorseDevice(staffRoom, hall, at);
    const third = await resolveRegistry(root, [...documents, ofRoot, byFrontDesk, ofFrontDesk, hallAgain]);
    expect(acceptsChange(third, frontDesk.deviceId, 3)).toBe(false);
    expect(third.devices.get(staffRoom.deviceId)).toMatchObject({ isRoot: true });
    expect(acceptsChange(third, hall.deviceId, 1)).toBe(true);
  });

  it('refuses a computer removing itself, the root too', async () => {
    const { office, documents, root } = await home();
    const itself = await revokeDevice(office, { deviceId: office.deviceId, fromSeq: 1 }, at);
    const registry = await resolveRegistry(root, [...documents, itself]);
    expect(acceptsChange(registry, office.deviceId, 1)).toBe(true);
    expect(reasons(registry)).toEqual(['removes-itself']);
  });

  it('keeps the first of two keys for one computer, the same on every computer', async () => {
    const { office, frontDesk, documents, root } = await home();
    const other = await computer();
    const second = await endorseDevice(office, { ...frontDesk, publicKey: other.publicKey }, at);
    const one = await resolveRegistry(root, [...documents, second]);
    const two = await resolveRegistry(root, [second, ...documents].reverse());
    expect(one.devices.get(frontDesk.deviceId)?.publicKey).toBe(
      two.devices.get(frontDesk.deviceId)?.publicKey,
    );
    expect(reasons(one)).toEqual(['second-key']);
  });

  it('refuses what is not a registry document, with a message', async () => {
    const { documents, root } = await home();
    const registry = await resolveRegistry(root, [...documents, { _id: 'rd_x', kind: 'device' }, null]);
    expect(reasons(registry)).toEqual(['not-a-registry-document', 'not-a-registry-document']);
    expect(registry.refused[0]?.message).toMatch(/not in the form/);
  });
});
