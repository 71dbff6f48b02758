import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, optionalText, requiredText, kindsOf } from './common';
import { protocolAnswerSchema, protocolStandingSchema } from './visiting-protocol';

/** What each kind means, in the words staff would use at the door. */
export const restrictionKindLabels = {
  noContact: 'No contact',
  supervisedOnly: 'Supervised contact only',
  indirectOnly: 'Indirect contact only (letters, cards, messages passed on)',
  noPhoneContact: 'No phone contact',
  noUnsupervisedOutings: 'No unsupervised outings',
  namedPlaceOnly: 'Contact only at a named place',
  noOvernightStays: 'No overnight stays',
  notToCollect: 'Must not collect the young person',
  other: 'Other (see the conditions)',
} as const satisfies Record<string, string>;
export const restrictionKinds = kindsOf(restrictionKindLabels);
/** On whose say-so the restriction applies. */
export const restrictionAuthorityLabels = {
  courtOrder: 'Court order',
  carePlan: 'Care plan',
  placingAuthority: 'Placing authority',
  police: 'Police',
  other: 'Other',
} as const satisfies Record<string, string>;
export const restrictionAuthorities = kindsOf(restrictionAuthorityLabels);

/**
 * What one version of a restriction says, as the door check reads it: the kind, its conditions,
 * and the dates it applies (`effectiveFrom` is the day this version takes over).
 */
export const restrictionTermsSchema = z.object({
  kind: z.enum(restrictionKinds),
  conditions: optionalText('the conditions', 2000),
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.optional(),
});
export type RestrictionTerms = z.infer<typeof restrictionTermsSchema>;

export const restrictionReviewOutcomes = ['continues', 'changed', 'ended'] as const;
export type RestrictionReviewOutcome = (typeof restrictionReviewOutcomes)[number];

/** A review as the register keeps it: when, by whom, with whom it was checked, and what was decided. */
export const restrictionReviewSchema = z.object({
  reviewedOn: isoDateSchema,
  reviewedById: idSchema,
  checkedWith: requiredText('who it was checked with', 200),
  outcome: z.enum(restrictionReviewOutcomes),
  /** The version that was reviewed. */
  version: z.number().int().positive(),
  recordedById: idSchema,
  recordedAt: isoDateTimeSchema,
});

/**
 * A contact restriction. The restricted person need not be in the people list: a name, aliases
 * and a description are enough for the door check. The record holds its current (newest)
 * version; each change keeps the version before it whole in the history, and its terms in
 * `earlierTerms`, because the door and booking checks read the version in force on the day
 * checked (`shared/rules/restriction-versions.ts`).
 */
export const restrictionSchema = z.object({
  id: idSchema,
  youngPersonId: idSchema,
  personId: idSchema.optional(),
  name: requiredText('the restricted person’s name', 120),
  aliases: z.array(z.string().trim().min(1)).default([]),
  description: optionalText('the description', 1000),
  kind: z.enum(restrictionKinds),
  conditions: optionalText('the conditions', 2000),
  authority: z.enum(restrictionAuthorities),
  authorityReference: optionalText('the reference', 120),
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.optional(),
  reviewOn: isoDateSchema.optional(),
  recordedById: idSchema,
  approvedById: idSchema.optional(),
  endedAt: isoDateTimeSchema.optional(),
  endedReason: optionalText('the reason for ending it', 1000),
  /** Earlier versions' terms, oldest first (none: it has never changed). */
  earlierTerms: z.array(restrictionTermsSchema).optional(),
  /** One more with each change; none is the first version, as recorded. */
  version: z.number().int().positive().optional(),
  /** Who made this version and when, when it is a change (`recordedById` recorded the first). */
  changedById: idSchema.optional(),
  changedAt: isoDateTimeSchema.optional(),
  /** Its reviews, oldest first. */
  reviews: z.array(restrictionReviewSchema).optional(),
});
export type Restriction = z.infer<typeof restrictionSchema>;

