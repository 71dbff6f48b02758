import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '@shared/schemas/common';
import { arrayBufferSchema, byteArraySchema } from '@shared/schemas/keyring';

/**
 * What a stored row of each table the applier takes from other computers must look like: its
 * plain fields (the same schemas the records use) and its sealed part, nothing else. The sealed
 * part cannot be opened here without a signed-in session; it is bound to the plain fields and the
 * table (`row-binding.ts`), so a row whose plain fields were changed fails to open when read.
 *
 * Tables are added here one at a time, write-once records first; a change to a table not listed is
 * left unapplied (see `sync-applier.ts`).
 */

const sealedBoxSchema = z
  .object({
    iv: byteArraySchema,
    data: arrayBufferSchema,
    compartment: z.string().min(1).max(40).optional(),
    generation: z.number().int().positive().optional(),
  })
  .strict();

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
    sealFormat: z.number().int().positive().optional(),
  })
  .strict();

export const replicatedRowSchemas: Readonly<Record<string, z.ZodType<{ id: string }>>> = {
  visitorLog: visitorLogRowSchema,
};
