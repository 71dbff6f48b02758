import { useState } from 'react';
import { dayAndTime } from '@shared/home-time';
import type { ConflictForManager } from '../../db/repositories/sync-conflict-repository';
import { useHomeClock } from '../../common/useHomeClock';
import { useSyncConflicts } from './useSyncConflicts';

function ConflictChoice({
  conflict,
  keep,
}: {
  readonly conflict: ConflictForManager;
  readonly keep: (
    conflictId: string,
    version: string,
  ) => Promise<{ ok: boolean; error?: { message: string } }>;
}) {
  const { timeZone } = useHomeClock();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const titleId = `conflict-${conflict.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const choose = async (version: string) => {
    setBusy(true);
    setMessage(undefined);
    const kept = await keep(conflict.id, version);
    setBusy(false);
    if (!kept.ok) setMessage(kept.error?.message);
  };
  return (
    <article className="conflict" aria-labelledby={titleId}>
      <h3 id={titleId}>{conflict.recordName}</h3>
      <table className="conflict__versions">
        <caption className="visually-hidden">
          The versions of {conflict.recordName}, where they differ
        </caption>
        <thead>
          <tr>
            <td />
            {conflict.versions.map((version, index) => (
              <th key={version.version} scope="col" id={`${titleId}-v${index}`}>
                Changed on {version.madeOn}
                <span className="conflict__when">{dayAndTime(version.at, timeZone)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((field) => (
            <tr key={field.field}>
              <th scope="row">{field.label}</th>
              {field.values.map((value, index) => (
                <td key={conflict.versions[index]?.version ?? index}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            {conflict.versions.map((version, index) => (
              <td key={version.version}>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-describedby={`${titleId}-v${index}`}
                  disabled={busy}
                  onClick={() => void choose(version.version)}
                >
                  Keep this version
                </button>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      {message ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : null}
    </article>
  );
}

/**
 * "Changed on two computers at once" (docs/sync-design.md, "Conflicts"): for the manager, how
 * many records two computers changed while apart, and for each whose same detail was changed two
 * ways, both versions side by side (only what differs) with a choice. Changes to different
 * details are combined unasked. Until a choice is made, the door holds the stricter restriction.
 * Nothing shows while there are none.
 */
export function SyncConflictsPanel() {
  const { state, keep } = useSyncConflicts();
  if (!state || state.count === 0) return null;
  const { count, toChoose } = state;
  return (
    <section className="panel" aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">Changed on two computers at once</h2>
      <p role="status">
        <strong>
          {count === 1 ? '1 record was' : `${count} records were`} changed on two computers at once.
        </strong>{' '}
        {toChoose.length === 0
          ? 'They are being combined: nothing was changed two ways.'
          : 'Where the same detail was changed two ways, choose the version to keep. Until you do, the front door uses the stricter version of a restriction.'}
      </p>
      {toChoose.map((conflict) => (
        <ConflictChoice key={conflict.id} conflict={conflict} keep={keep} />
      ))}
    </section>
  );
}
