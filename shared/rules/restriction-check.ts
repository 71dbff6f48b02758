import type { Restriction } from '../schemas/registers';
import {
  closenessRank,
  compareNames,
  isStartOfName,
  nameLookup,
  possibleMatches,
  possibleStarts,
  prepareName,
  type NameCloseness,
  type NameLookup,
  type PreparedName,
} from './name-matching';
import { termsInForce } from './restriction-versions';
import {
  restrictionEffect,
  type ContactMode,
  type RestrictionEffect,
  type RestrictionKind,
} from './restriction-effects';
import { unreachable } from '../unreachable';

/**
 * The restriction check (DESIGN rule 6). Given who is at the door, or being booked, or recorded as
 * taking part in a contact, and whom they are seeing, it answers clear, warn or block, with each
 * restriction that matched, how the name matched and what it means for this contact.
 *
 * Interpretation:
 * - **In force** on `today`, a date (YYYY-MM-DD) in the home's own time zone: the version that
 *   has taken over by then (`restriction-versions.ts`: a changed restriction reads each day as its
 *   version then said), from its `effectiveFrom` to its `effectiveTo` inclusive, and not ended. A
 *   restriction that has been ended (`endedAt` set) no longer applies whatever its dates: ending
 *   one is a recorded decision. The caller works out today in the home's zone, which keeps zones
 *   and the clock out of the rule.
 * - **Whom they are visiting**: only restrictions for those young people count. None listed means
 *   anyone in the home (a visitor not yet saying whom they have come to see), so every restriction counts.
 * - **Who they are**: a registered person matches a restriction recorded against them ("same
 *   person"), and, like a typed name, any restriction whose name or alias matches theirs (a
 *   restriction may have been recorded by name only, before the person was registered). See
 *   `name-matching.ts` for what counts as a match, the thresholds and why.
 * - **Recorded as someone else**: when a registered visitor's name matches a restriction that is
 *   recorded against a *different* registered person (a father and son who share a name), it may
 *   be a duplicate record or it may be the namesake. It is never blocked on the name alone: it warns,
 *   asking for their ID to be checked with the duty manager.
 * - **The answer** is the most severe match: any block blocks, else any warning warns, else clear.
 *   Matches that change nothing for this kind of contact (a "no phone contact" person visiting) are
 *   returned as `allowed`, so a screen can say why a restricted person was not stopped.
 * - **Need to know** (DESIGN rule 8): a match carries ids, the kind and the instruction only: never
 *   the authority, its reference or the description. A screen that shows more asks
 *   `visibleRestriction` in `access.ts` for what the person at the keyboard may see.
 */

/**
 * What the check reads of a restriction: the fields every member of staff may see. Its earlier
 * versions' terms, when it has been changed, say what applied before the current version began.
 */
export type CheckableRestriction = Pick<
  Restriction,
  | 'id'
  | 'youngPersonId'
  | 'personId'
  | 'name'
  | 'aliases'
  | 'kind'
  | 'conditions'
  | 'effectiveFrom'
  | 'effectiveTo'
  | 'endedAt'
  | 'earlierTerms'
>;

export type RestrictionVisitor =
  /** Chosen from the people list: their id, and their name with any aliases. */
  | { readonly kind: 'registered'; readonly personId: string; readonly names: readonly string[] }
  /** A name typed at the door. */
  | { readonly kind: 'typed'; readonly name: string };

export type RestrictionCheckInput = {
  readonly visitor: RestrictionVisitor;
  /** Whom they are visiting or in contact with; empty means anyone in the home. */
  readonly youngPersonIds: readonly string[];
  /** The kind of contact; a visit to the home (the door) when not given. */
  readonly contact?: ContactMode;
  /** A named member of staff will supervise (known when booking; at the door, settled after the check). */
  readonly isSupervised?: boolean;
  /** Where it will happen, for a named-place-only restriction. */
  readonly place?: string;
};

export type NameMatch = {
  readonly how:
    'same person' | 'exact name' | 'alias' | 'short form' | 'part of the name' | 'initial' | 'near spelling';
  /** The visitor's name as given, that matched. */
  readonly matchedText: string;
  /** The restriction's name or alias that it matched. */
  readonly restrictedName: string;
};

