import { useId, useMemo } from 'react';
import { auditActionGroups } from './audit-action-labels';
import { notSignedIn, staffChoice, type AuditFilterValues } from './audit-filter-values';
import { TypedDayRange } from '../../common/TypedDayRange';
import { OptionSelect } from '../../ui/Field';
import { FilterForm } from '../../ui/FilterForm';

type Props = {
  readonly values: AuditFilterValues;
  readonly onChange: (values: AuditFilterValues) => void;
  readonly staff: readonly { readonly id: string; readonly name: string }[];
  readonly youngPeople: readonly { readonly id: string; readonly name: string }[];
};

/**
 * What the manager narrows the log to: the days (on the home's clock, both included), who did it
 * (a colleague, or no one signed in: failed and refused sign-ins), what was done (the actions in
 * words, grouped), and which young person it concerns (them and their records).
 */
export function AuditFilters({ values, onChange, staff, youngPeople }: Props) {
  const groups = useMemo(
    () =>
      auditActionGroups().map((group) => ({
        label: group.label,
        options: group.actions.map((item) => ({ value: item.action, label: item.label })),
      })),
    [],
  );
  const set = (change: Partial<AuditFilterValues>) => onChange({ ...values, ...change });
  // Labels point at their controls by id, so a select's name is its label, not its options' words.
  const id = useId();
  return (
    <FilterForm className="audit-filters" label="Filter the audit log">
      <TypedDayRange
        from={values.fromDate}
        to={values.toDate}
        onChange={(days) => set({ fromDate: days.from, toDate: days.to })}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-who`}>
          Who
        </label>
        <select
          id={`${id}-who`}
          className="input"
          value={values.who}
          onChange={(event) => set({ who: event.target.value })}
        >
          <option value="">Anyone</option>
          <option value={notSignedIn}>Not signed in (failed sign-ins)</option>
          {staff.map((member) => (
            <option key={member.id} value={staffChoice(member.id)}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-what`}>
          What
        </label>
        <OptionSelect
          id={`${id}-what`}
          emptyLabel="Any action"
          groups={groups}
          value={values.action}
          onChange={(event) => set({ action: event.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-young-person`}>
          Young person
        </label>
        <OptionSelect
          id={`${id}-young-person`}
          emptyLabel="Any young person"
          options={youngPeople.map((youngPerson) => ({ value: youngPerson.id, label: youngPerson.name }))}
          value={values.youngPersonId}
          onChange={(event) => set({ youngPersonId: event.target.value })}
        />
      </div>
    </FilterForm>
  );
}
