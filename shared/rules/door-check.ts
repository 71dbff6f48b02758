import type { z } from 'zod';
import type { admittedUnderSchema } from '../schemas/registers';
import { nameCompleteness, prepareName } from './name-matching';
import type { LeftOutOfName } from './name-words';
import {
  checkRestrictions,
  isCloseNameOnly,
  restrictionIndexOf,
  startsRestrictedName,
  type CheckableRestriction,
  type RestrictionIndex,
  type RestrictionMatch,
  type RestrictionVisitor,
} from './restriction-check';

/**
 * The restriction check at the front door (DESIGN rule 6), on top of `checkRestrictions`:
 *
 * - **One word is not a check.** A typed first name or surname alone ("Imran"), or nothing that is
 *   a person's name ("DPD courier", "Acme Ltd"), is answered "incomplete": no green tick, and the
 *   register will not sign it in. A single word that is a restricted person's one-word name or
 *   alias ("Smithy") is a match all the same, and is answered as one.
 * - **Half a name** ("Sarah Kh" while typing Sarah Khan) is "incomplete" too, as "unfinished": the
 *   screen asks for the full name, but the register may sign it in, because "John Li" is a full
 *   name that merely starts like a barred Lindsay.
 * - **Exact matches block; near ones ask for ID.** The name, an alias or a known short form acts as
 *   the restriction says (block or warn). A name only close to a restricted person's (part of it,
 *   an initial, a near spelling) asks staff to "Check their ID" first: they confirm "this is not
 *   <restricted person>" (`idChecks.notThem`, kept with the entry) or treat the visitor as that
 *   person (`idChecks.treatedAsThem`), and the restriction then acts as for an exact match.
 * - A registered visitor chosen from the people list is known by their record, so the name rules
 *   above (one word, unfinished) do not apply to them.
 */

export type IdChecks = {
  /** Restrictions whose person staff checked ID against and found this is not them. */
  readonly notThem: readonly string[];
  /** Restrictions matched by a close name whose person staff chose to treat the visitor as. */
  readonly treatedAsThem: readonly string[];
};

export type DoorCheckInput = {
  readonly visitor: RestrictionVisitor;
  /** Whom they are visiting; empty means anyone in the home. */
  readonly youngPersonIds: readonly string[];
  readonly idChecks?: IdChecks | undefined;
  /** A named member of staff will supervise (chosen after the check shows it is needed). */
  readonly isSupervised?: boolean;
};

type Found = {
  /** Matches that act (block or warn): exact, alias, short form, or close names treated as them. */
  readonly matches: readonly RestrictionMatch[];
  /** Restrictions that match but allow this visit, so a screen can say why they were not stopped. */
  readonly allowed: readonly RestrictionMatch[];
  /** Close-name matches whose person staff checked ID against: "this is not them". */
  readonly idCheckedNot: readonly RestrictionMatch[];
};

export type DoorCheck =
  | {
      readonly kind: 'incomplete';
      readonly reason: 'no name' | 'one word' | 'unfinished';
      readonly leftOut: LeftOutOfName;
    }
  | ({ readonly kind: 'clear' } & Found)
  /** Close-name matches still to be settled by checking ID, with any exact warnings beside them. */
  | ({ readonly kind: 'checkId'; readonly toCheck: readonly RestrictionMatch[] } & Found)
  | ({ readonly kind: 'warn' } & Found)
  | ({ readonly kind: 'block' } & Found);

const noIdChecks: IdChecks = { notThem: [], treatedAsThem: [] };

/** Checks who is at the door against the restrictions in force `today` (YYYY-MM-DD in the home's zone). */
export function checkAtTheDoor(
  input: DoorCheckInput,
  restrictions: RestrictionIndex | readonly CheckableRestriction[],
  today: string,
): DoorCheck {
  const index = restrictionIndexOf(restrictions);
  const { visitor, youngPersonIds } = input;
  const idChecks = input.idChecks ?? noIdChecks;
  const result = checkRestrictions(
    { visitor, youngPersonIds, contact: 'visit', isSupervised: input.isSupervised ?? false },
    index,
    today,
  );
  const found = result.kind === 'clear' ? [] : result.matches;
  const acting: RestrictionMatch[] = [];
  const toCheck: RestrictionMatch[] = [];
  const idCheckedNot: RestrictionMatch[] = [];
  for (const match of found) {
    const isClose = isCloseNameOnly(match.name.how) && !match.isRecordedAsSomeoneElse;
    if (!isClose || idChecks.treatedAsThem.includes(match.restrictionId)) acting.push(match);
    else if (idChecks.notThem.includes(match.restrictionId)) idCheckedNot.push(match);
    else toCheck.push(match);
  }
  const base = { matches: acting, allowed: result.allowed, idCheckedNot };

  // A close name confirmed as someone else leaves nothing standing: the name must then be enough
  // to check on its own.
  if (visitor.kind === 'typed' && acting.length === 0 && toCheck.length === 0) {
    const name = prepareName(visitor.name, { asGiven: true });
    const completeness = nameCompleteness(name);
    if (completeness !== 'full') return { kind: 'incomplete', reason: completeness, leftOut: name.leftOut };
    if (startsRestrictedName(visitor.name, youngPersonIds, index, today))
      return { kind: 'incomplete', reason: 'unfinished', leftOut: name.leftOut };
  }
  if (acting.some((match) => match.effect.kind === 'block')) return { kind: 'block', ...base };
  if (toCheck.length > 0) return { kind: 'checkId', toCheck, ...base };
  if (acting.length > 0) return { kind: 'warn', ...base };
  return { kind: 'clear', ...base };
}

