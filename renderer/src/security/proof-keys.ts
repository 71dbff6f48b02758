import type { Session } from '../db/session';

/**
 * A manager's signing key opened for proofs (non-extractable), with its certificate chain
 * (`manager-proof.ts` opens it and signs with it).
 */
export type ProofKey = { readonly key: CryptoKey; readonly certificateChainPem: readonly string[] };

/*
 * Kept apart from the signing code so that ending a session, which must forget the key, does not
 * load the whole IPC contract before the sign-in form can show.
 */
const proofKeys = new WeakMap<object, Promise<ProofKey | undefined>>();

/** Keeps `key` (being opened) for this session's manager requests. */
export function keepProofKey(session: Session, key: Promise<ProofKey | undefined>): void {
  proofKeys.set(session, key);
}

/** This session's proof key, if a manager signed in with one. */
export function proofKeyOf(session: Session): Promise<ProofKey | undefined> | undefined {
  return proofKeys.get(session);
}

/** Lets go of this session's proof key: on lock or sign-out, with the session's other keys. */
export function forgetProofKey(session: Session): void {
  proofKeys.delete(session);
}
