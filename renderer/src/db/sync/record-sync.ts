import type { SyncKeys } from '@shared/sync/sync-envelope';
import type { FamilyLinksDb } from '../database';
import { applyIncoming, type ApplierOptions, type ApplyOutcome, type MirrorReader } from './sync-applier';
import { pumpChanges, type MirrorWriter, type SigningDevice } from './sync-pump';
import { mergeOpenConflicts } from './sync-merge';
import { reportMissingChanges } from './missing-changes';
import type { Session } from '../session';

/** How often the log and the mirror are looked at: well inside the 5 s a change may take to show elsewhere. */
export const recordSyncIntervalMs = 500;

export type RecordSync = {
  /** One pass now: send what is logged, apply what has arrived. */
  runOnce(): Promise<ApplyOutcome>;
  stop(): void;
};

/**
 * Keeps this computer's records moving while sync runs: every `recordSyncIntervalMs` it pumps the
 * change log into the mirror and applies what other computers' documents brought into it (live
 * replication carries the mirror to and from the server meanwhile), then, with someone signed in,
 * merges the conflicts their keys open (`sync-merge.ts`). Each pass also looks for changes the
 * server has not brought (`missing-changes.ts`). Passes never overlap; one that
 * fails is tried again at the next tick, so a lost connection or a locked database only delays.
 */
export function startRecordSync(
  db: FamilyLinksDb,
  mirror: MirrorReader & MirrorWriter,
  keys: SyncKeys,
  device: SigningDevice,
  options: ApplierOptions & {
    readonly onError?: (error: unknown) => void;
    /** Who is signed in now, if anyone: after a pass that applied changes, their keys merge what they can open. */
    readonly session?: () => Session | undefined;
    /**
     * Runs before each pass: the device registry brings `syncPeers` up to date (`registry-feed.ts`).
     * False: this pass sends but applies nothing (the keys to open what arrived are not here yet).
     */
    readonly beforePass?: () => Promise<boolean | void>;
  } = {},
): RecordSync {
  let running: Promise<ApplyOutcome> | undefined;
  let stopped = false;
  const runOnce = () => {
    running ??= (async () => {
      const isApplying = (await options.beforePass?.()) !== false;
      await pumpChanges(db, mirror, keys, device, options.clock);
      if (!isApplying) return { applied: 0, refused: 0, held: 0, skipped: 0 };
      const outcome = await applyIncoming(db, mirror, keys, options);
      await reportMissingChanges(db, options);
      const session = options.session?.();
      if (outcome.applied > 0 && session) await mergeOpenConflicts(db, session, options);
      return outcome;
    })().finally(() => (running = undefined));
    return running;
  };
  const tick = () => {
    if (stopped) return;
    runOnce()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, recordSyncIntervalMs);
      });
  };
  let timer = setTimeout(tick, 0);
  return {
    runOnce,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