export type RestrictionMatch = {
  readonly restrictionId: string;
  readonly youngPersonId: string;
  readonly kind: RestrictionKind;
  readonly name: NameMatch;
  /** A registered visitor matched by name a restriction recorded against another registered person. */
  readonly isRecordedAsSomeoneElse: boolean;
  readonly effect: RestrictionEffect;
};

export type RestrictionCheck =
  | { readonly kind: 'clear'; readonly allowed: readonly RestrictionMatch[] }
  | {
      readonly kind: 'warn';
      readonly matches: readonly RestrictionMatch[];
      readonly allowed: readonly RestrictionMatch[];
    }
  | {
      readonly kind: 'block';
      readonly matches: readonly RestrictionMatch[];
      readonly allowed: readonly RestrictionMatch[];
    };

type IndexedName = { readonly text: string; readonly prepared: PreparedName; readonly isAlias: boolean };
type IndexedRestriction = {
  readonly restriction: CheckableRestriction;
  readonly names: readonly IndexedName[];
};

/** Restrictions with their names already read: make it once, reuse it on every keystroke. */
export type RestrictionIndex = {
  readonly kind: 'restrictionIndex';
  readonly entries: readonly IndexedRestriction[];
  /** Each entry's position, filed by its names' surnames, to skip the entries no name could match. */
  readonly lookup: NameLookup<number>;
};

/**
 * Reads every restriction's name and aliases once. The door re-runs the check on each keystroke
 * against the whole register (thousands of restrictions over the years), so the reading is done
 * here and not per check; `npm run bench` measures a check against 5,000.
 */
export function prepareRestrictionIndex(restrictions: readonly CheckableRestriction[]): RestrictionIndex {
  const entries = restrictions.map((restriction) => ({
    restriction,
    names: [
      { text: restriction.name, prepared: prepareName(restriction.name), isAlias: false },
      ...restriction.aliases.map((alias) => ({ text: alias, prepared: prepareName(alias), isAlias: true })),
    ],
  }));
  const lookup = nameLookup(
    entries.flatMap((entry, position) => entry.names.map((name) => [name.prepared, position] as const)),
  );
  return { kind: 'restrictionIndex', entries, lookup };
}

/** True while a restriction applies on `today` (YYYY-MM-DD in the home's zone): started, not lapsed, not ended. */
export function isRestrictionInForce(
  restriction: Pick<Restriction, 'effectiveFrom' | 'effectiveTo' | 'endedAt'>,
  today: string,
): boolean {
  return (
    restriction.endedAt === undefined &&
    restriction.effectiveFrom <= today &&
    (restriction.effectiveTo === undefined || today <= restriction.effectiveTo)
  );
}

/**
 * Is this only a name close to the restricted person's (part of it, an initial, a near spelling),
 * not their name, an alias or a known short form? DESIGN rule 6: such a name "alone asks staff to
 * check ID and record that they did"; the name itself blocks or warns.
 */
export function isCloseNameOnly(how: NameMatch['how']): boolean {
  return how === 'part of the name' || how === 'initial' || how === 'near spelling';
}

type Candidate = { readonly text: string; readonly prepared: PreparedName };

/** The closest way any of the visitor's names matches any of the restriction's; the name before an alias. */
function nameMatch(
  visitor: RestrictionVisitor,
  candidates: readonly Candidate[],
  entry: IndexedRestriction,
): NameMatch | undefined {
  const { restriction } = entry;
  if (visitor.kind === 'registered' && restriction.personId === visitor.personId) {
    return { how: 'same person', matchedText: visitor.names[0] ?? '', restrictedName: restriction.name };
  }
  let best: { closeness: NameCloseness; candidate: Candidate; name: IndexedName } | undefined;
  for (const name of entry.names) {
    for (const candidate of candidates) {
      const closeness = compareNames(candidate.prepared, name.prepared);
      if (closeness === undefined) continue;
      if (!best || closenessRank[closeness] < closenessRank[best.closeness])
        best = { closeness, candidate, name };
      if (closeness === 'exact') break;
    }
    if (best?.closeness === 'exact') break;
  }
  if (!best) return undefined;
  const how = best.closeness === 'exact' ? (best.name.isAlias ? 'alias' : 'exact name') : best.closeness;
  return { how, matchedText: best.candidate.text, restrictedName: best.name.text };
}

