import type { FamilyLinksDb } from '../database';

/**
 * The server users this computer's codes made and that have not become a computer of the home
 * (docs/sync-design.md, "Joining and leaving"). Each code makes a user on the server; one whose
 * computer never joins (the code cancelled or expired, or a computer that collected it and never
 * finished, so the manager gives it a new code) would stay a member of the home's database for
 * good. Kept on disk (`syncState`, never replicated), with no secret in it, so a user left behind
 * when the app closed is still taken away at the next addition, when the admin signs in again.
 */

export type IssuedComputer = {
  readonly pairingId: string;
  readonly computerUser: string;
  readonly name: string;
  readonly expiresAt: string;
  /** Cancelled or expired: its computer will never be endorsed. */
  readonly ended?: true;
};

const issuedKey = 'issuedComputers';

export async function issuedComputers(db: FamilyLinksDb): Promise<readonly IssuedComputer[]> {
  const value = (await db.syncState.get(issuedKey))?.value;
  return Array.isArray(value) ? (value as IssuedComputer[]) : [];
}

async function change(
  db: FamilyLinksDb,
  next: (issued: readonly IssuedComputer[]) => readonly IssuedComputer[],
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    await db.syncState.put({ key: issuedKey, value: next(await issuedComputers(db)) });
  });
}

export const noteIssued = (db: FamilyLinksDb, issued: IssuedComputer): Promise<void> =>
  change(db, (all) => [...all.filter((one) => one.pairingId !== issued.pairingId), issued]);

/** Joined (the user is that computer's now) or taken off the server: nothing left to take away. */
export const forgetIssued = (db: FamilyLinksDb, computerUsers: readonly string[]): Promise<void> =>
  change(db, (all) => all.filter((one) => !computerUsers.includes(one.computerUser)));

export const markEnded = (db: FamilyLinksDb, pairingId: string): Promise<void> =>
  change(db, (all) => all.map((one) => (one.pairingId === pairingId ? { ...one, ended: true } : one)));

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/**
 * The users a new code for `name` replaces: an earlier code for the same name (its computer, if it
 * half-joined, joins again with the new code) and any code cancelled or past its expiry, whose
 * computer is never endorsed.
 */
export function staleUsers(issued: readonly IssuedComputer[], name: string, now: Date): string[] {
  return issued
    .filter(
      (one) =>
        one.ended === true || sameName(one.name, name) || new Date(one.expiresAt).getTime() < now.getTime(),
    )
    .map((one) => one.computerUser);
}
