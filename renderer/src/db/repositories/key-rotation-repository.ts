import { fail, ok, type Result } from '@shared/result';
import { can } from '@shared/rules/access';
import {
  afterBatch,
  isUnderOlderKey,
  resumedWith,
  rotatableCompartmentLabels,
  rotationFinishedDetail,
  startKeyRotation,
} from '@shared/rules/key-rotation';
import {
  firstGeneration,
  keyRotationStateSchema,
  rotatableCompartments,
  type KeyRotationState,
  type RotatableCompartment,
} from '@shared/schemas/key-rotation';
import type { AccountGrant, AccountKeys } from '@shared/schemas/keyring';
import type { FamilyLinksDb } from '../database';
import { grantKey, verifiedPublicKey } from '../encryption/account-key-pair';
import { mayHoldGrant } from '../encryption/compartment-grants';
import {
  currentGeneration,
  generateCompartmentKey,
  type CompartmentKeys,
} from '../encryption/compartment-keys';
import { recordWriter } from '../record-writer';
import { plainStore } from '../sealed-store';
import type { Session } from '../session';
import { replaceSessionCompartments } from '../session-keys';
import { damagedRecordRepository } from './damaged-record-repository';
import { staffCodec } from './staff-repository';
import { tablesOf } from './key-rotation-tables';

/** Rows looked at per batch: each batch is one transaction, small enough to leave the app responsive. */
const defaultBatchSize = 50;

const stateKey = (compartment: RotatableCompartment) => `keyRotation:${compartment}`;

export type KeyRotationError = 'forbidden' | 'not-held' | 'already-running';

export type KeyRotationOutcome = {
  readonly compartment: RotatableCompartment;
  readonly isComplete: boolean;
  readonly resealed: number;
  readonly damaged: number;
};

const running = new WeakMap<FamilyLinksDb, Promise<KeyRotationOutcome[]>>();

const generationOf = (grant: AccountGrant) => grant.generation ?? firstGeneration;

/**
 * An account's keyring entry once the rotation's older generation is deleted: its grants of that
 * generation, and for the door also the older key its password wraps, if a grant holds the new
 * one (its next sign-in wraps that by the password). The same entry when there is nothing to delete.
 */
function withoutOlderGeneration(row: AccountKeys, state: KeyRotationState): AccountKeys {
  const isOlder = (grant: AccountGrant) =>
    grant.name === state.compartment && generationOf(grant) < state.toGeneration;
  const grants = (row.grants ?? []).filter((grant) => !isOlder(grant));
  const holdsNewDoor = grants.some(
    (grant) => grant.name === 'door' && generationOf(grant) >= state.toGeneration,
  );
  const dropsWrappedDoor =
    state.compartment === 'door' &&
    row.wrappedDataKey !== undefined &&
    (row.dataKeyGeneration ?? firstGeneration) < state.toGeneration &&
    holdsNewDoor;
  if (grants.length === (row.grants ?? []).length && !dropsWrappedDoor) return row;
  if (!dropsWrappedDoor) return { ...row, grants };
  const { wrappedDataKey: _older, dataKeyGeneration: _itsGeneration, ...rest } = row;
  return { ...rest, grants };
}

/**
 * Changing a compartment's key after someone leaves (`shared/rules/key-rotation.ts`). `start`
 * makes the new generation, gives it to every account whose roles may hold it and notes the
 * rotation, in one transaction; from then on the manager's session seals under it. `run` seals
 * again, a batch per transaction, every record still under the older generation, each batch
 * writing how far it got, so a lock, a sign-out or a closed window loses nothing: the manager's
 * next sign-in carries on from there (`resumed`). When nothing is left, the older generation's
 * wrapped keys are deleted from every account.
 */