/** What a visitor was admitted under, in words a care worker acts on (DESIGN rule 8: never the order). */
export type AdmittedUnder = z.infer<typeof admittedUnderSchema>;

/**
 * The summary the visitor register keeps and acts on: the answer, the restrictions that decided it,
 * whether a supervisor must be named, whose restrictions they were, the ID checks still owed and
 * made, and each condition in words (for "On site now", the fire roll and the handover).
 */
export type DoorVerdict = {
  readonly kind: DoorCheck['kind'];
  /** For "incomplete": whether the register may still sign the name in (a name that only looks unfinished). */
  readonly isSignInAllowed: boolean;
  readonly restrictionIds: readonly string[];
  readonly needsSupervisor: boolean;
  readonly youngPersonIds: readonly string[];
  readonly idCheckRestrictionIds: readonly string[];
  readonly idCheckedNotRestrictionIds: readonly string[];
  readonly admittedUnder: readonly AdmittedUnder[];
};

/**
 * When restrictions could not be read (changed outside the app, so whom they name cannot be
 * trusted either): a block for everyone at the door, never clear, until the manager has looked.
 * The manager may still admit someone with a reason, as for any block.
 */
export function unreadableRestrictionsVerdict(restrictionIds: readonly string[]): DoorVerdict {
  return {
    kind: 'block',
    isSignInAllowed: false,
    restrictionIds: [...restrictionIds],
    needsSupervisor: false,
    youngPersonIds: [],
    idCheckRestrictionIds: [],
    idCheckedNotRestrictionIds: [],
    admittedUnder: [],
  };
}

export function doorVerdict(check: DoorCheck): DoorVerdict {
  if (check.kind === 'incomplete') {
    return {
      kind: check.kind,
      isSignInAllowed: check.reason === 'unfinished',
      restrictionIds: [],
      needsSupervisor: false,
      youngPersonIds: [],
      idCheckRestrictionIds: [],
      idCheckedNotRestrictionIds: [],
      admittedUnder: [],
    };
  }
  const toCheck = check.kind === 'checkId' ? check.toCheck : [];
  return {
    kind: check.kind,
    isSignInAllowed: check.kind === 'clear' || check.kind === 'warn',
    restrictionIds: check.matches.map((match) => match.restrictionId),
    needsSupervisor: check.matches.some(
      (match) => match.effect.kind === 'warn' && match.effect.needsSupervisor,
    ),
    youngPersonIds: [...new Set([...check.matches, ...toCheck].map((match) => match.youngPersonId))],
    idCheckRestrictionIds: toCheck.map((match) => match.restrictionId),
    idCheckedNotRestrictionIds: check.idCheckedNot.map((match) => match.restrictionId),
    admittedUnder: check.matches.flatMap((match) => {
      const { effect } = match;
      if (effect.kind === 'warn')
        return [
          { restrictionId: match.restrictionId, condition: `${effect.condition} ${effect.instruction}` },
        ];
      if (effect.kind === 'block') return [{ restrictionId: match.restrictionId, condition: effect.reason }];
      return [];
    }),
  };
}

/**
 * What care staff at the door read for a warning (DESIGN rule 8: "restricted: supervised only,
 * speak to the duty manager", not the court order): each condition and what to do, once each.
 */
export function warningInstruction(matches: readonly RestrictionMatch[]): string {
  const lines = matches.flatMap((match) =>
    match.effect.kind === 'warn' ? [`${match.effect.condition} ${match.effect.instruction}`] : [],
  );
  return [...new Set(lines)].join(' ');
}
