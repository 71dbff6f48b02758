import {
  firstGeneration,
  rotatableCompartments,
  type KeyRotationState,
  type RotatableCompartment,
} from '../schemas/key-rotation';
import type { StaffRole } from '../schemas/staff';
import { listInWords } from '../word-lists';
import { mayHoldCompartment } from './compartments';

/**
 * Changing a compartment's key after someone leaves (DESIGN: need to know by keys). Switching an
 * account off deletes its wrapped keys, but a key copied while the person still worked here would
 * go on opening every record sealed under it. So the manager can make a new generation of the
 * key: it is given at once to everyone whose roles may hold it, everything written from then on
 * is sealed under it, and the records sealed under the older generation are sealed again in the
 * background, a batch at a time. When none is left the older generation's wrapped keys are
 * deleted, and a copy of it opens nothing.
 *
 * The door key is changed the same way, and is offered after anyone is switched off, since every
 * leaver held it. Day to day it is wrapped by each person's password, which the manager does not
 * know; so its new generation is given to every account switched on by its checked public key, as
 * the casework key is, and each person's next sign-in opens that grant with their private key and
 * wraps the new key by their password as door keys are kept. Someone who has not signed in since
 * keeps both generations until the records are sealed again, and the new one after; no door key
 * is unlocked without a password, so nothing else needs it. Declarations keys are each person's
 * own, and are not changed: only that person and the manager hold them.
 */
/** Plain words for each compartment that can be changed, as the manager reads them. */
export const rotatableCompartmentLabels: Readonly<Record<RotatableCompartment, string>> = {
  door: 'door',
  casework: 'casework',
  manager: 'manager-only',
};

/** The compartments a person who has left could read and whose keys the manager can change. */
export function compartmentsToRotate(leaver: {
  readonly id: string;
  readonly roles: readonly StaffRole[];
}): RotatableCompartment[] {
  // Asked of the account as it was while it was on: switched off, it holds nothing any more.
  return rotatableCompartments.filter((compartment) =>
    mayHoldCompartment({ ...leaver, isActive: true }, compartment),
  );
}

/** A new rotation from `fromGeneration`, with `total` records to re-seal. */
export function startKeyRotation(input: {
  readonly compartment: RotatableCompartment;
  readonly fromGeneration: number;
  readonly total: number;
  readonly startedAt: string;
  readonly startedById: string;
}): KeyRotationState {
  return {
    ...input,
    toGeneration: input.fromGeneration + 1,
    resealed: 0,
    damaged: 0,
    position: { table: 0 },
  };
}

/**
 * Whether a box sealed in `box.compartment` at `box.generation` is still under an older key than
 * the rotation's. A box that names no compartment is the door's.
 */
export function isUnderOlderKey(
  box: { readonly compartment?: string; readonly generation?: number },
  state: Pick<KeyRotationState, 'compartment' | 'toGeneration'>,
): boolean {
  return (
    (box.compartment ?? 'door') === state.compartment &&
    (box.generation ?? firstGeneration) < state.toGeneration
  );
}

/** The state after one batch: counts added, and the place to carry on from. */
export function afterBatch(
  state: KeyRotationState,
  batch: {
    readonly resealed: number;
    readonly damaged: number;
    readonly position: KeyRotationState['position'];
  },
): KeyRotationState {
  const resealed = state.resealed + batch.resealed;
  const damaged = state.damaged + batch.damaged;
  return {
    ...state,
    resealed,
    damaged,
    // Records added under the old key before the rotation began but counted late still count.
    total: Math.max(state.total, resealed + damaged),
    position: batch.position,
  };
}

/**
 * The state when a rotation carries on after an interruption: the total counted again from what
 * is still under the older key. `stillOld` includes the damaged records already passed (they stay
 * under the older key), so only what is beyond them is left to do.
 */
export function resumedWith(state: KeyRotationState, stillOld: number): KeyRotationState {
  const left = Math.max(stillOld - state.damaged, 0);
  return { ...state, total: state.resealed + state.damaged + left };
}

/** How much is done, for a progress bar: records looked at (re-sealed or found damaged) of the total. */
export function rotationProgress(state: Pick<KeyRotationState, 'total' | 'resealed' | 'damaged'>): {
  readonly done: number;
  readonly total: number;
} {
  const done = state.resealed + state.damaged;
  return { done: Math.min(done, Math.max(state.total, done)), total: Math.max(state.total, done) };
}

const counts = new Intl.NumberFormat('en-GB');

/** "Re-sealing casework records: 1,240 of 8,300". */
export function rotationProgressText(
  state: Pick<KeyRotationState, 'compartment' | 'total' | 'resealed' | 'damaged'>,
): string {
  const { done, total } = rotationProgress(state);
  return `Re-sealing ${rotatableCompartmentLabels[state.compartment]} records: ${counts.format(done)} of ${counts.format(total)}`;
}

/**
 * What the manager is told once someone is switched off: what they could read, and why changing
 * the key matters. Undefined when they held no key that can be changed (a care worker).
 */
export function rotationOfferText(
  name: string,
  compartments: readonly RotatableCompartment[],
): string | undefined {
  if (compartments.length === 0) return undefined;
  const labels = compartments.map((compartment) => rotatableCompartmentLabels[compartment]);
  const keys = compartments.length === 1 ? 'key' : 'keys';
  return `${name} could read ${listInWords(labels)} records. Change the ${listInWords(labels)} ${keys} so that any copy they kept opens nothing written from now on, and nothing at all once the records are sealed again.`;
}

/** What the audit log says when a rotation finishes: counts only. */
export function rotationFinishedDetail(state: KeyRotationState, leftDamaged: number): string {
  const label = rotatableCompartmentLabels[state.compartment];
  const damaged =
    leftDamaged === 0
      ? ''
      : `; ${counts.format(leftDamaged)} damaged ${leftDamaged === 1 ? 'record' : 'records'} could not be opened and were left as they were`;
  return `${label} key generation ${state.toGeneration}: ${counts.format(state.resealed)} ${state.resealed === 1 ? 'record' : 'records'} sealed again${damaged}; generation ${state.fromGeneration} deleted`;
}