/** The rules every version's terms keep, whether recorded or changed. */
function checkTerms(
  terms: Pick<
    Restriction,
    'effectiveFrom' | 'effectiveTo' | 'kind' | 'conditions' | 'authority' | 'authorityReference'
  >,
  context: z.RefinementCtx,
) {
  if (terms.effectiveTo && terms.effectiveTo < terms.effectiveFrom) {
    context.addIssue({
      code: 'custom',
      path: ['effectiveTo'],
      message: 'It ends before it starts. Check the dates.',
    });
  }
  if (terms.kind === 'other' && !terms.conditions) {
    context.addIssue({
      code: 'custom',
      path: ['conditions'],
      message: 'Say what the restriction is: “other” needs its conditions written out.',
    });
  }
  if (terms.authority !== 'carePlan' && !terms.authorityReference) {
    context.addIssue({
      code: 'custom',
      path: ['authorityReference'],
      message: 'Enter the reference (for example the court order’s case number).',
    });
  }
}

/**
 * A whole restriction as kept, with the rules its terms keep: what a record made some other way
 * than the forms (two computers' versions combined) must satisfy before it is written.
 */
export const restrictionRecordSchema = restrictionSchema.superRefine(checkTerms);

/** What a PT, CC or manager fills in to record a restriction; who recorded it is the app's to add. */
export const restrictionFormSchema = restrictionSchema
  .omit({
    id: true,
    recordedById: true,
    approvedById: true,
    endedAt: true,
    endedReason: true,
    earlierTerms: true,
    version: true,
    changedById: true,
    changedAt: true,
    reviews: true,
  })
  .superRefine(checkTerms);
export type RestrictionForm = z.infer<typeof restrictionFormSchema>;

/**
 * A change to a restriction: its new terms, authority and dates. It becomes a new version from
 * `effectiveFrom`; who the restriction is about is not changed this way (record a new one).
 */
export const restrictionChangeFormSchema = restrictionSchema
  .pick({
    kind: true,
    conditions: true,
    authority: true,
    authorityReference: true,
    effectiveFrom: true,
    effectiveTo: true,
    reviewOn: true,
  })
  .superRefine(checkTerms);
export type RestrictionChangeForm = z.infer<typeof restrictionChangeFormSchema>;

const reviewBasics = {
  reviewedOn: isoDateSchema,
  reviewedById: idSchema,
  checkedWith: requiredText('who it was checked with, for example the social worker', 200),
};
/** What every review records, whatever it decided. */
export const restrictionReviewBasicsSchema = z.object(reviewBasics);

/**
 * Recording a review: continues unchanged to a new review date, changed (a new version, as
 * `restrictionChangeFormSchema`), or ended with the reason.
 */
export const restrictionReviewFormSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('continues'), ...reviewBasics, nextReviewOn: isoDateSchema }),
  z.object({ outcome: z.literal('changed'), ...reviewBasics, change: restrictionChangeFormSchema }),
  z.object({
    outcome: z.literal('ended'),
    ...reviewBasics,
    endedReason: requiredText('why the restriction is ending', 1000),
  }),
]);
export type RestrictionReviewForm = z.infer<typeof restrictionReviewFormSchema>;

/** A visit, or a visitor turned away at the door (DESIGN rule 6: "a person turned away is recorded too"). */
export const visitorEntryKinds = ['visit', 'turnedAway'] as const;

/** A condition a visitor was admitted under, in the words care staff act on (never the order itself). */
export const admittedUnderSchema = z.object({
  restrictionId: idSchema,
  condition: requiredText('the condition', 2400),
});

/**
 * One line of the visitor register (Children's Homes Regulations 2015, Sch. 4 para 5). A legal
 * record: never edited in place; a correction is a new entry that names the one it amends.
 */
