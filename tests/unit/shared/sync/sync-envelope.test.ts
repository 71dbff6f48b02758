import { describe, expect, it } from 'vitest';
import { base64UrlToBytes, bytesToBase64Url } from '../../../../shared/bytes';
import {
  deriveSyncKeys,
  envelopeId,
  envelopeSchema,
  exportDevicePublicKey,
  generateDeviceKeyPair,
  importDevicePublicKey,
  openEnvelope,
  sealEnvelope,
  type Envelope,
  type SyncChange,
} from '../../../../shared/sync/sync-envelope';

const homeKey = () => crypto.getRandomValues(new Uint8Array(32));

const change: SyncChange = {
  table: 'visitorLog',
  key: 'b6c2f0a4-8a4e-4a57-9d3e-0c6f1a2b3c4d',
  op: 'put',
  row: {
    id: 'b6c2f0a4-8a4e-4a57-9d3e-0c6f1a2b3c4d',
    arrivedAt: '2026-12-01T10:00:00.000Z',
    sealed: { iv: new Uint8Array([1, 2, 3]), data: new Uint8Array([9, 8, 7, 6]).buffer },
  },
  base: null,
  seen: {},
  at: '2026-12-01T10:00:01.000Z',
};

async function home() {
  const keys = await deriveSyncKeys(homeKey());
  const frontDesk = { deviceId: crypto.randomUUID(), ...(await generateDeviceKeyPair()) };
  const office = { deviceId: crypto.randomUUID(), ...(await generateDeviceKeyPair()) };
  // The registry carries public keys as text: go through it, as another computer would.
  const devices = new Map([
    [frontDesk.deviceId, await importDevicePublicKey(await exportDevicePublicKey(frontDesk.publicKey))],
    [office.deviceId, await importDevicePublicKey(await exportDevicePublicKey(office.publicKey))],
  ]);
  return { keys, frontDesk, office, devices };
}

/** Flips one bit of one character's worth of a base64url field (still valid base64url). */
function flipByte(text: string, index: number): string {
  const bytes = base64UrlToBytes(text);
  bytes[index % bytes.length] = (bytes[index % bytes.length] ?? 0) ^ 0x01;
  return bytesToBase64Url(bytes);
}

