import { describe, expect, it } from 'vitest';
import { buildRestriction, buildStaffMember, buildVisitorEntry } from '../../../factories';
import { restrictionCodec } from '../../../../renderer/src/db/repositories/restriction-codec';
import { staffCodec } from '../../../../renderer/src/db/repositories/staff-repository';
import { visitorLogCodec } from '../../../../renderer/src/db/repositories/visitor-log-rows';
import {
  canonicalJson,
  DamagedRecordError,
  refuseOldFormatRows,
} from '../../../../renderer/src/db/row-binding';
import { forgetCipherKeys, KeysDroppedError } from '../../../../renderer/src/db/encryption/record-cipher';
import { oldFormatRow } from './old-format-row';
import { testSession } from './test-session';

const damaged = (table: string): unknown => expect.objectContaining({ name: 'DamagedRecordError', table });

describe('every sealed row is authenticated whole', () => {
  it('a restriction whose end date was edited in IndexedDB does not open', async () => {
    const { cipher } = await testSession();
    const restriction = buildRestriction({ effectiveTo: '2030-01-01' });
    const row = await restrictionCodec.encode(restriction, cipher);
    await expect(restrictionCodec.decode(row, cipher)).resolves.toEqual(restriction);
    // Lifting the block: the end date moved into the past, or taken off.
    await expect(restrictionCodec.decode({ ...row, effectiveTo: '2020-01-01' }, cipher)).rejects.toEqual(
      damaged('restrictions'),
    );
    const { effectiveTo: _gone, ...withoutEnd } = row;
    await expect(restrictionCodec.decode(withoutEnd, cipher)).rejects.toBeInstanceOf(DamagedRecordError);
  });

  it('a staff row whose roles or switch were edited does not open', async () => {
    const { cipher } = await testSession();
    const member = buildStaffMember({ roles: ['careStaff'], isActive: false });
    const row = await staffCodec.encode(member, cipher);
    await expect(staffCodec.decode({ ...row, roles: ['registeredManager'] }, cipher)).rejects.toEqual(
      damaged('staff'),
    );
    await expect(staffCodec.decode({ ...row, isActive: true }, cipher)).rejects.toEqual(damaged('staff'));
  });

  it('a field added beside the seal, or the format marker taken off, does not open', async () => {
    const { cipher } = await testSession();
    const row = await restrictionCodec.encode(buildRestriction(), cipher);
    await expect(restrictionCodec.decode({ ...row, extra: 1 } as typeof row, cipher)).rejects.toBeInstanceOf(
      DamagedRecordError,
    );
    const { sealFormat: _format, ...unmarked } = row;
    await expect(restrictionCodec.decode(unmarked, cipher)).rejects.toBeInstanceOf(DamagedRecordError);
  });

  it('a restriction’s casework part cut off, swapped or copied from another row does not open', async () => {
    const { cipher } = await testSession();
    const [a, b] = await Promise.all([
      restrictionCodec.encode(buildRestriction(), cipher),
      restrictionCodec.encode(buildRestriction(), cipher),
    ]);
    const { sealedCasework: _cut, ...cut } = a;
    await expect(restrictionCodec.decode(cut, cipher)).rejects.toEqual(damaged('restrictions'));
    await expect(restrictionCodec.decodeInstruction(cut, cipher)).rejects.toEqual(damaged('restrictions'));
    await expect(
      restrictionCodec.decode({ ...a, sealedCasework: b.sealedCasework }, cipher),
    ).rejects.toBeInstanceOf(DamagedRecordError);
    if (!a.sealedCasework) throw new Error('the casework part is missing');
    await expect(
      restrictionCodec.decodeInstruction({ ...a, sealed: a.sealedCasework }, cipher),
    ).rejects.toBeInstanceOf(DamagedRecordError);
    // The door's own view is bound to the plain fields too: an end date moved does not open there.
    await expect(
      restrictionCodec.decodeInstruction({ ...a, effectiveTo: '2020-01-01' }, cipher),
    ).rejects.toBeInstanceOf(DamagedRecordError);
  });

  it('a sealed part copied onto another row does not open', async () => {
    const { cipher } = await testSession();
    const [a, b] = await Promise.all([
      restrictionCodec.encode(buildRestriction(), cipher),
      restrictionCodec.encode(buildRestriction(), cipher),
    ]);
    await expect(restrictionCodec.decode({ ...a, sealed: b.sealed }, cipher)).rejects.toBeInstanceOf(
      DamagedRecordError,
    );
  });

  it('the fire roll’s on-site flag is bound too', async () => {
    const { cipher } = await testSession();
    const row = await visitorLogCodec.encode(buildVisitorEntry({ departedAt: undefined }), cipher);
    expect(row.isOnSite).toBe(1);
    await expect(visitorLogCodec.decode({ ...row, isOnSite: 0 }, cipher)).rejects.toEqual(
      damaged('visitorLog'),
    );
  });

  it('opens a row whatever order its plain fields were stored in', async () => {
    const { cipher } = await testSession();
    const restriction = buildRestriction();
    const row = await restrictionCodec.encode(restriction, cipher);
    const reversed = Object.fromEntries(Object.entries(row).reverse()) as typeof row;
    await expect(restrictionCodec.decode(reversed, cipher)).resolves.toEqual(restriction);
  });

  it('opens rows sealed the old way until the home is sealed the new way, then refuses them', async () => {
    const { cipher } = await testSession();
    const restriction = buildRestriction();
    const old = (await oldFormatRow(
      'restrictions',
      restriction,
      ['id', 'youngPersonId', 'personId', 'reviewOn', 'effectiveTo'],
      cipher,
    )) as Awaited<ReturnType<typeof restrictionCodec.encode>>;
    await expect(restrictionCodec.decode(old, cipher)).resolves.toEqual(restriction);
    refuseOldFormatRows(cipher);
    await expect(restrictionCodec.decode(old, cipher)).rejects.toEqual(
      expect.objectContaining({ reason: 'old-format-refused' }),
    );
  });
});

describe('a row read as the session locks', () => {
  it('is refused for the dropped keys, never reported as changed outside Family Links', async () => {
    const { cipher } = await testSession();
    const row = await staffCodec.encode(buildStaffMember(), cipher);
    forgetCipherKeys(cipher);
    // A damaged record goes into the audit log and onto the manager's home as possible
    // tampering; a lock in the middle of a read is nothing of the kind.
    await expect(staffCodec.decode(row, cipher)).rejects.toBeInstanceOf(KeysDroppedError);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [2, 'x'], c: undefined }, '{"a":[2,"x"],"b":1}'],
    [{ z: { y: null, x: true } }, '{"z":{"x":true,"y":null}}'],
    ['a"b', '"a\\"b"'],
    // Keys in UTF-16 code-unit order (capitals before lower case), nothing between empty brackets.
    [{ a: 1, B: 2, é: 3, _: [], '': {} }, '{"":{},"B":2,"_":[],"a":1,"é":3}'],
  ])('%j is %s', (value, text) => expect(canonicalJson(value)).toBe(text));

  it('refuses what is not plain data', () => {
    expect(() => canonicalJson({ at: new Date(0) })).toThrow();
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });
});
