// @vitest-environment node
// Node, not jsdom: hash-wasm's Argon2id and WebCrypto run natively there; fake-indexeddb is the store.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { authService, type AuthService } from '../../../../renderer/src/security/auth-service';
import type { StaffRole } from '../../../../shared/schemas/staff';
import { auditLog } from '../../../../renderer/src/db/repositories/audit-log-repository';
import { homeSettingsRepository } from '../../../../renderer/src/db/repositories/home-settings-repository';
import type { Session } from '../../../../renderer/src/db/session';
import { freshDatabase } from '../db/test-database';
import {
  addColleague as addAccount,
  colleaguePassword,
  managerPassword,
  oakfieldHouse as home,
  priyaRaman as manager,
  setUpOakfield,
} from './oakfield-home';

let db: FamilyLinksDb;
afterEach(() => db?.close());

function clockAt(start: string) {
  let now = new Date(start);
  return {
    clock: () => now,
    advanceMinutes: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)),
  };
}

async function setUp(clock: () => Date = () => new Date()) {
  db = freshDatabase();
  const auth = authService(db, clock);
  return { auth, session: await setUpOakfield(auth) };
}

/** Five wrong passwords in a row: what locks an account for five minutes. */
async function fiveWrongPasswords(auth: AuthService, username: string): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt += 1) await auth.signIn(username, `wrong guess ${attempt}`);
}

function addColleague(auth: AuthService, session: Session, roles: readonly StaffRole[] = ['careStaff']) {
  return addAccount(auth, session, {
    name: 'Tom Hughes',
    username: 'thughes',
    email: 'tom.hughes@oakfield.example',
    roles,
  });
}

describe('first run', () => {
  it('sets up the home with a Registered Manager who is signed straight in', async () => {
    const { auth, session } = await setUp();
    expect(session.roles).toEqual(['registeredManager']);
    expect(await auth.hasAccounts()).toBe(true);
    const again = await auth.setUpHome({ home, manager });
    expect(again.ok ? undefined : again.error.code).toBe('already-set-up');
  });

  it('refuses a guessable password and sets nothing up', async () => {
    db = freshDatabase();
    const auth = authService(db);
    const result = await auth.setUpHome({
      home,
      manager: { ...manager, password: 'Oakfield2026!', confirmPassword: 'Oakfield2026!' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.['manager.password']).toBeTruthy();
    expect(await auth.hasAccounts()).toBe(false);
    expect(await db.settings.get('home')).toBeUndefined();
  });

  it('leaves no name or email readable in the stored rows', async () => {
    await setUp();
    const everything = JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())));
    expect(everything).not.toContain('Priya');
    expect(everything).not.toContain('priya.raman@');
    expect(everything).toContain('praman'); // usernames stay plain so sign-in can find the account
  });
});

describe('signing in', () => {
  it('opens the records with the right password and not with a wrong one', async () => {
    const { auth } = await setUp();
    const wrong = await auth.signIn('praman', 'not the password at all');
    expect(wrong.ok ? undefined : wrong.error.message).toContain('do not match');
    const right = await auth.signIn('PRaman ', managerPassword);
    expect(right.ok && right.value.session.staff.name).toBe('Priya Raman');
  });

  it('locks an account after 5 wrong passwords, for 5 minutes, even against the right one', async () => {
    const time = clockAt('2026-11-23T09:00:00.000Z');
    const { auth } = await setUp(time.clock);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const result = await auth.signIn('praman', `wrong guess ${attempt}`);
      expect(result.ok ? undefined : result.error.code).toBe('not-recognised');
    }
    const fifth = await auth.signIn('praman', 'wrong guess 5');
    expect(fifth.ok ? undefined : fifth.error.code).toBe('locked');
    time.advanceMinutes(4);
    const stillLocked = await auth.signIn('praman', managerPassword);
    expect(stillLocked.ok ? undefined : stillLocked.error.code).toBe('locked');
    time.advanceMinutes(1);
    const open = await auth.signIn('praman', managerPassword);
    expect(open.ok).toBe(true);
  }, 30_000);

  it('chains the failed attempts and the lock into the audit log at the next sign-in', async () => {
    const time = clockAt('2026-11-23T09:00:00.000Z');
    const { auth } = await setUp(time.clock);
    await fiveWrongPasswords(auth, 'praman');
    time.advanceMinutes(6);
    const signedIn = await auth.signIn('praman', managerPassword);
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const entries = (await auditLog(db).page(signedIn.value.session.roles, { limit: 50 })) ?? [];
    const actions = entries.map((entry) => entry.action).reverse();
    expect(actions.filter((action) => action === 'session.sign-in-failed')).toHaveLength(5);
    expect(actions).toContain('account.locked-out');
    expect(actions.at(-1)).toBe('session.signed-in');
    expect(await db.pendingAudit.count()).toBe(0);
    const verdict = await auditLog(db).verify(signedIn.value.session.roles, signedIn.value.session.auditKey);
    expect(verdict?.kind).toBe('intact');
  }, 30_000);
});

