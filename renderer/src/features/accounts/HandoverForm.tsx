import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { displayName } from '@shared/display-names';
import {
  colleaguesFor,
  mayTakeOver,
  suggestedHandover,
  youngPersonRoleLabel,
  type HandoverItem,
} from '@shared/rules/handover';
import type { HandoverChoice } from '@shared/schemas/handover';
import type { StaffMember } from '@shared/schemas/staff';
import { Banner } from '../../ui/Banner';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useSession } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';
import type { LeaverHoldings } from '../../security/switch-off-account';
import './handover.css';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { SubmitForm } from '../../ui/SubmitForm';
import { FormActions } from '../../ui/FormActions';
import { staffChoices } from '../../common/staff-names';
import { OptionSelect } from '../../ui/Field';
import { LabelledOptionSelect } from '../../ui/LabelledSelect';
import { FieldError } from '../../ui/FieldError';
import { unreachable } from '@shared/unreachable';

/** What switching off did: the account as it is now, and how many things went to colleagues. */
export type SwitchedOff = { readonly member: StaffMember; readonly handedOver: number };

type Problem = { readonly message: string; readonly fields: Readonly<Record<string, string>> };

/** What an item is, in the table's first column. */
function whatText(item: HandoverItem, timeZone: string): string {
  switch (item.kind) {
    case 'youngPerson':
      return youngPersonRoleLabel(item.role);
    case 'panPlace':
      return 'Place in the PAN group';
    case 'owedForm':
      return `Contact form ${item.reference} they owe, due ${new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      }).format(new Date(item.dueAt))}`;
    case 'formAction':
      return `Action on draft ${item.reference}: ${item.action.length > 60 ? `${item.action.slice(0, 59)}…` : item.action}`;
    default:
      return unreachable(item, 'handover item');
  }
}

/**
 * The confirm step's handover: each thing the leaver holds with a colleague to take it (first
 * suggestions filled in), one "hand everything to" choice, and the switch-off itself. Refused
 * here, before anything is sent, while something is left without a colleague.
 */
export function HandoverForm({
  holdings,
  onDone,
}: {
  readonly holdings: LeaverHoldings;
  readonly onDone: (switchedOff: SwitchedOff | undefined) => void;
}) {
  const session = useSession();
  const auth = useAuthService();
  const timeZone = useHomeTimeZone();
  const { leaver, staff, items, records } = holdings;
  const [choices, setChoices] = useState<Record<string, string>>(() =>
    Object.fromEntries(suggestedHandover(leaver.id, staff, records, items)),
  );
  const [allTo, setAllTo] = useState('');
  const [note, setNote] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setSaving] = useState(false);
  const selects = useRef(new Map<string, HTMLSelectElement>());
  const id = useId();

  const names = useMemo(
    () => new Map(records.youngPeople.map((youngPerson) => [youngPerson.id, displayName(youngPerson)])),
    [records],
  );
  const nameOf = (youngPersonId: string) => names.get(youngPersonId) ?? 'A young person';
  const rows = [...items].sort((a, b) =>
    nameOf(a.youngPersonId).localeCompare(nameOf(b.youngPersonId), 'en-GB'),
  );
  const colleagues = staff.filter((member) => member.isActive && member.id !== leaver.id);

  const handAll = () => {
    const colleague = colleagues.find((member) => member.id === allTo);
    if (!colleague) {
      setNote('Choose a colleague to hand everything to.');
      return;
    }
    const given = items.filter((item) => mayTakeOver(item, colleague, leaver.id));
    setChoices((current) => ({
      ...current,
      ...Object.fromEntries(given.map((item) => [item.key, colleague.id])),
    }));
    setProblem(undefined);
    setNote(
      given.length === items.length
        ? `Everything goes to ${colleague.name}. You can still change any row.`
        : `${given.length} of ${items.length} go to ${colleague.name}. The others need someone with that role: choose them in their rows.`,
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = items.filter((item) => !choices[item.key]);
    if (missing.length > 0) {
      setProblem({
        message: `Choose a colleague for everything ${leaver.name} holds: ${missing.length} ${
          missing.length === 1 ? 'thing still needs' : 'things still need'
        } one. Nothing has been switched off.`,
        fields: Object.fromEntries(missing.map((item) => [item.key, 'Choose a colleague.'])),
      });
      const first = rows.find((item) => !choices[item.key]);
      if (first) selects.current.get(first.key)?.focus();
      return;
    }
    const choice: HandoverChoice = {
      leaverId: leaver.id,
      assignments: items.map((item) => ({ itemKey: item.key, toStaffId: choices[item.key] ?? '' })),
    };
    setSaving(true);
    const result = await auth.switchOff(session, leaver.id, choice);
    setSaving(false);
    if (result.ok) onDone({ member: result.value, handedOver: items.length });
    else setProblem({ message: result.error.message, fields: result.error.fields ?? {} });
  };

  return (
    <SubmitForm label="Hand over and switch off" onSubmit={submit}>
      {problem ? <Banner tone="error">{problem.message}</Banner> : null}
      {items.length === 0 ? (
        <p>
          {leaver.name} holds no young people, PAN group places, contact forms or actions, so there is nothing
          to hand over.
        </p>
      ) : (
        <>
          <p>
            {leaver.name} holds the work below. Choose a colleague to take over each one; it changes when you
            switch the account off.
          </p>
          <div className="handover-all">
            <LabelledOptionSelect
              label="Hand everything to"
              value={allTo}
              onChange={(event) => setAllTo(event.target.value)}
              emptyLabel="Choose a colleague…"
              options={staffChoices(colleagues)}
            />
            <button type="button" className="button button--secondary" onClick={handAll}>
              Hand all to them
            </button>
          </div>
          {note ? (
            <p role="status" className="muted">
              {note}
            </p>
          ) : null}
          <table className="table handover-table">
            <caption className="visually-hidden">What {leaver.name} holds, and who takes it over</caption>
            <ColumnHeads columns={['Young person', 'What', 'Goes to']} />
            <tbody>
              {rows.map((item) => {
                const what = whatText(item, timeZone);
                const error = problem?.fields[item.key];
                const selectId = `${id}-${item.key}`;
                return (
                  <tr key={item.key}>
                    <th scope="row">{nameOf(item.youngPersonId)}</th>
                    <td>{what}</td>
                    <td className={error ? 'field--error' : undefined}>
                      <label htmlFor={selectId} className="visually-hidden">
                        {`${what} for ${nameOf(item.youngPersonId)}: goes to`}
                      </label>
                      <OptionSelect
                        id={selectId}
                        ref={(element) => {
                          if (element) selects.current.set(item.key, element);
                          else selects.current.delete(item.key);
                        }}
                        value={choices[item.key] ?? ''}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${selectId}-error` : undefined}
                        onChange={(event) => {
                          const value = event.target.value;
                          setChoices((current) => ({ ...current, [item.key]: value }));
                        }}
                        emptyLabel="Choose a colleague…"
                        options={staffChoices(colleaguesFor(item, staff, leaver.id))}
                      />
                      <FieldError id={`${selectId}-error`} message={error} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <FormActions
        submitLabel={items.length === 0 ? 'Yes, switch off the account' : 'Yes, switch off and hand over'}
        isBusy={isSaving}
        onCancel={() => onDone(undefined)}
        isDanger
      />
    </SubmitForm>
  );
}