export const visitorEntrySchema = z
  .object({
    id: idSchema,
    /** Entries written before turned-away visitors were recorded are all visits. */
    kind: z.enum(visitorEntryKinds).default('visit'),
    visitorName: requiredText('the visitor’s name', 120),
    personId: idSchema.optional(),
    organisationOrRelationship: optionalText('the organisation or relationship', 120),
    visitingYoungPersonIds: z.array(idSchema).default([]),
    /** Why they came: required for a visit; someone turned away may not have said. */
    reason: optionalText('the reason for the visit', 500),
    /** When they came to the door (and, for a visit, came in). */
    arrivedAt: isoDateTimeSchema,
    /** When a visit ended; never set for someone turned away, who never came in. */
    departedAt: isoDateTimeSchema.optional(),
    isIdChecked: z.boolean(),
    vehicle: optionalText('the vehicle', 40),
    badgeNumber: optionalText('the badge number', 20),
    /** Who dealt with them at the door: admitted them, or turned them away. */
    admittedById: idSchema,
    /** What the restriction check said at the door, and which restrictions it matched. */
    restrictionCheck: z.enum(['clear', 'warn', 'block', 'overridden']),
    matchedRestrictionIds: z.array(idSchema).default([]),
    /** Close names (a near spelling, an initial) whose person staff checked ID against: "this is not them". */
    idCheckedNotRestrictionIds: z.array(idSchema).default([]),
    /** The conditions they were admitted under, in words, for "On site now", the fire roll and the handover. */
    admittedUnder: z.array(admittedUnderSchema).default([]),
    /** For someone turned away: anything staff want to add (what was said, where they went). */
    turnedAwayNote: optionalText('the note', 500),
    /** For a supervised-only visitor: the member of staff who supervises. */
    supervisingStaffId: idSchema.optional(),
    /** A manager's override of a block: who, and why (also in the audit log). */
    overriddenById: idSchema.optional(),
    overrideReason: optionalText('the reason for the override', 1000),
    /** A correction is a new entry naming the one it corrects; the original is kept as it was. */
    amendsEntryId: idSchema.optional(),
    amendmentReason: optionalText('the reason for the correction', 1000),
    /** Who made the correction (the entry's own admittedById stays the original admitter's). */
    amendedById: idSchema.optional(),
    /** The booked visit they came for, when signed in from the door's list of expected visitors. */
    visitId: idSchema.optional(),
    /** A family visitor's answer to the visiting protocol as it stood at this sign-in (seed 004 §4). */
    protocol: protocolStandingSchema.optional(),
    recordedAt: isoDateTimeSchema,
  })
  .superRefine((entry, context) => {
    if (entry.kind === 'visit' && !entry.reason) {
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Enter the reason for the visit.' });
    }
    if (entry.kind === 'turnedAway' && entry.departedAt) {
      context.addIssue({
        code: 'custom',
        path: ['departedAt'],
        message: 'Someone turned away never came in, so they cannot have left.',
      });
    }
  });
export type VisitorEntry = z.infer<typeof visitorEntrySchema>;

/** What the door's sign-in form collects; the rest of the entry is filled in by the app. */
export const visitorSignInFormSchema = z.object({
  visitorName: requiredText('the visitor’s name', 120),
  personId: idSchema.optional(),
  organisationOrRelationship: optionalText('the organisation or relationship', 120),
  visitingYoungPersonIds: z.array(idSchema).default([]),
  reason: requiredText('the reason for the visit', 500),
  isIdChecked: z.boolean(),
  vehicle: optionalText('the vehicle', 40),
  badgeNumber: optionalText('the badge number', 20),
  supervisingStaffId: idSchema.optional(),
  /** Close names staff checked ID against: "this is not them" (kept with the entry and audited). */
  idCheckedNotRestrictionIds: z.array(idSchema).default([]),
  /** Close names staff chose to treat as the restricted person (the restriction then acts). */
  treatedAsRestrictionIds: z.array(idSchema).default([]),
  /** The booked visit they came for, when chosen from the door's list of expected visitors. */
  visitId: idSchema.optional(),
  /** A family visitor's answer to the visiting protocol, when the door had to ask (seed 004 §4). */
  protocolAnswer: protocolAnswerSchema.optional(),
});
export type VisitorSignInForm = z.infer<typeof visitorSignInFormSchema>;

/** "Turned away": what the door knows of them, the reason they gave if any, and an optional note. */
export const visitorTurnAwayFormSchema = visitorSignInFormSchema.extend({
  reason: optionalText('the reason they gave', 500),
  turnedAwayNote: optionalText('the note', 500),
});
