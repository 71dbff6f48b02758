import { restrictionAuthorityFields, restrictionInstructionFields } from '@shared/rules/access';
import { restrictionSchema, type Restriction } from '@shared/schemas/registers';
import type { RestrictionPlainKey, RestrictionRow } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
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
} satisfies Record<(typeof restrictionInstructionFields)[number], true>);

const doorContext = (id: string) => `restrictions:${id}`;
const caseworkContext = (id: string) => `restrictions:${id}:casework`;

function pick<Key extends keyof Restriction>(record: Partial<Restriction>, keys: readonly Key[]) {
  const part: Partial<Restriction> = {};
  for (const key of keys) if (record[key] !== undefined) Object.assign(part, { [key]: record[key] });
  return part;
}

function plainOf(row: RestrictionRow): Partial<Restriction> & { id: string } {
  const { sealed: _sealed, sealedCasework: _casework, ...plain } = row;
  if (typeof plain.id !== 'string') throw new Error('A row in restrictions has no id');
  return plain;
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
  table: 'restrictions',
  async encode(record, cipher) {
    const doorPart = pick(
      record,
      restrictionInstructionFields.filter((key) => !(plainKeys as readonly string[]).includes(key)),
    );
    const caseworkPart = pick(record, restrictionAuthorityFields);
    const [sealed, sealedCasework] = await Promise.all([
      cipher.seal(doorContext(record.id), doorPart),
      cipher.seal(caseworkContext(record.id), caseworkPart, 'casework'),
    ]);
    return {
      ...pick(record, plainKeys),
      id: record.id,
      youngPersonId: record.youngPersonId,
      sealed,
      sealedCasework,
    };
  },
  async decode(row, cipher) {
    const plain = plainOf(row);
    const door = (await cipher.open(doorContext(plain.id), row.sealed)) as object;
    const casework = row.sealedCasework
      ? ((await cipher.open(caseworkContext(plain.id), row.sealedCasework)) as object)
      : {};
    return restrictionSchema.parse({ ...door, ...casework, ...plain });
  },
  async decodeInstruction(row, cipher) {
    const plain = plainOf(row);
    const door = (await cipher.open(doorContext(plain.id), row.sealed)) as Partial<Restriction>;
    // A row sealed before compartments held everything here: only the door's fields are kept.
    return instructionSchema.parse({ ...pick(door, restrictionInstructionFields), ...plain });
  },
};
