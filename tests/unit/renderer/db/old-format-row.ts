import type { RecordCipher } from '../../../../renderer/src/db/encryption/record-cipher';

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
