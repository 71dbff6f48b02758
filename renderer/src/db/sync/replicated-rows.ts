import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema } from '@shared/schemas/common';
import { academicYearSchema } from '@shared/schemas/academic-year';
import { contactFormSettingsSchema } from '@shared/schemas/contact-forms';
import { homeSettingsSchema } from '@shared/schemas/home';
import { retentionSettingsSchema } from '@shared/schemas/retention';
import { securitySettingsSchema } from '@shared/schemas/security-settings';
import { sealedAuthoritySchema } from '@shared/ipc/channels/signing';
import type { HomeSettingKey } from '@shared/rules/sync-scope';
import { arrayBufferSchema, byteArraySchema } from '@shared/schemas/keyring';
import { restrictionSchema } from '@shared/schemas/registers';
import { reviewSampleSchema } from '@shared/schemas/review';
import { roomSchema } from '@shared/schemas/visits';
import {
  contactArrangementAgreementCodec,
  contactArrangementCodec,
  contactArrangementHistoryCodec,
} from '../repositories/contact-plan-repository';
import { contactFormCodec } from '../repositories/contact-form-codec';
import { declarationCodec } from '../repositories/declaration-repository';
import { disclosureCodec } from '../repositories/disclosure-repository';
import { formActionCodec } from '../repositories/form-action-repository';
import { outboxCodec } from '../repositories/outbox-codec';
import { panGroupCodec } from '../repositories/pan-group-repository';
import { personCodec, personSpecialDatesCodec, relationshipCodec } from '../repositories/people-repository';
import { restrictionHistoryCodec } from '../repositories/restriction-writes';
import { sampleItemReviewCodec } from '../repositories/review-sample-repository';
import { signedPdfCodec } from '../repositories/signed-pdf-repository';
import { staffCodec } from '../repositories/staff-repository';
import { visitCodec } from '../repositories/visit-codec';
import { protocolAcceptanceCodec, visitingProtocolCodec } from '../repositories/visiting-protocol-repository';
import { isChangeableTable } from './change-log';

/**
 * What a stored row of each table the applier takes from other computers must look like: its
 * plain fields (the same schemas the records use) and its sealed part, nothing else. The sealed
 * part cannot be opened here without a signed-in session; it is bound to the plain fields and the
 * table (`row-binding.ts`), so a row whose plain fields were changed fails to open when read.
 *
 * A table not listed is held, not applied (`sync-applier.ts`). The audit log is applied entry by
 * entry into each computer's own chain (`audit-entries-applied.ts`). Settings are applied only for
 * the home's keys (`shared/rules/sync-scope.ts`), each checked with its own setting's schema; the
 * outbox is applied everywhere and sent only by the computer that queued it (`sendsHere`).
 */

const sealedBoxSchema = z
  .object({
    iv: byteArraySchema,
    data: arrayBufferSchema,
    compartment: z.string().min(1).max(40).optional(),
    generation: z.number().int().positive().optional(),
  })
  .strict();

const sealFormatSchema = z.number().int().positive().optional();

type Shape = Readonly<Record<string, z.ZodType>>;

function shapeOf(schema: z.ZodType): Shape {
  const shape: unknown = Reflect.get(schema, 'shape');
  if (typeof shape !== 'object' || shape === null) throw new Error('A stored form needs an object schema');
  return shape as Shape;
}

/**
 * A sealed row's stored form: the id, the record's plain fields, any index fields, and the seal.
 * A plain field other than the id may be missing: a row sealed before the field became plain
 * keeps it in the sealed part only (`sealed-codec.ts`).
 */
function sealedRow(recordSchema: z.ZodType, plainKeys: readonly PropertyKey[], extra: Shape = {}) {
  const shape = shapeOf(recordSchema);
  const plain: Record<string, z.ZodType> = {};
  for (const key of plainKeys) {
    const name = String(key);
    const field = shape[name];
    if (!field) throw new Error(`The stored form names a field its record does not have: ${name}`);
    plain[name] = name === 'id' ? idSchema : field.optional();
  }
  return z
    .object({ ...plain, ...extra, id: idSchema, sealed: sealedBoxSchema, sealFormat: sealFormatSchema })
    .strict();
}

const fromCodec = (
  codec: { readonly schema: z.ZodType; readonly plainKeys: readonly PropertyKey[] },
  extra: Shape = {},
) => sealedRow(codec.schema, codec.plainKeys, extra);

/** A visitor register entry as `visitorLogCodec` stores it. */
const visitorLogRowSchema = z
  .object({
    id: idSchema,
    arrivedAt: isoDateTimeSchema,
    departedAt: isoDateTimeSchema.optional(),
    visitingYoungPersonIds: z.array(idSchema),
    amendsEntryId: idSchema.optional(),
    isOnSite: z.union([z.literal(0), z.literal(1)]).optional(),
    sealed: sealedBoxSchema,
    sealFormat: sealFormatSchema,
  })
  .strict();

