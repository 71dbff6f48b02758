import { restrictionAuthorityFields, restrictionInstructionFields } from '@shared/rules/access';
import { restrictionSchema, type Restriction } from '@shared/schemas/registers';
import type { RestrictionPlainKey, RestrictionRow } from '../database';
import { CompartmentLockedError, type RecordCipher, type SealedBox } from '../encryption/record-cipher';
import {
  currentSealFormat,
  DamagedRecordError,
  oldFormatBinding,
  refusesOldFormatRows,
  rowBinding,
} from '../row-binding';
import type { SealedCodec } from '../sealed-codec';

/** What everyone at the door may read of a restriction (DESIGN rule 8). */
export type RestrictionInstruction = Pick<Restriction, (typeof restrictionInstructionFields)[number]>;

const plainKeys = [
  'id',
  'youngPersonId',
  'personId',
  'reviewOn',
  'effectiveTo',
] as const satisfies readonly RestrictionPlainKey[];

const instructionSchema = restrictionSchema.pick({
  id: true,
  youngPersonId: true,
  personId: true,
  name: true,
  aliases: true,
  kind: true,
  conditions: true,
  effectiveFrom: true,
  effectiveTo: true,
  reviewOn: true,
  endedAt: true,
  earlierTerms: true,
} satisfies Record<(typeof restrictionInstructionFields)[number], true>);

const table = 'restrictions';

function pick<Key extends keyof Restriction>(record: Partial<Restriction>, keys: readonly Key[]) {
  const part: Partial<Restriction> = {};
  for (const key of keys) if (record[key] !== undefined) Object.assign(part, { [key]: record[key] });
  return part;
}

/**
 * The row's plain fields and the additional data each sealed part is bound to. Both parts are
 * bound to every plain field (`row-binding.ts`), and the casework part to its own name as well,
 * so neither part can be swapped for the other's or for another row's.
 */
function bindingsOf(row: RestrictionRow, cipher: RecordCipher) {
  const { sealed: _sealed, sealedCasework: _casework, ...clear } = row;
  const plain = clear as Partial<Restriction> & { id?: unknown; sealFormat?: unknown };
  if (typeof plain.id !== 'string') throw new Error('A row in restrictions has no id');
  const id = plain.id;
  if (plain.sealFormat === undefined) {
    if (refusesOldFormatRows(cipher)) throw new DamagedRecordError(table, id, 'old-format-refused');
    const old = oldFormatBinding(table, id);
    return { id, plain, door: old, casework: `${old}:casework` };
  }
  // Every row sealed the current way has its casework part: one without has been cut down.
  if (row.sealedCasework === undefined) throw new DamagedRecordError(table, id, 'does-not-open');
  const bound = rowBinding(table, clear);
  return { id, plain, door: bound, casework: `${bound}\ncasework` };
}

/** Opens one part; a key this session does not hold is not damage, anything else that fails is. */
async function openPart(cipher: RecordCipher, id: string, context: string, box: SealedBox) {
  try {
    return (await cipher.open(context, box)) as Partial<Restriction>;
  } catch (error) {
    if (error instanceof CompartmentLockedError) throw error;
    throw new DamagedRecordError(table, id, 'does-not-open');
  }
}

/** The plain fields without the format marker, to lay over what was sealed. */
function fieldsOf(plain: Partial<Restriction> & { sealFormat?: unknown }): Partial<Restriction> {
  const { sealFormat: _format, ...fields } = plain;
  return fields;
}

/**
 * A restriction is stored in two sealed parts (DESIGN: need to know by keys): what the door check
 * needs under the door key, which everyone holds, and its authority, reference, description and
 * who recorded and approved it under the casework key, which care staff never hold. A row sealed
 * before compartments existed has everything in its door part until it is sealed again.
 */
export const restrictionCodec: SealedCodec<Restriction, RestrictionPlainKey, RestrictionRow> & {
  /** The door's view, opened with the door key alone. */
  decodeInstruction(row: RestrictionRow, cipher: RecordCipher): Promise<RestrictionInstruction>;
} = {
  table,
  async encode(record, cipher) {
    const doorPart = pick(
      record,
      restrictionInstructionFields.filter((key) => !(plainKeys as readonly string[]).includes(key)),
    );
    const caseworkPart = pick(record, restrictionAuthorityFields);
    const clear = { ...pick(record, plainKeys), id: record.id, sealFormat: currentSealFormat };
    const bound = rowBinding(table, clear);
    const [sealed, sealedCasework] = await Promise.all([
      cipher.seal(bound, doorPart),
      cipher.seal(`${bound}\ncasework`, caseworkPart, 'casework'),
    ]);
    return { ...clear, youngPersonId: record.youngPersonId, sealed, sealedCasework };
  },
  async decode(row, cipher) {
    const { id, plain, door, casework } = bindingsOf(row, cipher);
    const doorPart = await openPart(cipher, id, door, row.sealed);
    const caseworkPart = row.sealedCasework ? await openPart(cipher, id, casework, row.sealedCasework) : {};
    const parsed = restrictionSchema.safeParse({ ...doorPart, ...caseworkPart, ...fieldsOf(plain) });
    if (!parsed.success) throw new DamagedRecordError(table, id, 'does-not-open');
    return parsed.data;
  },
  async decodeInstruction(row, cipher) {
    const { id, plain, door } = bindingsOf(row, cipher);
    const doorPart = await openPart(cipher, id, door, row.sealed);
    // A row sealed before compartments held everything here: only the door's fields are kept.
    const parsed = instructionSchema.safeParse({
      ...pick(doorPart, restrictionInstructionFields),
      ...fieldsOf(plain),
    });
    if (!parsed.success) throw new DamagedRecordError(table, id, 'does-not-open');
    return parsed.data;
  },
};
