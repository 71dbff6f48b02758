import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftRepository } from '../../../../renderer/src/db/repositories/draft-repository';
import type { Session } from '../../../../renderer/src/db/session';
import { mergeDraft } from '../../../../renderer/src/security/merge-draft';
import { useDraft } from '../../../../renderer/src/security/useDraft';
import { closeTestHome, openTestHome, renderSignedIn } from '../features/render-signed-in';

afterEach(() => closeTestHome());

type Note = { visitor: string; notes: string };

function NoteForm({ formKey = 'test-note' }: { formKey?: string }) {
  const form = useForm<Note>({ defaultValues: { visitor: '', notes: '' } });
  const { restoredAt, restored } = useDraft(formKey, form);
  return (
    <form aria-label="A note">
      <label>
        Visitor
        <input {...form.register('visitor')} />
      </label>
      <label>
        Notes
        <textarea {...form.register('notes')} />
      </label>
      {restoredAt ? <p>Draft restored</p> : null}
      {restored ? <p>Kept: {restored.fields.join(', ')}</p> : null}
    </form>
  );
}

/** The session's cipher, with opening held back until `release()`: the draft read is slow, as on a busy computer. */
function slowToOpen(session: Session) {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const cipher = {
    ...session.cipher,
    open: async (context: string, box: Parameters<Session['cipher']['open']>[1]) =>
      gate.then(() => session.cipher.open(context, box)),
  };
  return { session: { ...session, cipher }, release };
}