describe('accounts made by the manager', () => {
  it('a new colleague signs in with the temporary password and must choose a new one', async () => {
    const { auth, session } = await setUp();
    await addColleague(auth, session);
    const first = await auth.signIn('thughes', colleaguePassword);
    expect(first.ok && first.value.mustChangePassword).toBe(true);
    if (!first.ok) return;
    const changed = await auth.changeOwnPassword(
      first.value.session,
      colleaguePassword,
      'velvet thunder orchid canal',
    );
    expect(changed.ok).toBe(true);
    const old = await auth.signIn('thughes', colleaguePassword);
    expect(old.ok).toBe(false);
    const next = await auth.signIn('thughes', 'velvet thunder orchid canal');
    expect(next.ok && next.value.mustChangePassword).toBe(false);
  }, 30_000);

  it('a reset replaces a forgotten password and unlocks the account', async () => {
    const { auth, session } = await setUp();
    const colleague = await addColleague(auth, session);
    await fiveWrongPasswords(auth, 'thughes');
    expect((await auth.signIn('thughes', colleaguePassword)).ok).toBe(false);
    const reset = await auth.resetPassword(session, colleague.id, 'saffron lighthouse quilt river');
    expect(reset.ok).toBe(true);
    const after = await auth.signIn('thughes', 'saffron lighthouse quilt river');
    expect(after.ok && after.value.mustChangePassword).toBe(true);
  }, 30_000);

  it('a switched-off account cannot sign in, and its wrapped keys are gone at once', async () => {
    const { auth, session } = await setUp();
    const colleague = await addColleague(auth, session);
    expect((await db.accountKeys.get(colleague.id))?.grants?.map((grant) => grant.name)).toEqual([
      'ownDeclarations',
    ]);
    await auth.updateAccount(session, colleague.id, { isActive: false });
    expect(await db.accountKeys.get(colleague.id)).toBeUndefined();
    const result = await auth.signIn('thughes', colleaguePassword);
    // Answered as an unknown username is: nobody has proved who they are (sign-in-timing.test.ts).
    expect(result.ok ? undefined : result.error.code).toBe('not-recognised');
  }, 30_000);

  it('a role added by the manager gives the casework key at once', async () => {
    const { auth, session } = await setUp();
    const colleague = await addColleague(auth, session);
    await auth.updateAccount(session, colleague.id, { roles: ['careStaff', 'personalTutor'] });
    const signedIn = await auth.signIn('thughes', colleaguePassword);
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    expect(signedIn.value.session.cipher.holds('casework')).toBe(true);
    await auth.updateAccount(session, colleague.id, { roles: ['careStaff'] });
    const again = await auth.signIn('thughes', colleaguePassword);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.session.cipher.holds('casework')).toBe(false);
  }, 60_000);

  it('refuses a username that is taken', async () => {
    const { auth, session } = await setUp();
    const result = await auth.createAccount(session, {
      name: 'Another Priya',
      username: 'praman',
      email: 'p2@oakfield.example',
      roles: ['careStaff'],
      password: colleaguePassword,
      confirmPassword: colleaguePassword,
    });
    expect(result.ok ? undefined : result.error.code).toBe('username-taken');
  });
});

