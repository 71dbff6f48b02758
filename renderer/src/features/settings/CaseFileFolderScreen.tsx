import { useCallback, useEffect, useState } from 'react';
import type { CaseFileFolderStatus } from '@shared/ipc/channels/documents';
import { can } from '@shared/rules/access';
import { useSession } from '../../security/session-context';
import { Banner } from '../../ui/Banner';
import { useCaseFileFolder } from './useCaseFileFolder';
import { TaskButton } from '../../ui/TaskButton';
import { Panel } from '../../ui/Panel';

const stateText: Readonly<Record<CaseFileFolderStatus['state'], string>> = {
  reachable: 'Reachable: signed copies are being saved there.',
  'not-set': 'Not set: signed forms wait in the app until a folder is chosen.',
  untrusted: 'Not trusted:',
  'folder-unavailable': 'Not reachable:',
  'disk-full': 'Full:',
  'no-permission': 'Not allowed:',
  'write-failed': 'Saving failed:',
};

/**
 * The manager chooses the case-file folder (a network share is normal) and can
 * see at once whether this computer can save there now. Signed forms never wait on it: if it is
 * unreachable, the copies queue in the app and are tried again.
 */
export function CaseFileFolderScreen() {
  const session = useSession();
  const folder = useCaseFileFolder();
  const [status, setStatus] = useState<CaseFileFolderStatus | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [isWorking, setIsWorking] = useState(false);
  const [saved, setSaved] = useState<string | undefined>();
  const mayChange = can(session.roles, 'settings:manage');

  const check = useCallback(async () => {
    if (!folder) return;
    setSaved(undefined);
    setIsWorking(true);
    const reply = await folder.status();
    setIsWorking(false);
    if (reply.ok) {
      setStatus(reply.value);
      setProblem(undefined);
    } else setProblem(reply.error.message);
  }, [folder]);

  // The first check as the screen opens; state is set only when the answer arrives.
  useEffect(() => {
    if (!folder) return;
    let isLive = true;
    void folder.status().then((reply) => {
      if (!isLive) return;
      if (reply.ok) setStatus(reply.value);
      else setProblem(reply.error.message);
    });
    return () => {
      isLive = false;
    };
  }, [folder]);

  if (!folder) {
    return (
      <div className="page page--narrow">
        <h1>Case-file folder</h1>
        <Banner tone="error">
          The case-file folder needs the Family Links desktop app: this window has no background service to
          save files.
        </Banner>
      </div>
    );
  }

  const choose = async () => {
    if (!mayChange) return;
    setSaved(undefined);
    setIsWorking(true);
    const reply = await folder.choose();
    setIsWorking(false);
    if (!reply.ok) {
      setProblem(reply.error.message);
      return;
    }
    if (reply.value.outcome === 'cancelled') return;
    const chosen = reply.value.status;
    setStatus(chosen);
    setProblem(undefined);
    await folder.recordChange(`${chosen.folder ?? ''} (${chosen.state})`);
    setSaved(
      chosen.state === 'reachable'
        ? 'Case-file folder saved. Signed copies will be saved there.'
        : 'Case-file folder saved, but it cannot be written to just now: see below.',
    );
  };

  return (
    <div className="page page--narrow">
      <h1>Case-file folder</h1>
      <p className="lede">
        Every signed contact form is also saved in the case-file folder, as case number / academic year /
        date-kind-reference.pdf. A folder on the network share is normal. If the folder cannot be reached,
        forms stay signed and safe in the app and their copies are tried again.
      </p>
      {problem ? <Banner tone="error">{problem}</Banner> : null}
      {saved ? <Banner tone="success">{saved}</Banner> : null}
      <Panel titleId="case-file-folder-title" title="Where signed copies go">
        {status === undefined ? (
          <p role="status">Checking the folder…</p>
        ) : (
          <dl className="details">
            <dt>Folder</dt>
            <dd>
              {status.folder ? (
                <code>{status.folder}</code>
              ) : status.state === 'untrusted' ? (
                'Not trusted: choose the folder again'
              ) : (
                'None chosen yet'
              )}
            </dd>
            <dt>Can this computer save there now?</dt>
            <dd>
              <span
                className={status.state === 'reachable' ? 'badge' : 'badge badge--warn'}
                data-testid="case-file-state"
              >
                {status.state === 'reachable' ? 'Yes' : 'No'}
              </span>{' '}
              {status.state === 'reachable' || status.state === 'not-set'
                ? stateText[status.state]
                : `${stateText[status.state]} ${status.message}`}
            </dd>
          </dl>
        )}
        <div className="toolbar">
          {mayChange ? (
            <TaskButton isDisabled={isWorking} onRun={choose}>
              Choose folder…
            </TaskButton>
          ) : null}
          <TaskButton isSecondary isDisabled={isWorking} onRun={check}>
            Check again
          </TaskButton>
        </div>
      </Panel>
    </div>
  );
}
