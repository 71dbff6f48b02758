import type { z } from 'zod';
import { mergeVersions, versionId, type Side } from '../sync/record-merge';
import { isShownField, labelOf } from './conflict-fields';

/**
 * Combining the versions of a record changed on two computers at once (docs/sync-design.md,
 * "Conflicts"; issue deliverable "choose or combine"): the manager chooses, for each detail changed
 * two ways, which version's value to keep. Details changed on one side only keep that side's
 * value, as the merging pass would give them; details the manager is not shown (who made a version,
 * and when) follow the version the record holds meanwhile. The result must be a record the table
 * accepts (its schema, with its own rules such as a restriction not ending before it starts), or
 * nothing is kept. Pure, so every computer and test combines alike.
 */

/** Which version's value to keep, by field: `d:n` of one of the sides. */
export type FieldChoices = Readonly<Record<string, string>>;

export type CombineProblem =
  /** One side deleted the record: there is nothing to combine it with. */
  | 'deleted'
  /** A detail changed two ways has no choice. */
  | 'unchosen'
  /** A choice names a detail not changed two ways, or a version not among the sides: the screen is out of date. */
  | 'stale'
  /** The combination is not a record the table accepts. */
  | 'invalid';

/** Which value came from which version: what the settling change's audit entry names. */
export type CombinedFrom = { readonly field: string; readonly label: string; readonly version: string };

export type Combined<Record> =
  | { readonly ok: true; readonly record: Record; readonly from: readonly CombinedFrom[] }
  | { readonly ok: false; readonly problem: CombineProblem; readonly message: string };

export type CombineOptions = {
  /** The table's record schema: what the combined record must satisfy before it is written. */
  readonly schema: z.ZodType;
  /** Fields every change sets (`sync-merge.ts`): they never conflict. */
  readonly stamps?: readonly string[];
};

const refuse = <Record>(problem: CombineProblem, message: string): Combined<Record> => ({
  ok: false,
  problem,
  message,
});

/**
 * The details of a conflict the manager chooses between: changed two ways and shown. Empty when a
 * side deleted the record (that is keep one version or the other) or nothing was changed two ways.
 */
export function choosableFields<Record extends object>(
  base: Record | undefined,
  sides: readonly Side<Record>[],
  stamps: readonly string[] = [],
): string[] {
  const { conflicting } = mergeVersions(base, sides, { stamps });
  if (conflicting.includes('*')) return [];
  return conflicting.filter(isShownField);
}

/** Combines the sides of a conflict field by field, as chosen; refused with a plain message, nothing kept. */
export function combineVersions<Record extends object>(
  base: Record | undefined,
  sides: readonly Side<Record>[],
  choices: FieldChoices,
  options: CombineOptions,
): Combined<Record> {
  const stamps = options.stamps ?? [];
  const merged = mergeVersions(base, sides, { stamps });
  if (merged.conflicting.includes('*') || sides.some((side) => side.record === undefined))
    return refuse(
      'deleted',
      'One version deleted this record, so they cannot be combined: keep one version.',
    );
  const choosable = merged.conflicting.filter(isShownField);
  const byVersion = new Map(sides.map((side) => [versionId(side), side]));
  for (const [field, version] of Object.entries(choices))
    if (!choosable.includes(field) || !byVersion.has(version))
      return refuse(
        'stale',
        'The versions of this record have changed since they were shown. Look at them again and choose.',
      );
  const missing = choosable.find((field) => choices[field] === undefined);
  if (missing !== undefined) return refuse('unchosen', `Choose the value to keep for “${labelOf(missing)}”.`);

  const combined: { [field: string]: unknown } = { ...(merged.record as object) };
  const from: CombinedFrom[] = [];
  for (const field of choosable) {
    const version = choices[field] as string;
    const value = (byVersion.get(version)?.record as { readonly [field: string]: unknown })[field];
    if (value === undefined) delete combined[field];
    else combined[field] = value;
    from.push({ field, label: labelOf(field), version });
  }
  const checked = options.schema.safeParse(combined);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path[0];
    const where = typeof field === 'string' ? `${labelOf(field)}: ` : '';
    return refuse(
      'invalid',
      `These values cannot be kept together. ${where}${issue?.message ?? 'the record would not be valid.'} Nothing has been changed.`,
    );
  }
  return { ok: true, record: combined as Record, from: from.sort((a, b) => a.label.localeCompare(b.label)) };
}
