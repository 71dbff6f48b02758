import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { ok } from '../../../../shared/result';
import { DatabaseContext } from '../../../../renderer/src/platform/database-context';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { createDraftKeeper } from '../../../../renderer/src/security/draft-keeper';
import type { Session } from '../../../../renderer/src/db/session';
import { SessionContext, type SessionApi } from '../../../../renderer/src/security/session-context';
import { freshDatabase } from '../db/test-database';
import { testSession } from '../db/test-session';

/** A home with its own empty database and three colleagues who share its keys. */
export type TestHome = {
  readonly db: FamilyLinksDb;
  readonly manager: Session;
  readonly tutor: Session;
  readonly careWorker: Session;
};

export async function openTestHome(): Promise<TestHome> {
  const db = freshDatabase({ name: `family-links-${crypto.randomUUID()}` });
  // Under vitest's jsdom, `structuredClone` is jsdom's, so fake-indexeddb hands back typed arrays
  // from jsdom's realm while Dexie compares constructors with Node's. Dexie's live-query cache then
  // "clones" each sealed row's IV into a plain object and decryption fails. A real browser has one
  // realm; here the cache (a speed-up, not behaviour the screens depend on) is switched off.
  db._options.cache = 'disabled';
  await db.open();
  const manager = await testSession(['registeredManager']);
  const keys = { dataKey: manager.dataKey, auditKey: manager.auditKey, compartments: manager.compartments };
  const [tutor, careWorker] = await Promise.all([
    testSession(['personalTutor'], keys),
    testSession(['careStaff'], keys),
  ]);
  return { db, manager, tutor, careWorker };
}

/**
 * Unmounts the screen, which stops its live queries. The database is left open on purpose: a
 * read already in flight (a live query re-running after a save, a draft being looked up) would
 * otherwise reject with DatabaseClosedError after the test. Each home has its own in-memory
 * IndexedDB, so nothing leaks into the next test. Use `afterEach(closeTestHome)`; a home passed
 * in (as `closeTestHome(home)` in tests written when this closed the database) is ignored.
 */
export function closeTestHome(_home?: unknown): void {
  cleanup();
}

/**
 * The providers the app puts around every signed-in screen: <DatabaseGate>'s database and
 * <SessionProvider> with `session` signed in. Signing in, locking and signing out do nothing here:
 * screens under test only read the session and keep drafts. As a `wrapper`, so a rerender keeps it.
 */
export function signedInProviders({
  db,
  session,
}: {
  db: FamilyLinksDb;
  session: Session;
}): (props: { children: ReactNode }) => ReactElement {
  const api: SessionApi = {
    state: { kind: 'signedIn', session, mustChangePassword: false },
    draftKeeper: createDraftKeeper(),
    signIn: () => Promise.resolve(ok(undefined)),
    begin: () => undefined,
    lock: () => Promise.resolve(),
    signOut: () => Promise.resolve(),
    passwordChanged: () => undefined,
  };
  return function SignedIn({ children }) {
    return (
      <DatabaseContext.Provider value={db}>
        <SessionContext.Provider value={api}>{children}</SessionContext.Provider>
      </DatabaseContext.Provider>
    );
  };
}

/** Renders `ui` as the app would, inside `signedInProviders`. */
export function renderSignedIn(
  ui: ReactElement,
  home: { db: FamilyLinksDb; session: Session },
): RenderResult {
  return render(ui, { wrapper: signedInProviders(home) });
}
