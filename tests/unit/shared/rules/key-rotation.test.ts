import { describe, expect, it } from 'vitest';
import {
  afterBatch,
  compartmentsToRotate,
  isUnderOlderKey,
  resumedWith,
  rotationFinishedDetail,
  rotationOfferText,
  rotationProgress,
  rotationProgressText,
  startKeyRotation,
} from '../../../../shared/rules/key-rotation';
import { keyRotationStateSchema } from '../../../../shared/schemas/key-rotation';

const managerId = 'a1b2c3d4-0000-4000-8000-000000000001';
const leaverId = 'a1b2c3d4-0000-4000-8000-000000000002';

const started = () =>
  startKeyRotation({
    compartment: 'casework',
    fromGeneration: 1,
    total: 8300,
    startedAt: '2026-12-04T10:00:00.000Z',
    startedById: managerId,
  });

describe('which keys to change after someone leaves', () => {
  it('offers the door and casework for anyone who arranged or reviewed contact', () => {
    expect(compartmentsToRotate({ id: leaverId, roles: ['personalTutor'] })).toEqual(['door', 'casework']);
    expect(compartmentsToRotate({ id: leaverId, roles: ['caseCoordinator', 'careStaff'] })).toEqual([
      'door',
      'casework',
    ]);
  });

  it('offers every key for a manager who leaves', () => {
    expect(compartmentsToRotate({ id: leaverId, roles: ['registeredManager'] })).toEqual([
      'door',
      'casework',
      'manager',
    ]);
  });

  it('offers the door key for a care worker, who held only that', () => {
    expect(compartmentsToRotate({ id: leaverId, roles: ['careStaff'] })).toEqual(['door']);
    expect(rotationOfferText('Sam Patel', ['door'])).toBe(
      'Sam Patel could read door records. Change the door key so that any copy they kept opens nothing written from now on, and nothing at all once the records are sealed again.',
    );
    expect(rotationOfferText('Sam', [])).toBeUndefined();
  });

  it('says in plain words what the leaver could read and why to change it', () => {
    expect(rotationOfferText('Sam Patel', ['casework'])).toBe(
      'Sam Patel could read casework records. Change the casework key so that any copy they kept opens nothing written from now on, and nothing at all once the records are sealed again.',
    );
    expect(rotationOfferText('Sam Patel', ['casework', 'manager'])).toContain(
      'casework and manager-only keys',
    );
  });
});

describe('a rotation’s progress and where it resumes', () => {
  it('starts at the first table, nothing done, one generation on', () => {
    const state = started();
    expect(state).toMatchObject({ fromGeneration: 1, toGeneration: 2, resealed: 0, damaged: 0 });
    expect(state.position).toEqual({ table: 0 });
    expect(keyRotationStateSchema.safeParse(state).success).toBe(true);
  });

  it('refuses a stored state that skips a generation', () => {
    expect(keyRotationStateSchema.safeParse({ ...started(), toGeneration: 3 }).success).toBe(false);
  });

  it('adds each batch’s counts and keeps the place it reached', () => {
    const once = afterBatch(started(), { resealed: 50, damaged: 0, position: { table: 0, after: 'm' } });
    const twice = afterBatch(once, { resealed: 40, damaged: 2, position: { table: 1, after: 'c' } });
    expect(twice).toMatchObject({
      resealed: 90,
      damaged: 2,
      total: 8300,
      position: { table: 1, after: 'c' },
    });
    expect(rotationProgress(twice)).toEqual({ done: 92, total: 8300 });
  });

  it('never shows more done than the total', () => {
    const state = afterBatch(
      { ...started(), total: 10 },
      { resealed: 12, damaged: 0, position: { table: 0 } },
    );
    expect(rotationProgress(state)).toEqual({ done: 12, total: 12 });
  });

  it('counts the total again on resuming, from what is still under the older key', () => {
    const interrupted = afterBatch(started(), {
      resealed: 1240,
      damaged: 3,
      position: { table: 0, after: 'x' },
    });
    // 3 damaged records stay under the older key and are not counted twice.
    expect(resumedWith(interrupted, 7060).total).toBe(1240 + 3 + 7057);
    expect(resumedWith(interrupted, 0).total).toBe(1243);
  });

  it('reads as the progress bar says it', () => {
    const state = afterBatch(started(), { resealed: 1240, damaged: 0, position: { table: 0 } });
    expect(rotationProgressText(state)).toBe('Re-sealing casework records: 1,240 of 8,300');
  });

  it('knows which boxes are still under an older generation', () => {
    const state = started();
    expect(isUnderOlderKey({ compartment: 'casework' }, state)).toBe(true);
    expect(isUnderOlderKey({ compartment: 'casework', generation: 2 }, state)).toBe(false);
    expect(isUnderOlderKey({ compartment: 'manager' }, state)).toBe(false);
    expect(isUnderOlderKey({}, state)).toBe(false);
  });

  it('takes a box that names no compartment for the door’s', () => {
    const door = { ...started(), compartment: 'door' as const };
    expect(isUnderOlderKey({}, door)).toBe(true);
    expect(isUnderOlderKey({ generation: 2 }, door)).toBe(false);
    expect(isUnderOlderKey({ compartment: 'casework' }, door)).toBe(false);
    expect(rotationProgressText({ ...door, resealed: 1240, total: 8300 })).toBe(
      'Re-sealing door records: 1,240 of 8,300',
    );
  });

  it('says what finished, with counts only', () => {
    const state = afterBatch(started(), { resealed: 8300, damaged: 0, position: { table: 3 } });
    expect(rotationFinishedDetail(state, 0)).toBe(
      'casework key generation 2: 8,300 records sealed again; generation 1 deleted',
    );
    expect(rotationFinishedDetail(state, 1)).toContain('1 damaged record could not be opened');
  });
});
