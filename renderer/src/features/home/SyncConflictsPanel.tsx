import { useState, type FormEvent } from 'react';
import { dayAndTime } from '@shared/home-time';
import type { ConflictCombination, ConflictForManager } from '../../db/repositories/sync-conflict-repository';
import { useHomeClock } from '../../common/useHomeClock';
import { useSyncConflicts } from './useSyncConflicts';
import { Panel } from '../../ui/Panel';

type Settled = Promise<{ ok: boolean; error?: { message: string } }>;

/**
 * Combining the versions: for each detail changed two ways, a group of the versions' values (each
 * labelled with the computer it was changed on) to choose one from; details changed on one
 * computer only are kept as changed. The choice is checked before anything is written.
 */
function CombineChoice({
  conflict,
  titleId,
  busy,
  combine,
}: {
  readonly conflict: ConflictForManager;
  readonly titleId: string;
  readonly busy: boolean;
  readonly combine: (combination: ConflictCombination) => Promise<void>;
}) {
  const [choices, setChoices] = useState<Readonly<Record<string, string>>>({});
  const fields = conflict.fields.filter((field) => conflict.choosable.includes(field.field));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void combine({ versions: conflict.versions.map((version) => version.version), choices });
  };
  return (
    <details className="conflict__combine">
      <summary>Or combine them: choose each detail from either version</summary>
      <form aria-label={`Combine the versions of ${conflict.recordName}`} onSubmit={submit} noValidate>
        <p className="conflict__hint">Details changed on one computer only are kept as they were changed.</p>
        {fields.map((field) => (
          <fieldset key={field.field} className="fieldset conflict__field">
            <legend>{field.label}</legend>
            {conflict.versions.map((version, index) => (
              <label key={version.version} className="checkbox conflict__option">
                <input
                  type="radio"
                  name={`${titleId}-${field.field}`}
                  value={version.version}
                  checked={choices[field.field] === version.version}
                  onChange={() => setChoices((chosen) => ({ ...chosen, [field.field]: version.version }))}
                />
                <span>
                  <span className="conflict__from">Changed on {version.madeOn}:</span>{' '}
                  {field.values[index] ?? '(none)'}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="button" disabled={busy}>
          Keep these values
        </button>
      </form>
    </details>
  );
}

function ConflictChoice({
  conflict,
  keep,
  combine,
}: {
  readonly conflict: ConflictForManager;
  readonly keep: (conflictId: string, version: string) => Settled;
  readonly combine: (conflictId: string, combination: ConflictCombination) => Settled;
}) {
  const { timeZone } = useHomeClock();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const titleId = `conflict-${conflict.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const settle = async (settling: Settled) => {
    setBusy(true);
    setMessage(undefined);
    const settled = await settling;
    setBusy(false);
    if (!settled.ok) setMessage(settled.error?.message);
  };
  const choose = (version: string) => settle(keep(conflict.id, version));
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
      {conflict.choosable.length > 0 ? (
        <CombineChoice
          conflict={conflict}
          titleId={titleId}
          busy={busy}
          combine={(combination) => settle(combine(conflict.id, combination))}
        />
      ) : null}
      {message ? (
        <p className="field__error" role="alert">
          {message}
        </p>
      ) : null}
    </article>
  );
}

/**
 * "Changed on two computers at once" (docs/sync-design.md, "Conflicts"): for the manager, how
 * many records two computers changed while apart, and for each whose same detail was changed two
 * ways, both versions side by side (only what differs) with a choice: keep one, or combine them
 * detail by detail. Changes to different
 * details are combined unasked. Until a choice is made, the door holds the stricter restriction.
 * Nothing shows while there are none.
 */
export function SyncConflictsPanel() {
  const { state, keep, combine } = useSyncConflicts();
  if (!state || state.count === 0) return null;
  const { count, toChoose } = state;
  return (
    <Panel titleId="sync-conflicts-title" title="Changed on two computers at once">
      <p role="status">
        <strong>
          {count === 1 ? '1 record was' : `${count} records were`} changed on two computers at once.
        </strong>{' '}
        {toChoose.length === 0
          ? 'They are being combined: nothing was changed two ways.'
          : 'Where the same detail was changed two ways, keep one version or combine them detail by detail. Until you do, the front door uses the stricter version of a restriction.'}
      </p>
      {toChoose.map((conflict) => (
        <ConflictChoice key={conflict.id} conflict={conflict} keep={keep} combine={combine} />
      ))}
    </Panel>
  );
}
