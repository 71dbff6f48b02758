import { useState, type FormEvent } from 'react';
import {
  retentionReasons,
  type RetainedRecordKind,
  type RetentionReason,
  type RetentionSettings,
} from '@shared/schemas/retention';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import { useHomeToday } from '../../common/useHomeToday';
import { useRetention } from './useRetention';
import { SubmitForm } from '../../ui/SubmitForm';
import { Panel } from '../../ui/Panel';

const groupLabels: Record<RetainedRecordKind, string> = {
  caseRecord: 'Case records',
  visitorRegister: 'Visitor register entries',
  declaration: 'Staff declarations',
  disclosure: 'Disclosure log entries',
};

const periodFields = [
  ['caseRecordsYearsFromBirth', 'Case records: years from the young person’s date of birth'],
  ['visitorRegisterYears', 'Visitor register: years from the visit'],
  ['declarationsYears', 'Staff declarations: years from when recorded'],
  ['disclosuresYears', 'Disclosure log: years from the disclosure'],
] as const;

/**
 * The manager's retention screen: how long each kind of record is kept, and which records are
 * past that. Nothing is deleted by the app: the manager's decision is recorded in the audit log.
 */
export function RetentionScreen() {
  const today = useHomeToday();
  const { settings, past, problem, saveSettings, recordDecision } = useRetention(today);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const shown = message ?? (problem ? { tone: 'error' as const, text: problem } : undefined);

  const groups: { kind: RetainedRecordKind; count: number }[] = past
    ? [
        { kind: 'caseRecord', count: past.caseRecords.length },
        { kind: 'visitorRegister', count: past.visitorRegister },
        { kind: 'declaration', count: past.declarations },
        { kind: 'disclosure', count: past.disclosures },
      ]
    : [];

  return (
    <div className="page page--narrow">
      <h1>Retention</h1>
      <p className="lede">
        Family Links never deletes records on its own. Records past their retention period are listed here for
        you to decide; each decision is recorded in the audit log.
      </p>
      {shown ? <Banner tone={shown.tone}>{shown.text}</Banner> : null}
      <Panel titleId="past-retention-title" title="Past their retention period">
        {past === undefined ? (
          <p role="status">Checking records…</p>
        ) : groups.every((group) => group.count === 0) ? (
          <p className="empty">No record is past its retention period.</p>
        ) : (
          groups
            .filter((group) => group.count > 0)
            .map((group) => (
              <DecisionForm
                key={group.kind}
                label={`${groupLabels[group.kind]}: ${group.count.toLocaleString('en-GB')}`}
                detail={
                  group.kind === 'caseRecord'
                    ? past.caseRecords.map(
                        (record) => `${record.name} (${record.caseNumber}), since ${record.since}`,
                      )
                    : []
                }
                onDecide={async (decision, reason) => {
                  const result = await recordDecision({
                    kind: group.kind,
                    decision,
                    reason,
                  });
                  setMessage(
                    result.ok
                      ? {
                          tone: 'success',
                          text: `Recorded your decision on ${groupLabels[group.kind].toLowerCase()} in the audit log.`,
                        }
                      : { tone: 'error', text: result.error.message },
                  );
                }}
              />
            ))
        )}
      </Panel>
      {settings ? (
        <PeriodsForm
          key={JSON.stringify(settings)}
          initial={settings}
          onSave={async (input) => {
            const saved = await saveSettings(input);
            setMessage(
              saved.ok
                ? { tone: 'success', text: 'Retention periods saved.' }
                : { tone: 'error', text: Object.values(saved.error.fields ?? {})[0] ?? saved.error.message },
            );
          }}
        />
      ) : null}
    </div>
  );
}

function DecisionForm(props: {
  label: string;
  detail: readonly string[];
  onDecide: (decision: 'keep' | 'approve-destruction', reason: RetentionReason) => Promise<void>;
}) {
  const [decision, setDecision] = useState<'keep' | 'approve-destruction'>('keep');
  const [reason, setReason] = useState<RetentionReason>('review-later');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onDecide(decision, reason);
  };
  return (
    <form className="form" onSubmit={submit} aria-label={props.label}>
      <h3>{props.label}</h3>
      {props.detail.length > 0 ? (
        <ul>
          {props.detail.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <Field label="Decision">
        {(wiring) => (
          <select
            {...wiring}
            className="input"
            value={decision}
            onChange={(event) =>
              setDecision(event.target.value === 'approve-destruction' ? 'approve-destruction' : 'keep')
            }
          >
            <option value="keep">Keep them</option>
            <option value="approve-destruction">
              Approve their destruction (done by hand, after checking)
            </option>
          </select>
        )}
      </Field>
      <Field label="Why">
        {(wiring) => (
          <select
            {...wiring}
            className="input"
            value={reason}
            onChange={(event) => setReason(event.target.value as RetentionReason)}
          >
            {Object.entries(retentionReasons).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button--secondary">
        Record the decision
      </button>
    </form>
  );
}

function PeriodsForm({
  initial,
  onSave,
}: {
  initial: RetentionSettings;
  onSave: (input: Record<string, number>) => Promise<void>;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(periodFields.map(([key]) => [key, String(initial[key])])),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(Object.fromEntries(periodFields.map(([key]) => [key, Number(values[key])])));
  };
  return (
    <Panel titleId="retention-periods-title" title="Retention periods">
      <p>
        Defaults: case records 75 years from the date of birth; the visitor register, staff declarations and
        the disclosure log 15 years.
      </p>
      <SubmitForm label="Retention periods" onSubmit={submit}>
        {periodFields.map(([key, label]) => (
          <Field key={key} label={label}>
            {(wiring) => (
              <TextInput
                {...wiring}
                inputMode="numeric"
                className="input input--short"
                value={values[key] ?? ''}
                onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
              />
            )}
          </Field>
        ))}
        <button type="submit" className="button">
          Save periods
        </button>
      </SubmitForm>
    </Panel>
  );
}