describe('need to know, in the data layer', () => {
  it('a care worker cannot add accounts, change settings, or read or check the audit log', async () => {
    const { auth, session } = await setUp();
    await addColleague(auth, session, ['careStaff']);
    const signedIn = await auth.signIn('thughes', colleaguePassword);
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const care = signedIn.value.session;
    const added = await auth.createAccount(care, {
      name: 'X Y',
      username: 'xy1',
      email: 'xy@oakfield.example',
      roles: ['registeredManager'],
      password: colleaguePassword,
      confirmPassword: colleaguePassword,
    });
    expect(added.ok ? undefined : added.error.code).toBe('forbidden');
    const saved = await homeSettingsRepository(db).save(care, { name: 'Renamed', ofstedUrn: 'SC123456' });
    expect(saved.ok ? undefined : saved.error.code).toBe('forbidden');
    expect(await auditLog(db).page(care.roles, { limit: 10 })).toBeUndefined();
    expect(await auditLog(db).verify(care.roles, care.auditKey)).toBeUndefined();
    expect((await homeSettingsRepository(db).get())?.name).toBe('Oakfield House');
  }, 30_000);
});

describe('the audit log on disk', () => {
  it('shows an edited entry when checked', async () => {
    const { session } = await setUp();
    const [first] = await db.audit.orderBy('seq').limit(1).toArray();
    if (!first) throw new Error('no audit entries');
    await db.audit.put({ ...first, action: 'something else' });
    const verdict = await auditLog(db).verify(session.roles, session.auditKey);
    expect(verdict?.kind).toBe('tampered');
  });

  it('shows the last entries cut off when checked', async () => {
    const { session } = await setUp();
    const last = await db.audit.orderBy('seq').last();
    if (!last) throw new Error('no audit entries');
    await db.audit.delete(last.seq);
    const verdict = await auditLog(db).verify(session.roles, session.auditKey);
    expect(verdict?.kind).toBe('tampered');
  });
});

describe('a staff row changed outside the app', () => {
  it('a care worker made a manager in IndexedDB is refused, not signed in as a manager, and it is noted once', async () => {
    const { auth, session } = await setUp();
    const colleague = await addColleague(auth, session);
    await db.staff.update(colleague.id, { roles: ['registeredManager'] });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await auth.signIn('thughes', colleaguePassword);
      expect(result.ok ? result.value.session.roles : result.error.code).toBe('damaged');
    }
    expect(await db.damagedRecords.toArray()).toEqual([
      expect.objectContaining({ table: 'staff', rowId: colleague.id }),
    ]);
    expect((await db.pendingAudit.toArray()).filter((row) => row.action === 'record.damaged')).toHaveLength(
      1,
    );
  }, 60_000);

  it('a switched-off account switched back on in IndexedDB is refused', async () => {
    const { auth, session } = await setUp();
    const colleague = await addColleague(auth, session);
    const keysBefore = await db.accountKeys.get(colleague.id);
    if (!keysBefore) throw new Error('the colleague has no keys');
    const off = await auth.updateAccount(session, colleague.id, { isActive: false });
    if (!off.ok) throw new Error(off.error.message);
    await db.staff.update(colleague.id, { isActive: true });
    // Switching off deleted the keys: the password alone opens nothing.
    const withoutKeys = await auth.signIn('thughes', colleaguePassword);
    expect(withoutKeys.ok ? 'signed in' : withoutKeys.error.code).toBe('not-recognised');
    // Keys copied back from an older copy of the database: the row itself still does not open.
    await db.accountKeys.put(keysBefore);
    const withOldKeys = await auth.signIn('thughes', colleaguePassword);
    expect(withOldKeys.ok ? 'signed in' : withOldKeys.error.code).toBe('damaged');
  }, 60_000);
});