/** A namesake of someone else's restriction is looked into, never turned away on the name alone. */
function asSomeoneElse(effect: RestrictionEffect): RestrictionEffect {
  switch (effect.kind) {
    case 'allowed':
      return effect;
    case 'block':
    case 'warn':
      return {
        kind: 'warn',
        condition: effect.kind === 'block' ? effect.reason : effect.condition,
        instruction:
          'Their name matches a restricted person who is recorded as someone else. Check their ID with the duty manager before going ahead.',
        needsSupervisor: false,
      };
    default:
      return unreachable(effect, 'effect');
  }
}

const isRestrictionIndex = (
  restrictions: RestrictionIndex | readonly CheckableRestriction[],
): restrictions is RestrictionIndex => !Array.isArray(restrictions);

/** The index to check against: the one given, or one read now from a plain list. */
export function restrictionIndexOf(
  restrictions: RestrictionIndex | readonly CheckableRestriction[],
): RestrictionIndex {
  return isRestrictionIndex(restrictions) ? restrictions : prepareRestrictionIndex(restrictions);
}

/**
 * Checks a visitor or contact against the restriction register on `today` (YYYY-MM-DD in the
 * home's zone). Pass a `RestrictionIndex` when checking repeatedly (as the name is typed); a
 * plain list is read afresh each time.
 */
export function checkRestrictions(
  input: RestrictionCheckInput,
  restrictions: RestrictionIndex | readonly CheckableRestriction[],
  today: string,
): RestrictionCheck {
  const index = restrictionIndexOf(restrictions);
  const { visitor } = input;
  const circumstances = {
    contact: input.contact ?? 'visit',
    isSupervised: input.isSupervised ?? false,
    place: input.place,
  };
  const visiting = new Set(input.youngPersonIds);
  const candidates = (visitor.kind === 'typed' ? [visitor.name] : visitor.names)
    .map((text) => ({ text, prepared: prepareName(text, { asGiven: true }) }))
    .filter((candidate) => candidate.prepared.shapes.length > 0);

  const worthComparing = new Set(
    candidates.flatMap((candidate) => [...possibleMatches(index.lookup, candidate.prepared)]),
  );

  const blocks: RestrictionMatch[] = [];
  const warnings: RestrictionMatch[] = [];
  const allowed: RestrictionMatch[] = [];
  for (const [position, entry] of index.entries.entries()) {
    const { restriction } = entry;
    const isSamePerson = visitor.kind === 'registered' && restriction.personId === visitor.personId;
    if (!isSamePerson && !worthComparing.has(position)) continue;
    if (visiting.size > 0 && !visiting.has(restriction.youngPersonId)) continue;
    const terms = termsInForce(restriction, today);
    if (!terms) continue;
    const name = nameMatch(visitor, candidates, entry);
    if (!name) continue;
    const isRecordedAsSomeoneElse =
      visitor.kind === 'registered' &&
      restriction.personId !== undefined &&
      restriction.personId !== visitor.personId;
    const effect = restrictionEffect(terms.kind, terms.conditions, circumstances);
    const match: RestrictionMatch = {
      restrictionId: restriction.id,
      youngPersonId: restriction.youngPersonId,
      kind: terms.kind,
      name,
      isRecordedAsSomeoneElse,
      effect: isRecordedAsSomeoneElse ? asSomeoneElse(effect) : effect,
    };
    const into = { block: blocks, warn: warnings, allowed }[match.effect.kind];
    into.push(match);
  }
  if (blocks.length > 0) return { kind: 'block', matches: [...blocks, ...warnings], allowed };
  if (warnings.length > 0) return { kind: 'warn', matches: warnings, allowed };
  return { kind: 'clear', allowed };
}

/**
 * Could the name typed so far be the start of a restricted name in force for these young people
 * ("Sarah Kh" for Sarah Khan; see `isStartOfName`)? The door then asks for the full name instead
 * of saying nothing was found.
 */
export function startsRestrictedName(
  typedName: string,
  youngPersonIds: readonly string[],
  index: RestrictionIndex,
  today: string,
): boolean {
  const candidate = prepareName(typedName, { asGiven: true });
  const visiting = new Set(youngPersonIds);
  for (const position of possibleStarts(index.lookup, candidate)) {
    const entry = index.entries[position];
    if (!entry) continue;
    if (visiting.size > 0 && !visiting.has(entry.restriction.youngPersonId)) continue;
    if (!termsInForce(entry.restriction, today)) continue;
    if (entry.names.some((name) => isStartOfName(candidate, name.prepared))) return true;
  }
  return false;
}
