import type { RecordCipher } from '../../../../renderer/src/db/encryption/record-cipher';
import { schemaVersions } from '../../../../renderer/src/db/schema-versions';

/**
 * A row as the app stored it before seals covered the plain fields: `plainKeys` in the clear,
 * the rest sealed with only `${table}:${id}` bound in, and no `sealFormat`.
 */
export async function oldFormatRow<Record extends { id: string }>(
  table: string,
  record: Record,
  plainKeys: readonly (keyof Record)[],
  cipher: RecordCipher,
): Promise<{ [key: string]: unknown }> {
  const plain: { [key: string]: unknown } = {};
  const secret: { [key: string]: unknown } = { ...record };
  for (const key of plainKeys) {
    plain[key as string] = record[key];
    delete secret[key as string];
  }
  return { ...plain, sealed: await cipher.seal(`${table}:${record.id}`, secret) };
}

/**
 * The fields `table` indexed on their own at `version`, from the shipped schema history: what that
 * version kept plain, as every indexed field had to be (compound indexes only combine them).
 */
export function fieldsIndexedAt<Record>(table: string, version: number): (keyof Record)[] {
  const stores = schemaVersions.filter((entry) => entry.version <= version && entry.stores[table]);
  const indexes = stores.at(-1)?.stores[table];
  if (!indexes) throw new Error(`No ${table} table at version ${version}`);
  return indexes
    .split(',')
    .map((index) => index.trim())
    .filter((index) => !index.startsWith('['))
    .map((index) => index.replace(/^(\+\+|&|\*)/, '') as keyof Record);
}
