/**
 * Concurrent changes to one record (docs/sync-design.md, "Conflicts"): pure rules, the same on
 * every computer whatever order the changes arrive in.
 *
 * - A version of a record is named by the change that made it: the writing computer's id and its
 *   change number, `d:n`. A change says which version it was made on (`base`); one made on a
 *   version that is not the record's current one here is concurrent with it.
 * - Of two or more concurrent versions the winner is the one with the highest `(n, d)`: change
 *   number first, then computer id. It is what the record holds until the versions are merged or
 *   someone chooses.
 * - Merging compares each version with the version they share (the base), field by field: a field
 *   changed by one side only takes that side's value; one changed to the same value by every side
 *   that changed it takes that value; one changed to different values is a conflict, and holds the
 *   winner's value meanwhile.
 */

export type VersionName = { readonly d: string; readonly n: number };

export const versionId = (version: VersionName): string => `${version.d}:${version.n}`;

/** Reads `d:n` back; undefined for anything else. */
export function parseVersionId(id: string): VersionName | undefined {
  const at = id.lastIndexOf(':');
  const n = Number(id.slice(at + 1));
  if (at <= 0 || !Number.isSafeInteger(n) || n < 1) return undefined;
  return { d: id.slice(0, at), n };
}

/** Orders versions by `(n, d)`: negative when `a` comes first (loses to `b`). */
export function compareVersions(a: VersionName, b: VersionName): number {
  if (a.n !== b.n) return a.n - b.n;
  return a.d < b.d ? -1 : a.d > b.d ? 1 : 0;
}

/** The winner of concurrent versions: the highest `(n, d)`. */
export function winningVersion<Version extends VersionName>(
  versions: readonly Version[],
): Version | undefined {
  let best: Version | undefined;
  for (const version of versions) if (!best || compareVersions(version, best) > 0) best = version;
  return best;
}

/** One side of a conflict: its version and the record it holds (undefined when it deleted the record). */
export type Side<Record> = VersionName & { readonly record: Record | undefined };

export type MergeResult<Record> = {
  /** The merged record, or undefined when the winner deleted it; the winner's value on every conflicting field. */
  readonly record: Record | undefined;
  /** Fields the sides changed to different values, sorted; `*` when one side deleted the record and another changed it. */
  readonly conflicting: readonly string[];
};

/** JSON with sorted keys, `undefined` fields left out: two values are the same when this is. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) {
      const field = (inner as Record<string, unknown>)[key];
      if (field !== undefined) sorted[key] = field;
    }
    return sorted;
  });
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * Merges concurrent versions of one record made on `base` (undefined when the record is new on
 * every side), field by field. The result does not depend on the order of `sides`.
 */
export function mergeVersions<Record extends object>(
  base: Record | undefined,
  sides: readonly Side<Record>[],
  options: { readonly stamps?: readonly string[] } = {},
): MergeResult<Record> {
  const stamps = new Set(options.stamps ?? []);
  const winner = winningVersion(sides);
  if (!winner) return { record: base, conflicting: [] };
  const deleted = sides.filter((side) => side.record === undefined);
  if (deleted.length > 0) {
    const changedElsewhere = sides.some((side) => side.record !== undefined && !same(side.record, base));
    return { record: winner.record, conflicting: changedElsewhere ? ['*'] : [] };
  }
  const baseFields = (base ?? {}) as { readonly [field: string]: unknown };
  const fields = new Set<string>(Object.keys(baseFields));
  for (const side of sides) for (const field of Object.keys(side.record as object)) fields.add(field);
  const merged: { [field: string]: unknown } = {};
  const conflicting: string[] = [];
  for (const field of [...fields].sort()) {
    const changed = sides.filter(
      (side) => !same((side.record as { readonly [field: string]: unknown })[field], baseFields[field]),
    );
    const valueOf = (side: Side<Record>) => (side.record as { readonly [field: string]: unknown })[field];
    const first = changed[0];
    let value = first === undefined ? baseFields[field] : valueOf(first);
    if (changed.some((side) => !same(valueOf(side), value))) {
      if (!stamps.has(field)) conflicting.push(field);
      value = valueOf(winningVersion(changed) ?? winner);
    }
    if (value !== undefined) merged[field] = value;
  }
  return { record: merged as Record, conflicting };
}