describe('drafts', () => {
  it('what someone types before their saved draft has been read is kept, merged with the draft, and saved', async () => {
    const home = await openTestHome();
    const drafts = draftRepository(home.db, home.careWorker.cipher, home.careWorker.staff.id);
    await drafts.save('test-note', { visitor: '', notes: 'Mum rang about Saturday.' });
    const slow = slowToOpen(home.careWorker);
    const user = userEvent.setup();
    renderSignedIn(<NoteForm />, { db: home.db, session: slow.session });

    await user.type(screen.getByLabelText('Visitor'), 'Dawn Morris');
    slow.release();

    expect(await screen.findByText('Draft restored')).toBeInTheDocument();
    expect(screen.getByLabelText('Visitor')).toHaveValue('Dawn Morris');
    expect(screen.getByLabelText('Notes')).toHaveValue('Mum rang about Saturday.');
    await waitFor(
      async () =>
        expect(await drafts.get('test-note')).toMatchObject({
          values: { visitor: 'Dawn Morris', notes: 'Mum rang about Saturday.' },
        }),
      { timeout: 3_000 },
    );
  });

  it('a draft that cannot be opened does not stop new typing being kept', async () => {
    const home = await openTestHome();
    const drafts = draftRepository(home.db, home.careWorker.cipher, home.careWorker.staff.id);
    await drafts.save('test-note', { visitor: 'Old', notes: '' });
    const broken = {
      ...home.careWorker,
      cipher: { ...home.careWorker.cipher, open: () => Promise.reject(new Error('damaged')) },
    };
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderSignedIn(<NoteForm />, { db: home.db, session: broken });
    await waitFor(() =>
      expect(quiet).toHaveBeenCalledWith('A saved draft could not be opened', expect.any(Error)),
    );
    await user.type(screen.getByLabelText('Notes'), 'New words');
    await waitFor(
      async () => expect(await drafts.get('test-note')).toMatchObject({ values: { notes: 'New words' } }),
      { timeout: 3_000 },
    );
    quiet.mockRestore();
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('when a draft is kept', () => {
  it('someone typing steadily, never pausing, is kept within about a second of starting', async () => {
    const home = await openTestHome();
    const drafts = draftRepository(home.db, home.careWorker.cipher, home.careWorker.staff.id);
    const user = userEvent.setup();
    renderSignedIn(<NoteForm />, { db: home.db, session: home.careWorker });
    const notes = screen.getByLabelText('Notes');
    // A key every 150 ms for 2.4 s: a debounce alone (save after a pause) would never save.
    const started = performance.now();
    let firstKeptAfter: number | undefined;
    for (let key = 0; key < 16; key += 1) {
      await user.type(notes, 'a');
      if (firstKeptAfter === undefined && (await drafts.get('test-note')))
        firstKeptAfter = performance.now() - started;
      await sleep(150);
    }
    expect(firstKeptAfter).toBeDefined();
    expect(firstKeptAfter).toBeLessThan(2_000);
    const kept = await drafts.get('test-note');
    // Kept again while typing went on, not only once.
    expect((kept?.values as Note).notes.length).toBeGreaterThan(8);
  });

  it('hiding the window keeps what was typed at once, without waiting', async () => {
    const home = await openTestHome();
    const drafts = draftRepository(home.db, home.careWorker.cipher, home.careWorker.staff.id);
    const user = userEvent.setup();
    renderSignedIn(<NoteForm />, { db: home.db, session: home.careWorker });
    await user.type(screen.getByLabelText('Notes'), 'Dad rang');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(
      async () => expect(await drafts.get('test-note')).toMatchObject({ values: { notes: 'Dad rang' } }),
      {
        timeout: 300,
      },
    );
    visibility.mockRestore();
  });

  it('typing undone leaves no draft, and each form keeps its own', async () => {
    const home = await openTestHome();
    const drafts = draftRepository(home.db, home.careWorker.cipher, home.careWorker.staff.id);
    const user = userEvent.setup();
    await drafts.save('contact-form:b', { visitor: 'Someone else', notes: '' });
    renderSignedIn(<NoteForm formKey="contact-form:a" />, { db: home.db, session: home.careWorker });
    expect(screen.getByLabelText('Visitor')).toHaveValue('');
    await user.type(screen.getByLabelText('Visitor'), 'x');
    await waitFor(async () => expect(await drafts.get('contact-form:a')).toBeDefined(), { timeout: 3_000 });
    await user.clear(screen.getByLabelText('Visitor'));
    await waitFor(async () => expect(await drafts.get('contact-form:a')).toBeUndefined(), { timeout: 3_000 });
    expect((await drafts.list('contact-form:')).map((draft) => draft.formKey)).toEqual(['contact-form:b']);
  });

  it('a draft that comes back says which fields it kept', async () => {
    const home = await openTestHome();
    const drafts = draftRepository(home.db, home.careWorker.cipher, home.careWorker.staff.id);
    await drafts.save('test-note', { visitor: '', notes: 'Mum rang about Saturday.' });
    renderSignedIn(<NoteForm />, { db: home.db, session: home.careWorker });
    expect(await screen.findByText('Kept: notes')).toBeInTheDocument();
  });
});

describe('merging a late draft with what was typed', () => {
  it('typed fields win; untouched fields take the draft; fields only on the form stay', () => {
    expect(
      mergeDraft(
        { visitor: 'Old name', notes: 'Draft notes', badge: '12' },
        { visitor: 'New name', notes: '', extra: 'x' },
        { visitor: '', notes: '', extra: 'x' },
      ),
    ).toEqual({
      visitor: 'New name',
      notes: 'Draft notes',
      badge: '12',
      extra: 'x',
    });
  });
  it('a list field counts as touched only when it differs from its default', () => {
    expect(mergeDraft({ staffIds: ['a'] }, { staffIds: [] }, { staffIds: [] })).toEqual({ staffIds: ['a'] });
    expect(mergeDraft({ staffIds: ['a'] }, { staffIds: ['b'] }, { staffIds: [] })).toEqual({
      staffIds: ['b'],
    });
  });
  it('a draft that is not an object leaves the form as it is', () => {
    expect(mergeDraft('nonsense', { visitor: 'Dawn' }, { visitor: '' })).toEqual({ visitor: 'Dawn' });
  });
});
