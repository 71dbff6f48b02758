import {
  canonicalJson,
  isAuthenticAuditEntry,
  type AuditKey,
  type ChainedAuditEntry,
} from '@shared/rules/audit-chain';

/**
 * What each audit key has found of entries already checked, by the entry's whole content: a
 * trail read runs on every look at the door, and an entry once checked needs no second HMAC
 * while it stays byte for byte the same (any edit gives another key here, and is checked anew).
 */
const checkedByKey = new WeakMap<object, Map<string, boolean>>();

/** Whether the entry's MAC verifies under `key`; remembered for the same key and the same content. */
export async function isAuthenticEntry(entry: ChainedAuditEntry, key: AuditKey): Promise<boolean> {
  const checked = checkedByKey.get(key) ?? new Map<string, boolean>();
  checkedByKey.set(key, checked);
  const content = canonicalJson(entry);
  const known = checked.get(content);
  if (known !== undefined) return known;
  const isAuthentic = await isAuthenticAuditEntry(entry, key);
  checked.set(content, isAuthentic);
  return isAuthentic;
}
