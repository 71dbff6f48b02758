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

function NoteForm() {
  const form = useForm<Note>({ defaultValues: { visitor: '', notes: '' } });
  const { restoredAt } = useDraft('test-note', form);
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
