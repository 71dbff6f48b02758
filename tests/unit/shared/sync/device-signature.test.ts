import { describe, expect, it } from 'vitest';
import {
  deviceSignatureSchema,
  isSignedByDevice,
  withDeviceSignature,
} from '../../../../shared/sync/device-signature';
import { generateDeviceKeyPair } from '../../../../shared/sync/sync-envelope';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('device signatures', () => {
  it('adds the signature after the fields it signs, leaving them as they were', async () => {
    const frontDesk = await generateDeviceKeyPair();
    const fields = { _id: 'rx_front-desk', kind: 'exchange-key' as const };
    const signed = await withDeviceSignature(frontDesk, fields, bytesOf('["exchange-key"]'));
    expect(Object.keys(signed)).toEqual(['_id', 'kind', 'sig']);
    expect(signed).toMatchObject(fields);
    expect(deviceSignatureSchema.safeParse(signed.sig).success).toBe(true);
  });

  it('holds for the bytes and key it was made with, and for nothing else', async () => {
    const frontDesk = await generateDeviceKeyPair();
    const office = await generateDeviceKeyPair();
    const { sig } = await withDeviceSignature(frontDesk, {}, bytesOf('signed'));
    expect(await isSignedByDevice(frontDesk.publicKey, sig, bytesOf('signed'))).toBe(true);
    expect(await isSignedByDevice(frontDesk.publicKey, sig, bytesOf('signes'))).toBe(false);
    expect(await isSignedByDevice(office.publicKey, sig, bytesOf('signed'))).toBe(false);
  });
});
