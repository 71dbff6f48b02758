import { useState } from 'react';
import { contactKindLabels } from '@shared/schemas/contact-forms';
import { formatDeadlineInstant } from '@shared/rules/contact-form-deadline';
import { hashFor } from '../../common/routes';
import { displayName } from '@shared/display-names';
import { Banner } from '../../ui/Banner';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useYoungPeople } from '../../common/useYoungPeople';
import { useMyContactFormDrafts, type MyContactFormDraft } from './useMyContactFormDrafts';
import { LoadedList } from '../../ui/LoadedList';
import { Panel } from '../../ui/Panel';

/**
 * "My drafts": contact forms this person started typing and has not saved (or changes to a saved
 * one not saved yet). Each can be resumed, or discarded after a second question, because what
 * was typed cannot be brought back.
 */
export function MyDraftsPanel() {
  const { drafts, discard } = useMyContactFormDrafts();
  const timeZone = useHomeTimeZone();
  const { youngPeople } = useYoungPeople();
  const [asking, setAsking] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const nameOf = (draft: MyContactFormDraft) => {
    const person = youngPeople?.find((item) => item.id === draft.youngPersonId);
    return person ? displayName(person) : 'Young person not chosen yet';
  };
  const describe = (draft: MyContactFormDraft) =>
    `${draft.kind ? contactKindLabels[draft.kind] : 'Kind not chosen yet'}, ${nameOf(draft)}`;

  return (
    <Panel titleId="my-drafts-title" title="My drafts">
      {done ? <Banner tone="success">{done}</Banner> : null}
      <LoadedList
        items={drafts}
        loading="Looking for your drafts…"
        empty="None: nothing you were typing is waiting to be saved."
      >
        {(drafts) => (
          <ul className="my-drafts">
            {drafts.map((draft) => (
              <li key={draft.formId} className="my-drafts__item">
                <div>
                  <strong>{describe(draft)}</strong>
                  <div className="muted">
                    {draft.reference ? `Changes to ${draft.reference} not saved yet. ` : 'Not saved yet. '}
                    Last kept {formatDeadlineInstant(draft.keptAt, timeZone)}.
                  </div>
                </div>
                {asking === draft.formId ? (
                  <div className="my-drafts__confirm" role="group" aria-label={`Discard ${describe(draft)}?`}>
                    <span>Discard what you typed? It cannot be brought back.</span>
                    <button
                      type="button"
                      className="button button--discard"
                      onClick={() =>
                        void discard(draft.formId).then(() => {
                          setAsking(undefined);
                          setDone(`Draft discarded: ${describe(draft)}.`);
                        })
                      }
                    >
                      Yes, discard it
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setAsking(undefined)}
                    >
                      Keep it
                    </button>
                  </div>
                ) : (
                  <div className="row-actions">
                    <a className="button" href={hashFor('contact-forms', draft.formId)}>
                      Resume<span className="visually-hidden">: {describe(draft)}</span>
                    </a>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => {
                        setDone(undefined);
                        setAsking(draft.formId);
                      }}
                    >
                      Discard…<span className="visually-hidden"> {describe(draft)}</span>
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
    </Panel>
  );
}
