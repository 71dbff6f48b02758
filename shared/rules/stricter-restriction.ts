import { restrictionKinds, type Restriction, type RestrictionTerms } from '../schemas/registers';
import { termsInForce } from './restriction-versions';

/**
 * The stricter of two versions of one restriction, for the door while the two are undecided
 * (docs/sync-design.md, "Conflicts": a restriction changed on two computers at once). A relaxed
 * edit on one computer must never let someone in while another computer's stricter edit waits for
 * the manager (DESIGN rule 6: a "no contact" match blocks).
 *
 * Interpretation:
 * - No contact is stricter than supervised only, which is stricter than every other kind (each of
 *   those allows contact on a condition). Two different conditional kinds are not comparable; the
 *   one listed first in `restrictionKinds` is taken, so every computer reaches the same answer.
 * - The kind is read from the terms in force on `day` (an earlier version may still govern today
 *   when a change starts later); a version with nothing in force on `day` adds nothing, unless
 *   neither has anything in force, when their newest terms are compared.
 * - Both versions' conditions for the chosen kind are kept, so staff read every condition.
 * - The name of the stricter version, and every other name and alias of both as aliases: whoever
 *   either computer would stop is stopped.
 * - The earlier start and the later end (no end if either has none); ended only if both are.
 * - The result has no earlier versions: it describes the door's answer, not a record to store.
 */

const rank = (kind: RestrictionTerms['kind']): number =>
  kind === 'noContact' ? 2 : kind === 'supervisedOnly' ? 1 : 0;

/** Whether `a`'s kind is at least as strict as `b`'s, with the fixed tie-break for different conditional kinds. */
function isAtLeastAsStrict(a: RestrictionTerms['kind'], b: RestrictionTerms['kind']): boolean {
  if (rank(a) !== rank(b)) return rank(a) > rank(b);
  return restrictionKinds.indexOf(a) <= restrictionKinds.indexOf(b);
}

const termsOf = (restriction: ComparableRestriction): RestrictionTerms => ({
  kind: restriction.kind,
  conditions: restriction.conditions,
  effectiveFrom: restriction.effectiveFrom,
  ...(restriction.effectiveTo === undefined ? {} : { effectiveTo: restriction.effectiveTo }),
});

function distinctNames(names: readonly string[], leaveOut: string): string[] {
  const seen = new Set([leaveOut.trim().toLocaleLowerCase('en-GB')]);
  const kept: string[] = [];
  for (const name of names) {
    const key = name.trim().toLocaleLowerCase('en-GB');
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(name.trim());
  }
  return kept;
}

/** What the rule reads of a restriction: the door's view has these, and so does the whole record. */
export type ComparableRestriction = Pick<
  Restriction,
  'name' | 'aliases' | 'kind' | 'conditions' | 'effectiveFrom' | 'effectiveTo' | 'endedAt' | 'earlierTerms'
> & { readonly endedReason?: string };

export function stricterRestriction<Item extends ComparableRestriction>(a: Item, b: Item, day: string): Item {
  const inForce = [
    { version: a, terms: termsInForce(a, day) },
    { version: b, terms: termsInForce(b, day) },
  ].flatMap((entry) => (entry.terms ? [{ version: entry.version, terms: entry.terms }] : []));
  const compared =
    inForce.length > 0
      ? inForce
      : [
          { version: a, terms: termsOf(a) },
          { version: b, terms: termsOf(b) },
        ];
  const [first, second] = compared;
  if (!first) return a;
  const stricter = second && !isAtLeastAsStrict(first.terms.kind, second.terms.kind) ? second : first;
  const other = stricter.version === a ? b : a;
  const kind = stricter.terms.kind;
  const conditions = [
    ...new Set(
      compared
        .filter((entry) => entry.terms.kind === kind)
        .map((entry) => entry.terms.conditions.trim())
        .filter((text) => text !== ''),
    ),
  ].join('\n');
  const starts = compared.map((entry) => entry.terms.effectiveFrom).sort();
  const ends = compared.map((entry) => entry.terms.effectiveTo);
  const effectiveTo = ends.some((end) => end === undefined)
    ? undefined
    : [...(ends as string[])].sort().at(-1);
  const { earlierTerms: _earlier, endedAt: _ended, endedReason: _reason, ...kept } = stricter.version;
  const name = stricter.version.name;
  const ended = a.endedAt !== undefined && b.endedAt !== undefined;
  return {
    ...kept,
    kind,
    conditions,
    effectiveFrom: starts[0] ?? stricter.terms.effectiveFrom,
    ...(effectiveTo === undefined ? { effectiveTo: undefined } : { effectiveTo }),
    name,
    aliases: distinctNames([...stricter.version.aliases, other.name, ...other.aliases], name),
    ...('endedReason' in stricter.version ? { endedReason: ended ? stricter.version.endedReason : '' } : {}),
    ...(ended ? { endedAt: stricter.version.endedAt } : {}),
  } as Item;
}