export function keyRotationRepository(
  db: FamilyLinksDb,
  options: { readonly clock?: () => Date; readonly batchSize?: number } = {},
) {
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? defaultBatchSize;
  const records = recordWriter(db, clock);
  const settings = plainStore(db.settings);
  const keyring = plainStore(db.accountKeys);

  async function stateOf(compartment: RotatableCompartment): Promise<KeyRotationState | undefined> {
    const row = await db.settings.get(stateKey(compartment));
    const parsed = keyRotationStateSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Refuses a batch or the finish if the rotation's counts are not what this run last wrote (the
   * place it has reached may be ahead of the stored one: tables with nothing to do are not written).
   */
  const unchangedSince = (state: KeyRotationState) => async () => {
    const stored = await stateOf(state.compartment);
    const counts = (of: KeyRotationState | undefined) => of && JSON.stringify({ ...of, position: undefined });
    return stored && counts(stored) === counts(state)
      ? undefined
      : fail('moved-on' as const, 'The key change was carried on elsewhere.');
  };

  /**
   * Review summaries are worked out from the records and kept sealed under the door key only to
   * save working them out again: those under the older generation are deleted, not sealed again.
   */
  async function forgetDerivedUnderOlderDoorKey(state: KeyRotationState): Promise<void> {
    const olderIds = await db.reviewSummaries
      .filter((row) => 'sealed' in row && isUnderOlderKey(row.sealed, state))
      .primaryKeys();
    if (olderIds.length > 0) await db.reviewSummaries.bulkDelete(olderIds);
  }

  async function stillOld(state: KeyRotationState): Promise<number> {
    let count = 0;
    for (const table of tablesOf(db, state.compartment)) count += await table.stillOld(state);
    return count;
  }

  /** Everyone's grants of the older generations, deleted; the session lets go of its copies too. */
  async function finish(session: Session, state: KeyRotationState): Promise<KeyRotationOutcome> {
    const left = await stillOld(state);
    const trimmed = (await db.accountKeys.toArray()).flatMap((row) => {
      const next = withoutOlderGeneration(row, state);
      return next === row ? [] : [next];
    });
    const written = await records.write(session, {
      events: [
        {
          action: 'keys.rotation-finished',
          recordType: 'settings',
          recordId: stateKey(state.compartment),
          detail: rotationFinishedDetail(state, left),
        },
      ],
      writes: [keyring.putAll(trimmed), settings.delete(stateKey(state.compartment))],
      check: unchangedSince(state),
      reads: [db.settings],
    });
    if (written.ok) {
      const held = session.compartments;
      replaceSessionCompartments(session, {
        ...held,
        older: (held.older ?? []).filter(
          (key) => key.name !== state.compartment || key.generation >= state.toGeneration,
        ),
      });
      if (state.compartment === 'door') await forgetDerivedUnderOlderDoorKey(state);
    }
    return {
      compartment: state.compartment,
      isComplete: written.ok,
      resealed: state.resealed,
      damaged: left,
    };
  }

  async function carryOn(session: Session, from: KeyRotationState, resumed: boolean) {
    let state = from;
    const label = rotatableCompartmentLabels[state.compartment];
    if (resumed) {
      const next = resumedWith(state, await stillOld(state));
      const written = await records.write(session, {
        events: [
          {
            action: 'keys.rotation-resumed',
            recordType: 'settings',
            recordId: stateKey(state.compartment),
            detail: `${label} key generation ${state.toGeneration}: ${next.resealed + next.damaged} of ${next.total} records done`,
          },
        ],
        writes: [settings.put({ key: stateKey(state.compartment), value: next })],
        check: unchangedSince(state),
      });
      if (!written.ok) return undefined;
      state = next;
    }
    const tables = tablesOf(db, state.compartment);
    for (;;) {
      const table = tables[state.position.table];
      if (!table) break;
      const batch = await table.batch(session, state, state.position.after, batchSize);
      if (batch.last === undefined) {
        state = { ...state, position: { table: state.position.table + 1 } };
        continue;
      }
      if (batch.damaged.length > 0) await damagedRecordRepository(db).note(session, batch.damaged);
      const next = afterBatch(state, {
        resealed: batch.steps.length,
        damaged: batch.damaged.length,
        position: { table: state.position.table, after: batch.last },
      });
      if (batch.steps.length === 0 && batch.damaged.length === 0) {
        // Nothing here under the older key: move on without a write (a resumed run passes it again).
        state = next;
        continue;
      }
      const written = await records.write(session, {
        events:
          batch.steps.length === 0
            ? []
            : [
                {
                  action: 'records.resealed',
                  recordType: table.name,
                  detail: `${batch.steps.length} records sealed under the new ${label} key`,
                },
              ],
        writes: [...batch.steps, settings.put({ key: stateKey(state.compartment), value: next })],
        check: unchangedSince(state),
      });
      if (written.ok) state = next;
      // Another run has this rotation in hand: leave it to that one.
      else if (written.error.code === 'moved-on') return undefined;
      // Otherwise a record was saved meanwhile, under the new key: the batch is read again without it.
      // Leave the page room to answer between batches.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return finish(session, state);
  }

  return {
    /** The rotations under way, for the progress bars (kept live by the hook). */
    async underWay(): Promise<KeyRotationState[]> {
      const states = await Promise.all(rotatableCompartments.map((compartment) => stateOf(compartment)));
      return states.filter((state): state is KeyRotationState => state !== undefined);
    },

    /**
     * Makes a new generation of `compartment`'s key and gives it to every account whose roles may
     * hold it (by their public keys, as role changes do); an account that has not signed in since
     * it got a key pair is given it at the manager's next sign-in. Then `run` seals again.
     */
    async start(
      session: Session,
      compartment: RotatableCompartment,
    ): Promise<Result<KeyRotationState & { readonly leftOut: readonly string[] }, KeyRotationError>> {
      const label = rotatableCompartmentLabels[compartment];
      if (!can(session.roles, 'staff:manage'))
        return fail('forbidden', 'Only the Registered Manager can change a key.');
      const held: CompartmentKeys = session.compartments;
      const current = compartment === 'door' ? session.dataKey : held[compartment];
      if (!current)
        return fail(
          'not-held',
          `Your account does not hold the ${label} key, so it cannot change it. Sign out and sign in again, then try once more.`,
        );
      if (await stateOf(compartment))
        return fail(
          'already-running',
          `The ${label} key is already being changed. It carries on in the background; its progress is shown here.`,
        );
      const fromGeneration = currentGeneration(held, compartment);
      const toGeneration = fromGeneration + 1;
      const key = await generateCompartmentKey();
      const updated: AccountKeys[] = [];
      // Accounts entitled to the key that cannot be given it: no checked key pair (made before
      // key pairs and not signed in since). Named to the manager, who resets their passwords.
      const leftOut: string[] = [];
      for (const stored of await db.accountKeys.toArray()) {
        const row = await db.staff.get(stored.staffId);
        if (!row) continue;
        const member = await staffCodec.decode(row, session.cipher).catch(() => undefined);
        if (!member || !mayHoldGrant(member, compartment)) continue;
        const publicKey = stored.keyPair
          ? await verifiedPublicKey(stored.keyPair, stored.staffId, session.auditKey)
          : undefined;
        if (!publicKey) {
          if (member.id !== session.staff.id) leftOut.push(member.name);
          continue;
        }
        const grant = await grantKey(compartment, key, { staffId: stored.staffId, publicKey }, toGeneration);
        updated.push({ ...stored, grants: [...(stored.grants ?? []), grant] });
      }
      const state = startKeyRotation({
        compartment,
        fromGeneration,
        total: 0,
        startedAt: clock().toISOString(),
        startedById: session.staff.id,
      });
      const counted = { ...state, total: await stillOld(state) };
      const written = await records.write(session, {
        events: [
          {
            action: 'keys.rotation-started',
            recordType: 'settings',
            recordId: stateKey(compartment),
            detail: `${label} key generation ${toGeneration} given to ${updated.length} ${updated.length === 1 ? 'account' : 'accounts'}; ${counted.total} records to seal again`,
          },
        ],
        writes: [keyring.putAll(updated), settings.put({ key: stateKey(compartment), value: counted })],
        async check() {
          return (await db.settings.get(stateKey(compartment)))
            ? fail('already-running', `The ${label} key is already being changed.`)
            : undefined;
        },
      });
      if (!written.ok) return written;
      // The door's newest key is the session's data key; the others' are kept with the compartments.
      replaceSessionCompartments(
        session,
        {
          ...held,
          ...(compartment === 'door' ? {} : { [compartment]: key }),
          generations: { ...held.generations, [compartment]: toGeneration },
          older: [...(held.older ?? []), { name: compartment, generation: fromGeneration, key: current }],
        },
        compartment === 'door' ? key : undefined,
      );
      return ok({ ...counted, leftOut });
    },

    /**
     * Seals again, in the background, what every rotation under way has left; `resumed` when it
     * carries on after an interruption (audited). Once per database at a time: later calls share
     * the run. Stops, keeping what is done, when the session's keys are dropped.
     */
    run(session: Session, resumed: boolean): Promise<KeyRotationOutcome[]> {
      const existing = running.get(db);
      if (existing) return existing;
      const work = (async () => {
        if (!can(session.roles, 'staff:manage')) return [];
        const outcomes: KeyRotationOutcome[] = [];
        for (const compartment of rotatableCompartments) {
          const state = await stateOf(compartment);
          // Only a session given the new generation seals under it.
          if (!state || currentGeneration(session.compartments, compartment) !== state.toGeneration) continue;
          const outcome = await carryOn(session, state, resumed);
          if (outcome) outcomes.push(outcome);
        }
        return outcomes;
      })().finally(() => running.delete(db));
      running.set(db, work);
      return work;
    },
  };
}
