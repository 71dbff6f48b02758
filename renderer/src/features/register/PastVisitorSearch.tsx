import { useState } from 'react';
import { dayAndTime } from '@shared/home-time';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { EntryVersions } from './EntryVersions';
import { useVisitorSearch } from './useVisitorSearch';
import { Panel } from '../../ui/Panel';

/** "Has this person been before?": find past visits by name, however long ago, and open one. */
export function PastVisitorSearch({ directory, timeZone }: { directory: DoorDirectory; timeZone: string }) {
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | undefined>();
  const search = useVisitorSearch(query);

  return (
    <Panel titleId="past-visitor-title" title="Find a past visitor">
      <div className="field">
        <label className="field__label" htmlFor="past-visitor-name">
          Visitor’s name
        </label>
        <div className="field__hint" id="past-visitor-hint">
          Type the start of any part of the name, for example “smi jo”. Searches every visit ever recorded.
        </div>
        <input
          id="past-visitor-name"
          className="input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="past-visitor-hint"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpenId(undefined);
          }}
        />
      </div>
      <div aria-live="polite">
        {search.kind === 'preparing' ? <p role="status">Getting the register ready to search…</p> : null}
        {search.kind === 'ready' && search.hits.length === 0 ? (
          <p className="empty">Nobody of that name has visited.</p>
        ) : null}
      </div>
      {search.kind === 'ready' && search.hits.length > 0 ? (
        <ul className="search-results" aria-label={`Visits matching “${search.query}”, newest first`}>
          {search.hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                className="link-button"
                aria-expanded={openId === hit.id}
                onClick={() => setOpenId(openId === hit.id ? undefined : hit.id)}
              >
                {hit.visitorName}, {dayAndTime(hit.arrivedAt, timeZone)}
              </button>
              {openId === hit.id ? (
                <EntryVersions entryId={hit.id} directory={directory} timeZone={timeZone} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
