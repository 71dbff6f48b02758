import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';

/**
 * The compartments whose key the manager can change after someone leaves
 * (`shared/rules/key-rotation.ts`): the door first, since every leaver held it.
 */
export const rotatableCompartments = ['door', 'casework', 'manager'] as const;
export type RotatableCompartment = (typeof rotatableCompartments)[number];

/** The first generation of every compartment key: what boxes and grants without a number are. */
export const firstGeneration = 1;

const generationSchema = z.number().int().min(firstGeneration).max(1_000_000);

/**
 * How far a rotation has got, kept (plain: counts and ids only, nothing personal) in the settings
 * row beside the records it re-seals, and written in the same transaction as each batch, so an
 * interrupted rotation knows exactly where it stopped. `position` is the table being worked
 * through (its place in the compartment's list) and the id of the last row looked at there.
 */
export const keyRotationStateSchema = z
  .object({
    compartment: z.enum(rotatableCompartments),
    fromGeneration: generationSchema,
    toGeneration: generationSchema,
    startedAt: isoDateTimeSchema,
    startedById: idSchema,
    total: z.number().int().min(0),
    resealed: z.number().int().min(0),
    damaged: z.number().int().min(0),
    position: z.object({ table: z.number().int().min(0), after: z.string().optional() }),
  })
  .refine((state) => state.toGeneration === state.fromGeneration + 1, {
    message: 'A key is changed one generation at a time.',
  });
export type KeyRotationState = z.infer<typeof keyRotationStateSchema>;
