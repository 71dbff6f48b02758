// @vitest-environment node
// Node, not jsdom: hash-wasm's Argon2id and WebCrypto run natively there; fake-indexeddb is the store.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { argon2id } from 'hash-wasm';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { authService } from '../../../../renderer/src/security/auth-service';
import { freshDatabase } from '../db/test-database';
import { addColleague, colleaguePassword, setUpOakfield } from './oakfield-home';

// The real Argon2id, watched: how often sign-in runs it and with what settings is what its timing is made of.
vi.mock('hash-wasm', async (importOriginal) => {
  const actual = await importOriginal<typeof import('hash-wasm')>();
  return {
    ...actual,
    argon2id: vi.fn(actual.argon2id),
  };
});
const argon2idCalls = vi.mocked(argon2id);

const notRecognised = 'That username and password do not match an account. Check them and try again.';

let db: FamilyLinksDb;
afterEach(() => db?.close());
beforeEach(() => {
  argon2idCalls.mockClear();
});

async function homeWithColleague(clock: () => Date = () => new Date()) {
  db = freshDatabase();
  const auth = authService(db, clock);
  const manager = await setUpOakfield(auth);
  const colleague = await addColleague(auth, manager, {
    name: 'Tom Hughes',
    username: 'thughes',
    email: 'tom.hughes@oakfield.example',
    roles: ['careStaff'],
  });
  return { auth, manager, colleague };
}

/** The Argon2id work one sign-in attempt did: how many runs, and each run's settings (not its inputs). */
async function workOf(attempt: () => Promise<unknown>) {
  argon2idCalls.mockClear();
  const result = await attempt();
  const runs = argon2idCalls.mock.calls.map(([options]) => ({
    memorySize: options.memorySize,
    iterations: options.iterations,
    parallelism: options.parallelism,
    hashLength: options.hashLength,
    saltBytes: typeof options.salt === 'string' ? options.salt.length : options.salt.byteLength,
  }));
  return { result, runs };
}

function messageOf(result: unknown): string | undefined {
  const answer = result as { ok: boolean; error?: { message: string } };
  return answer.ok ? undefined : answer.error?.message;
}

describe('usernames answer in the same time, known or not', () => {
  it('an unknown username does the same Argon2id work as a wrong password, and gets the same answer', async () => {
    const { auth } = await homeWithColleague();
    const wrongPassword = await workOf(() => auth.signIn('thughes', 'not the password at all'));
    const unknown = await workOf(() => auth.signIn('nobody-here', 'not the password at all'));
    expect(wrongPassword.runs).toHaveLength(1);
    expect(unknown.runs).toEqual(wrongPassword.runs);
    expect(messageOf(unknown.result)).toBe(notRecognised);
    expect(messageOf(wrongPassword.result)).toBe(notRecognised);
  }, 30_000);

  it('a switched-off account does the same work and answers as an unknown username does', async () => {
    const { auth, manager, colleague } = await homeWithColleague();
    const wrongPassword = await workOf(() => auth.signIn('praman', 'not the password at all'));
    await auth.updateAccount(manager, colleague.id, { isActive: false });
    const switchedOff = await workOf(() => auth.signIn('thughes', colleaguePassword));
    expect(switchedOff.runs).toEqual(wrongPassword.runs);
    expect(messageOf(switchedOff.result)).toBe(notRecognised);
  }, 30_000);

  it('a locked-out account still does one password check’s work', async () => {
    const { auth } = await homeWithColleague(() => new Date('2026-11-23T09:00:00.000Z'));
    const wrongPassword = await workOf(() => auth.signIn('thughes', 'wrong guess 1'));
    for (let attempt = 2; attempt <= 5; attempt += 1) await auth.signIn('thughes', `wrong guess ${attempt}`);
    const locked = await workOf(() => auth.signIn('thughes', colleaguePassword));
    expect(messageOf(locked.result)).toContain('locked');
    expect(locked.runs).toEqual(wrongPassword.runs);
  }, 60_000);
});
