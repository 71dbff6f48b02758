import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksApi } from '../../../../shared/ipc/client';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { createRecordCipher } from '../../../../renderer/src/db/encryption/record-cipher';
import { auditLog } from '../../../../renderer/src/db/repositories/audit-log-repository';
import { draftRepository } from '../../../../renderer/src/db/repositories/draft-repository';
import type { Session } from '../../../../renderer/src/db/session';
import { DatabaseContext } from '../../../../renderer/src/platform/database-context';
import { authService } from '../../../../renderer/src/security/auth-service';
import { SessionProvider } from '../../../../renderer/src/security/SessionProvider';
import { useSessionApi, type SessionApi } from '../../../../renderer/src/security/session-context';
import { useDraft } from '../../../../renderer/src/security/useDraft';
import { freshDatabase } from '../db/test-database';
import { managerPassword as password, priyaRaman as manager, setUpOakfield } from './oakfield-home';

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'api');
});

/** A home set up through the real auth service, so the session is the one sign-in makes. */
async function homeWithManager(): Promise<{ db: FamilyLinksDb; session: Session }> {
  const db = freshDatabase({ name: `family-links-${crypto.randomUUID()}` });
  // jsdom's structuredClone and Dexie's cache disagree about typed arrays (render-signed-in.tsx).
  db._options.cache = 'disabled';
  await db.open();
  return { db, session: await setUpOakfield(authService(db, undefined, undefined)) };
}

/** A main process that never answers: every call to it stays in flight. */
function stalledBridge(): void {
  const api = new Proxy(
    {},
    {
      get: (_target, channel) =>
        channel === 'onEvent' ? () => () => undefined : () => new Promise<never>(() => undefined),
    },
  ) as FamilyLinksApi;
  Object.defineProperty(window, 'api', { value: api, configurable: true });
}

function NoteForm() {
  const form = useForm<{ notes: string }>({ defaultValues: { notes: '' } });
  useDraft('lock-note', form);
  return (
    <label>
      Notes
      <textarea {...form.register('notes')} />
    </label>
  );
}

function Probe({ onApi }: { onApi: (api: SessionApi) => void }) {
  const api = useSessionApi();
  onApi(api);
  return api.state.kind === 'signedIn' ? <NoteForm /> : <p>{api.state.kind}</p>;
}

async function renderApp(db: FamilyLinksDb) {
  let current: SessionApi | undefined;
  render(
    <DatabaseContext.Provider value={db}>
      <SessionProvider>
        <Probe onApi={(api) => (current = api)} />
      </SessionProvider>
    </DatabaseContext.Provider>,
  );
  await waitFor(() => expect(current).toBeDefined());
  return () => {
    if (!current) throw new Error('The session provider has not rendered');
    return current;
  };
}

const within = <T,>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(() => 'done' as const),
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ]);

describe('locking drops the keys at once, whatever is still being written', () => {
  it('with a write stalled and the main process not answering, the lock completes and nothing opens', async () => {
    const { db, session } = await homeWithManager();
    const sealedBefore = await session.cipher.seal('test:1', { note: 'sealed before the lock' });
    // The test's own copies, to check the draft afterwards (kept under the person's own key).
    const { dataKey, compartments } = session;
    stalledBridge();
    const api = await renderApp(db);
    act(() => api().begin(session, false));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Notes'), 'Mum rang');
    // Another form's draft is stuck on a disk that never answers.
    api().draftKeeper.register(() => new Promise<never>(() => undefined));

    let locking: Promise<void> = Promise.resolve();
    act(() => {
      locking = api().lock('button');
    });
    // Dropped before anything was awaited.
    expect(session.cipher.holds('door')).toBe(false);

    // A generous bound: it must not wait for the stalled write or the main process at all.
    expect(await within(locking, 1_000)).toBe('done');
    await expect(session.cipher.open('test:1', sealedBefore)).rejects.toThrow();
    await expect(session.cipher.seal('test:2', { note: 'after' })).rejects.toThrow();
    expect(() => session.auditKey).toThrow();
    expect(() => session.dataKey).toThrow();
    expect(() => session.compartments).toThrow();
    expect(session.cipher.holds('casework')).toBe(false);
    expect(await screen.findByText('locked')).toBeInTheDocument();

    // What was typed was sealed before the drop and written after it.
    const drafts = draftRepository(db, createRecordCipher(dataKey, compartments), session.staff.id);
    await waitFor(async () =>
      expect(await drafts.get('lock-note')).toMatchObject({ values: { notes: 'Mum rang' } }),
    );
  }, 30_000);

  it('the lock is recorded without the keys, under the person’s name, and joins the log at the next sign-in', async () => {
    const { db, session } = await homeWithManager();
    const api = await renderApp(db);
    act(() => api().begin(session, false));
    await act(() => api().lock('idle'));

    await waitFor(async () =>
      expect(await db.pendingAudit.toArray()).toEqual([
        expect.objectContaining({ action: 'session.locked', actorId: session.staff.id, detail: 'idle' }),
      ]),
    );
    const signedIn = await act(() => api().signIn(manager.username, password));
    expect(signedIn.ok).toBe(true);
    const state = api().state;
    if (state.kind !== 'signedIn') throw new Error('not signed in again');
    const entries = (await auditLog(db).page(state.session.roles, { limit: 10 })) ?? [];
    expect(entries.find((entry) => entry.action === 'session.locked')).toMatchObject({
      actorId: session.staff.id,
      recordId: session.staff.id,
      detail: 'idle',
    });
    expect(await db.pendingAudit.count()).toBe(0);
  }, 30_000);
});
