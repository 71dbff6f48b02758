import { useState } from 'react';
import { dayAndTime } from '@shared/home-time';
import { useHomeClock } from '../../common/useHomeClock';
import { useSyncProblems } from './useSyncProblems';
import { Panel } from '../../ui/Panel';

/**
 * "Sync problems" (docs/sync-design.md, "What the server cannot do unnoticed"): for the manager,
 * each document this computer refused from the sync server (altered, invented or replayed; never
 * applied) and each run of another computer's changes that has not arrived, in plain words, which
 * computer and when, newest first, with "Mark as seen" (audited; the problem is kept). Nothing
 * shows while there are none.
 */
export function SyncProblemsPanel() {
  const { problems, markSeen } = useSyncProblems();
  const { timeZone } = useHomeClock();
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<string>();
  if (!problems || problems.length === 0) return null;
  const mark = async (id: string) => {
    setBusy(id);
    setMessage(undefined);
    const marked = await markSeen(id);
    setBusy(undefined);
    if (!marked.ok) setMessage(marked.error.message);
  };
  return (
    <Panel titleId="sync-problems-title" title="Sync problems">
      <p role="status">
        <strong>
          {problems.length === 1 ? '1 problem was' : `${problems.length} problems were`} found with the
          records on the sync server.
        </strong>{' '}
        Nothing refused was added to the records. If this keeps happening, ask whoever runs the sync server
        who can change it.
      </p>
      <ul className="sync-problems">
        {problems.map((problem) => {
          const describedBy = `sync-problem-${problem.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
          return (
            <li key={problem.id} className="sync-problems__item">
              <p id={describedBy}>
                {problem.message}{' '}
                <span className="sync-problems__where">
                  {problem.computer ? `From ${problem.computer}, found` : 'Found'}{' '}
                  {dayAndTime(problem.at, timeZone)}.
                </span>
              </p>
              <button
                type="button"
                className="button button--secondary"
                aria-describedby={describedBy}
                disabled={busy !== undefined}
                onClick={() => void mark(problem.id)}
              >
                Mark as seen
              </button>
            </li>
          );
        })}
      </ul>
      {message ? (
        <p className="field__error" role="alert">
          {message}
        </p>
      ) : null}
    </Panel>
  );
}