/** A restriction as `restrictionCodec` stores it: the door's part sealed, the casework part apart. */
const restrictionRowSchema = sealedRow(
  restrictionSchema,
  ['id', 'youngPersonId', 'personId', 'reviewOn', 'effectiveTo'],
  { sealedCasework: sealedBoxSchema.optional() },
);

/** A young person: the id, a keyed hash of the case number, and on rows stored before it was hashed, the number itself. */
const youngPersonRowSchema = sealedRow(z.object({ id: idSchema }), ['id'], {
  caseNumberIndex: z.string().min(1).max(200).optional(),
  caseNumber: z.string().min(1).max(200).optional(),
});

const macSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * An audit entry as stored (`shared/rules/audit-chain.ts`): plain by design (who, when, what and
 * which record; never names or notes), with its computer and place in that computer's chain. An
 * entry written before chains has neither. `seq` is where it sat in the writer's table.
 */
export const auditRowSchema = z
  .object({
    seq: z.number().int().positive(),
    // Shape only, and generous: the MAC vouches for the content, and an entry refused here would
    // leave a gap that breaks its computer's chain from then on.
    at: z.string().min(1).max(64),
    actorId: z.string().min(1).max(400).optional(),
    action: z.string().min(1).max(400),
    recordType: z.string().min(1).max(400).optional(),
    recordId: z.string().min(1).max(1000).optional(),
    detail: z.string().max(20_000).optional(),
    deviceId: z.string().min(1).max(200).optional(),
    deviceSeq: z.number().int().positive().optional(),
    legacy: z.literal(1).optional(),
    previousMac: macSchema,
    mac: macSchema,
  })
  .strict();

/**
 * The value each of the home's settings may hold: the same schemas its repository reads it with,
 * so a setting from another computer that would read as damaged here is refused, not applied.
 */
const homeSettingSchemas: Readonly<Record<HomeSettingKey, z.ZodType>> = {
  home: homeSettingsSchema,
  security: securitySettingsSchema,
  retention: retentionSettingsSchema,
  contactForms: contactFormSettingsSchema,
  signingAuthority: sealedAuthoritySchema,
  panOverdueAlerted: z.array(idSchema).max(100_000),
};

/** Which home settings the applier knows the form of (for the test that it knows every one). */
export const appliedSettingKeys = Object.keys(homeSettingSchemas);

/** A settings row of one of the home's keys, its value in that setting's form. */
const settingRowSchema = z
  .object({ key: z.string().min(1).max(100), value: z.unknown() })
  .strict()
  .superRefine((row, context) => {
    const schema = (homeSettingSchemas as Readonly<Record<string, z.ZodType | undefined>>)[row.key];
    if (!schema?.safeParse(row.value).success)
      context.addIssue({ code: 'custom', message: 'Not one of the home’s settings in its own form.' });
  });

/** The key a stored row is kept under: its id, a setting's key, or an audit entry's place in its writer's table. */
export const replicatedRowKey = (row: object): unknown =>
  'id' in row ? row.id : 'key' in row ? row.key : Reflect.get(row, 'seq');

const plainRows: Readonly<Record<string, z.ZodType<{ id: string }>>> = {
  academicYears: z
    .object({ ...shapeOf(academicYearSchema), id: idSchema, startsOn: isoDateSchema, endsOn: isoDateSchema })
    .strict(),
  rooms: roomSchema.strict(),
  reviewSamples: reviewSampleSchema.strict(),
};

export const replicatedRowSchemas: Readonly<Record<string, z.ZodType<object>>> = {
  audit: auditRowSchema,
  visitorLog: visitorLogRowSchema,
  restrictions: restrictionRowSchema,
  restrictionHistory: fromCodec(restrictionHistoryCodec),
  youngPeople: youngPersonRowSchema,
  people: fromCodec(personCodec),
  relationships: fromCodec(relationshipCodec),
  personSpecialDates: fromCodec(personSpecialDatesCodec),
  declarations: fromCodec(declarationCodec),
  disclosures: fromCodec(disclosureCodec),
  visits: fromCodec(visitCodec),
  panGroups: fromCodec(panGroupCodec),
  contactForms: fromCodec(contactFormCodec, { listFieldsPending: z.literal(1).optional() }),
  contactFormFiles: fromCodec(signedPdfCodec),
  formActions: fromCodec(formActionCodec),
  reviewSampleItems: fromCodec(sampleItemReviewCodec),
  contactArrangements: fromCodec(contactArrangementCodec),
  contactArrangementAgreements: fromCodec(contactArrangementAgreementCodec),
  contactArrangementHistory: fromCodec(contactArrangementHistoryCodec),
  visitingProtocols: fromCodec(visitingProtocolCodec),
  protocolAcceptances: fromCodec(protocolAcceptanceCodec),
  staff: fromCodec(staffCodec),
  outbox: fromCodec(outboxCodec),
  settings: settingRowSchema,
  ...plainRows,
};

/** Whether changes to `table` carry versions and may conflict (every applied table but the write-once ones). */
export const hasVersions = (table: string): boolean =>
  table in replicatedRowSchemas && isChangeableTable(table);
