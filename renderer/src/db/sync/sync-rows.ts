import type { EnvelopeRefusal } from '@shared/sync/sync-envelope';

/** Where the pump and the applier have got to (`pushedThrough`, `pulledSince`), and this computer's keys. */
export type SyncStateRow = { readonly key: string; readonly value: unknown };

/** A document from another computer that has been applied here: its `(deviceId, n)` is never applied again. */
export type SyncAppliedRow = {
  readonly id: string;
  readonly deviceId: string;
  readonly n: number;
  /** SHA-256 of the document's ciphertext: a different body under a used `(deviceId, n)` is refused. */
  readonly digest: string;
  readonly appliedAt: string;
  /** Received and verified, but its table is not yet taken from other computers: applied by a later version. */
  readonly held?: 1;
};

/**
 * A computer of this home: its id, signing key (raw P-256, base64url) and the name the registry
 * signed for it ("Front desk"), when it has one. The name says where the computer is, never who
 * uses it (`computerNameSchema`), and the sync server reads it anyway: it may be kept plain.
 */
export type SyncPeerRow = { readonly deviceId: string; readonly publicKey: string; readonly name?: string };

/** Why a document was refused: the envelope's checks, or the applier's own. */
export type SyncProblemReason =
  EnvelopeRefusal | 'different-copy' | 'not-a-valid-row' | 'not-replicated-here' | 'audit-out-of-chain';

/**
 * A document refused and never applied, or changes that never arrived, for the manager. Ids and
 * numbers only: nothing a document said. Kept once seen: the manager marks it, nobody deletes it.
 */
export type SyncProblemRow = {
  readonly id: string;
  readonly at: string;
  /** The refused document; for missing changes, none (they never arrived). */
  readonly documentId: string;
  /** Why it was refused, or `missing-changes`: another computer's changes that never arrived (`shared/sync/missing-changes.ts`). */
  readonly reason: SyncProblemReason | 'missing-changes';
  readonly message: string;
  /** The computer the document names as its writer (unverified when the signature failed). */
  readonly deviceId?: string;
  readonly n?: number;
  /** Missing changes: the last of the run that starts at `n`. */
  readonly to?: number;
  /** Missing changes that arrived after all: the problem closed itself. */
  readonly closedAt?: string;
  /** When the manager marked it as seen, and who. */
  readonly seenAt?: string;
  readonly seenById?: string;
};

/** The version a changeable record is at on this computer (`d:n`, `record-merge.ts`); `id` is `table/key`. */
export type SyncVersionRow = { readonly id: string; readonly version: string; readonly at?: string };

/** One version of a record in a conflict: the change that made it and the stored row it wrote (none: deleted). */
export type SyncConflictSide = {
  readonly d: string;
  readonly n: number;
  /** The writer's clock, for the manager to read; ordering uses `(n, d)`. */
  readonly at: string;
  readonly row?: unknown;
};

/**
 * A record changed on two computers at once and not yet settled: the version the changes were
 * made on (`base`, its stored row when known) and each side's version, all stored rows sealed as
 * the record is. The record holds the winning side's row meanwhile. `id` is `table/key`.
 */
export type SyncConflictRow = {
  readonly id: string;
  readonly table: string;
  readonly key: string;
  readonly base: { readonly version: string | null; readonly row?: unknown };
  readonly sides: readonly SyncConflictSide[];
  readonly openedAt: string;
  /** Fields changed two ways, once a signed-in computer has compared the versions: the manager chooses. */
  readonly conflicting?: readonly string[];
};
