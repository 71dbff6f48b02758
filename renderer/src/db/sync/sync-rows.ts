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

/** Another computer of this home: its id and signing key (raw P-256, base64url). */
export type SyncPeerRow = { readonly deviceId: string; readonly publicKey: string };

/** Why a document was refused: the envelope's checks, or the applier's own. */
export type SyncProblemReason =
  EnvelopeRefusal | 'different-copy' | 'not-a-valid-row' | 'not-replicated-here';

/** A document refused and never applied, for the manager. Ids and numbers only: nothing it said. */
export type SyncProblemRow = {
  readonly id: string;
  readonly at: string;
  readonly documentId: string;
  readonly reason: SyncProblemReason;
  readonly message: string;
  readonly deviceId?: string;
  readonly n?: number;
};