describe('the sync envelope', () => {
  it('opens what a computer of the home sealed, with every byte of the row as it was', async () => {
    const { keys, frontDesk, devices } = await home();
    const doc = await sealEnvelope(keys, frontDesk, 7, change);
    expect(envelopeSchema.parse(doc)).toEqual(doc);
    expect(doc._id).toBe(await envelopeId(keys, frontDesk.deviceId, 7));
    const opened = await openEnvelope(keys, devices, JSON.parse(JSON.stringify(doc)));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value).toMatchObject({ deviceId: frontDesk.deviceId, n: 7, id: doc._id });
    expect(opened.value.change).toEqual(change);
    const row = opened.value.change.row as { sealed: { iv: Uint8Array; data: ArrayBuffer } };
    expect(row.sealed.iv).toBeInstanceOf(Uint8Array);
    expect(row.sealed.data).toBeInstanceOf(ArrayBuffer);
  });

  it('shows the server no record id, table or content', async () => {
    const { keys, frontDesk } = await home();
    const text = JSON.stringify(await sealEnvelope(keys, frontDesk, 1, change));
    expect(text).not.toContain(change.key as string);
    expect(text).not.toContain('visitorLog');
    expect(text).not.toContain('2026-12-01');
  });

  it('keeps the private key inside WebCrypto', async () => {
    const pair = await generateDeviceKeyPair();
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
  });

  it('refuses a document the server altered, whichever byte it changed', async () => {
    const { keys, frontDesk, devices } = await home();
    const doc = await sealEnvelope(keys, frontDesk, 3, change);
    for (const field of ['iv', 'c', 'sig'] as const) {
      for (const index of [0, 5, 11, 40]) {
        const altered = { ...doc, [field]: flipByte(doc[field], index) };
        const opened = await openEnvelope(keys, devices, altered);
        expect(opened.ok ? 'opened' : opened.error.code, `${field} byte ${index}`).toBe('bad-signature');
      }
    }
    const renumbered = await openEnvelope(keys, devices, { ...doc, n: 4 });
    expect(renumbered.ok ? 'opened' : renumbered.error.code).toBe('wrong-id');
    const reversioned = await openEnvelope(keys, devices, { ...doc, v: 2 });
    expect(reversioned.ok ? 'opened' : reversioned.error.code).toBe('not-an-envelope');
  });

  it('refuses a document the server invented, as a stranger or in a computer’s name', async () => {
    const { keys, frontDesk, devices } = await home();
    const stranger = { deviceId: crypto.randomUUID(), ...(await generateDeviceKeyPair()) };
    const invented = await openEnvelope(keys, devices, await sealEnvelope(keys, stranger, 1, change));
    expect(invented.ok ? 'opened' : invented.error.code).toBe('unknown-device');
    // Even knowing the home's sync key, a forger without the front desk's private key cannot sign as it.
    const forged = await sealEnvelope(
      keys,
      { deviceId: frontDesk.deviceId, privateKey: stranger.privateKey },
      1,
      change,
    );
    const opened = await openEnvelope(keys, devices, forged);
    expect(opened.ok ? 'opened' : opened.error.code).toBe('bad-signature');
    expect(opened.ok ? '' : opened.error.message).toMatch(
      /changed after the computer that wrote it signed it/,
    );
  });

  it('refuses a signed document replayed under another id', async () => {
    const { keys, frontDesk, devices } = await home();
    const doc = await sealEnvelope(keys, frontDesk, 5, change);
    const otherId = await envelopeId(keys, frontDesk.deviceId, 6);
    const replayed = await openEnvelope(keys, devices, { ...doc, _id: otherId });
    expect(replayed.ok ? 'opened' : replayed.error.code).toBe('wrong-id');
  });

  it('refuses bodies swapped between ids', async () => {
    const { keys, frontDesk, office, devices } = await home();
    const first = await sealEnvelope(keys, frontDesk, 1, change);
    const second = await sealEnvelope(keys, office, 1, { ...change, key: 'other', row: { id: 'other' } });
    // The body with its signature moved under the other document's id and header...
    const swapped: Envelope = { ...second, iv: first.iv, c: first.c, sig: first.sig };
    const opened = await openEnvelope(keys, devices, swapped);
    expect(opened.ok ? 'opened' : opened.error.code).toBe('bad-signature');
    // ...or the whole documents swapped between the two ids.
    const moved = await openEnvelope(keys, devices, { ...first, _id: second._id });
    expect(moved.ok ? 'opened' : moved.error.code).toBe('wrong-id');
  });

  it('refuses a document from another home (another sync key), and anything that is not an envelope', async () => {
    const { frontDesk, devices, keys } = await home();
    const otherHome = await deriveSyncKeys(homeKey());
    const doc = await sealEnvelope(otherHome, frontDesk, 1, change);
    const opened = await openEnvelope(keys, devices, doc);
    expect(opened.ok ? 'opened' : opened.error.code).toBe('wrong-id');
    for (const junk of [null, 'text', { _id: 'e1' }, { ...doc, sig: 'short' }]) {
      const refused = await openEnvelope(keys, devices, junk);
      expect(refused.ok ? 'opened' : refused.error.code).toBe('not-an-envelope');
    }
  });

  it('refuses a signed body that does not open with this home’s envelope key', async () => {
    const { keys, frontDesk, devices } = await home();
    const other = await deriveSyncKeys(homeKey());
    // Same id key (so the id checks), another envelope key: a computer holding a stale sync key.
    const doc = await sealEnvelope(
      { idKey: keys.idKey, envelopeKey: other.envelopeKey },
      frontDesk,
      2,
      change,
    );
    const opened = await openEnvelope(keys, devices, doc);
    expect(opened.ok ? 'opened' : opened.error.code).toBe('unreadable-body');
  });
});
